"""Use cases. Each takes plain arguments and a unit-of-work factory and returns plain data."""
