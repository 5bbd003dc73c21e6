"""The desktop GUI (PySide6). The only package that imports Qt; everything else is Qt-free."""
