"""Tests of the meeting scheduling engine."""
