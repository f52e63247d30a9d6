"""Factories and personas shared by the test suites."""
