"""Business pages, by audience: the directory (directory.py), opportunities
(opportunities.py), events (events.py),
imports of agreed meetings (imports.py) and the schedule as a file (exports.py)."""
