"""Read queries the window needs, as SQL aggregates and indexed lookups (never a whole-library read).

Each function takes a connection and returns plain tuples; the caller decides on which thread
and connection it runs (the GUI runs the aggregates on its worker, the small lookups on its
read connection).
"""
