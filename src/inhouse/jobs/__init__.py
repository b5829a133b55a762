"""Background work: a thread pool that records each job's state and progress in the ``jobs`` table."""

from inhouse.jobs.runner import JobRunner, Reporter

__all__ = ["JobRunner", "Reporter"]
