"""Fuzzing the readers and importers: a seed corpus made in code and a mutating harness (``run.py``)."""
