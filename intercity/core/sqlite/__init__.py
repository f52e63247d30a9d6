"""The SQLite database engine of the platform: Django's, told the library's real limits."""
