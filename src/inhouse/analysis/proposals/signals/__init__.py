"""The playbook's three signals, one detector per module on a shared base."""

from inhouse.analysis.proposals.signals.base import SignalDetector
from inhouse.analysis.proposals.signals.honest_limits import HonestLimits
from inhouse.analysis.proposals.signals.problem_first import ProblemFirst
from inhouse.analysis.proposals.signals.starts_small import StartsSmall

DETECTORS: tuple[SignalDetector, ...] = (ProblemFirst(), HonestLimits(), StartsSmall())

__all__ = ["DETECTORS", "HonestLimits", "ProblemFirst", "SignalDetector", "StartsSmall"]
