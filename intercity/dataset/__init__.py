"""Datasets the platform can load: the ANMC21 record and generated demo data."""
