"""Business pages, by audience: the directory (directory.py) and events (events.py)."""
