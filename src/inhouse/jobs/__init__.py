"""Background work: the handlers of each job kind, the in-process worker and the Procrastinate
worker; each job's state and progress in the ``jobs`` table."""

from inhouse.jobs.reporter import Reporter
from inhouse.jobs.runner import JobRunner

__all__ = ["JobRunner", "Reporter"]
