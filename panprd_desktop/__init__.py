"""PanPRD Desk: annotate, search and print the Pan-PRD cooperation measures, offline."""

__version__ = "0.1.0"
