from panprd_desktop.cli import main

raise SystemExit(main())
