"""Business pages, by audience: the directory (directory.py), events (events.py) and
imports of agreed meetings (imports.py)."""
