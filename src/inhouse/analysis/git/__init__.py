"""Git knowledge analytics: who knows the code, and what leaves with the partner.

The public entry point is :func:`scan_repository`; the modules are small steps of it:
``gitcmd`` (running git safely), ``mining`` (streaming ``git log``), ``history``
(the facts a scan keeps), ``incremental``, ``identities``, ``filters``,
``authorship`` (DOA and truck factor, Avelino et al., ICPC 2016), ``offboarding``,
``trajectory`` and ``blame``.
"""

from inhouse.analysis.git.filters import FileFilter
from inhouse.analysis.git.identities import SideRules, parse_alias, parse_org_map
from inhouse.analysis.git.scanner import ScanOptions, ScanOutcome, scan_repository
from inhouse.analysis.git.trajectory import PERIODS

__all__ = [
    "FileFilter",
    "PERIODS",
    "ScanOptions",
    "ScanOutcome",
    "SideRules",
    "parse_alias",
    "parse_org_map",
    "scan_repository",
]
