"""Launch PanPRD Desk: ``python main.py [--db PATH]`` opens the window."""

from panprd_desktop.ui.app import main

if __name__ == "__main__":
    raise SystemExit(main())
