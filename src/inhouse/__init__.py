"""inhouse: measure, don't trust, how much of outsourced AI work stays in-house."""

__version__ = "0.1.0"
