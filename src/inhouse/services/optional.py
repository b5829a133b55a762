"""Services that may not be installed yet: look them up by name when they are called.

The web face, the report and the job runner show what exists; a feature whose service is
missing answers NotAvailable ("not available in this version yet") instead of failing.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any, Callable

from inhouse.errors import NotAvailable


def optional_service(name: str) -> ModuleType | None:
    """``inhouse.services.<name>`` when it exists, else None (errors inside it still raise)."""
    full = f"inhouse.services.{name}"
    try:
        return importlib.import_module(full)
    except ModuleNotFoundError as exc:
        if exc.name in (full, "inhouse.services"):
            return None
        raise


def find_function(candidates: tuple[tuple[str, str], ...]) -> Callable[..., Any] | None:
    for module_name, function_name in candidates:
        module = optional_service(module_name)
        function = getattr(module, function_name, None) if module else None
        if callable(function):
            return function
    return None


def service_function(what: str, candidates: tuple[tuple[str, str], ...]) -> Callable[..., Any]:
    """The first ``module.function`` of ``candidates`` that exists, else NotAvailable."""
    function = find_function(candidates)
    if function is None:
        raise NotAvailable(f"{what} is not available in this version yet")
    return function
