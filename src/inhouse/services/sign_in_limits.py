"""How many sign-in attempts one e-mail and one address may make: a moving window of a minute,
counted in the workspace's database, so that the limit holds however many server processes
answer (each kept its own count in memory before, and N processes let a guesser try N times).

An attempt is counted under two keys: the e-mail (lower-cased) with the client address, allowed
``per_minute``; and the address alone, allowed ``per_minute * address_factor`` (one address may
hold several accounts, but not guess at many). Keys are SHA-256 digests: no e-mail is kept. An
attempt over either limit is not counted (waiting lets the window empty) and answers the seconds
until the oldest counted attempt leaves it. Concurrent attempts on one key are serialised, so the
count is exact across processes.
"""

from __future__ import annotations

import hashlib
import math
from datetime import UTC, datetime, timedelta

from inhouse.bootstrap import Workspace

WINDOW = timedelta(minutes=1)


def _key(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8", "replace")).hexdigest()


def hit(
    ws: Workspace, email: str, address: str, *, per_minute: int, address_factor: int, now: datetime | None = None
) -> int:
    """Count one sign-in attempt; 0 when it is allowed, else the seconds until one is."""
    now = now or datetime.now(UTC).replace(tzinfo=None)
    start = now - WINDOW
    limits = {
        _key("email", email.strip().lower(), address): per_minute,
        _key("address", address): per_minute * address_factor,
    }
    with ws.uow() as uow:
        attempts = uow.sign_in_attempts
        attempts.serialise(limits)
        attempts.add(limits, now)
        waits = []
        for key, limit in limits.items():
            count, oldest = attempts.since(key, start)  # this attempt included
            if count > limit and oldest is not None:
                waits.append(max(1, math.ceil((oldest + WINDOW - now).total_seconds())))
        if waits:
            return max(waits)  # not committed: a refused attempt is not counted
        attempts.forget_before(start)
        uow.commit()
    return 0
