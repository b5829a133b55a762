"""Fuzzing the readers: the deterministic slice and the saved regression inputs."""
