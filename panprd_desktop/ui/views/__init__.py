"""The window's panels. Each listens to the one ``changed`` signal; none reaches into another."""
