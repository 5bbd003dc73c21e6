"""Qt item models over the core's plain data (napari-style adapters)."""
