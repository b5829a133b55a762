"""A deterministic git history for the demo, written with ``git fast-import``.

The story: Meridian Freight's two-person data team kept an ETA-prediction
prototype from May 2024; Quantia Labs arrived on 2 June 2025 and did most of
the work; Meridian's share grows each month but stays behind the 30% -> 60%
plan. Partner people own the serving and infrastructure code, the internal
team the features, which the off-boarding simulation makes visible. Meridian's
people review more and more of the partner's commits (``Reviewed-by:``) and,
from 2026, pair on some of them (``Co-authored-by:``); Arjun Patel left at the
end of August 2026.
"""

from __future__ import annotations

import random
import subprocess
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from inhouse.analysis.git import gitcmd
from inhouse.errors import AnalyzerError
from inhouse.services.demo import docs


@dataclass(frozen=True)
class Author:
    name: str
    email: str
    side: str  # internal | partner | bot
    active_from: date
    active_to: date = date(2099, 1, 1)


AUTHORS = (
    Author("Dana Okafor", "dana.okafor@meridianfreight.com", "internal", date(2024, 5, 1)),
    Author("Tomás Ribeiro", "tomas.ribeiro@meridianfreight.com", "internal", date(2024, 5, 1)),
    Author("Priya Raman", "priya.raman@meridianfreight.com", "internal", date(2026, 1, 12)),
    Author("Lukas Brandt", "lukas@quantialabs.io", "partner", date(2025, 6, 2)),
    Author("Mei Chen", "mei.chen@quantialabs.io", "partner", date(2025, 6, 2)),
    Author("Arjun Patel", "arjun@quantialabs.io", "partner", date(2025, 9, 1), date(2026, 8, 31)),
    Author("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", "bot", date(2025, 7, 1)),
)
#: Lukas sometimes commits from his laptop's default identity; the repository's .mailmap merges it.
LUKAS_ALIAS = ("lbrandt", "lukas.brandt@users.noreply.github.com")

START = date(2024, 5, 6)
END = date(2026, 11, 20)
ENGAGEMENT_START = date(2025, 6, 2)

#: Areas of the code and who tends to work on them.
AREAS = {
    "src/eta/features": "internal",
    "src/eta/data": "internal",
    "src/eta/models": "partner",
    "src/eta/serving": "partner",
    "src/eta/monitoring": "partner",
    "infra/terraform": "partner",
    "pipelines": "mixed",
    "tests": "mixed",
}
FILES = {
    "src/eta/features": ["calendar.py", "weather.py", "lanes.py", "carriers.py", "holidays.py"],
    "src/eta/data": ["loaders.py", "schema.py", "quality.py"],
    "src/eta/models": ["gbm.py", "quantile.py", "registry.py", "training.py", "calibration.py"],
    "src/eta/serving": ["api.py", "batch.py", "cache.py", "schemas.py", "auth.py"],
    "src/eta/monitoring": ["drift.py", "alerts.py"],
    "infra/terraform": ["main.tf", "serving.tf", "variables.tf"],
    "pipelines": ["train.yaml", "backfill.yaml", "nightly.yaml"],
    "tests": ["test_features.py", "test_models.py", "test_serving.py"],
}

WORDS = (
    "eta lane carrier dwell transit weather holiday quantile horizon feature window shipment depot route "
    "delay forecast threshold cache batch latency drift alert retrain backfill schema loader score"
).split()


def internal_share_target(day: date) -> float:
    """The share of commits the generator gives the internal side on ``day``."""
    if day < ENGAGEMENT_START:
        return 1.0
    months = (day - ENGAGEMENT_START).days / 30.4
    return min(0.14 + months * 0.015, 0.50)  # ~14% at the start, ~40% in November 2026


def internal_review_chance(day: date) -> float:
    """The chance an internal person reviews a partner change made on ``day``: from 15% at the
    engagement's start to about 75% in November 2026 (review is the playbook's knowledge transfer)."""
    if day < ENGAGEMENT_START:
        return 0.0
    return min(0.15 + (day - ENGAGEMENT_START).days / (END - ENGAGEMENT_START).days * 0.6, 0.75)


def _trailers(rng: random.Random, author: Author, day: date) -> str:
    """The credit trailers of a commit by ``author`` on ``day`` ("" for none), drawn from ``rng``
    (its own generator: the history's files and authors do not depend on them)."""
    if author.side == "bot" or day < ENGAGEMENT_START:
        return ""
    lines = []
    if author.side == "partner":
        inside = [a for a in AUTHORS if a.side == "internal" and a.active_from <= day <= a.active_to]
        if rng.random() < internal_review_chance(day):
            reviewer = rng.choice(inside)
            lines.append(f"Reviewed-by: {reviewer.name} <{reviewer.email}>")
        if day >= date(2026, 1, 1) and rng.random() < 0.12:
            pair = rng.choice(inside)
            lines.append(f"Co-authored-by: {pair.name} <{pair.email}>")
    elif rng.random() < 0.3:
        partner = [a for a in AUTHORS if a.side == "partner" and a.active_from <= day <= a.active_to]
        reviewer = rng.choice(partner)
        lines.append(f"Reviewed-by: {reviewer.name} <{reviewer.email}>")
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""


def _line(rng: random.Random, path: str) -> str:
    words = rng.sample(WORDS, 3)
    if path.endswith(".py"):
        return f"    {words[0]}_{words[1]} = compute_{words[2]}(frame)  # {rng.randrange(1000)}"
    if path.endswith(".tf"):
        return f'  {words[0]}_{words[1]} = "{words[2]}-{rng.randrange(100)}"'
    return f"  {words[0]}: {words[1]}-{words[2]}-{rng.randrange(100)}"


class _History:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.files: dict[str, list[str]] = {}
        self.out: list[bytes] = []
        self.mark = 0
        self.layout = {area: list(names) for area, names in FILES.items()}

    def blob_commands(self, path: str) -> bytes:
        data = ("\n".join(self.files[path]) + "\n").encode()
        return b"M 100644 inline " + path.encode() + b"\ndata " + str(len(data)).encode() + b"\n" + data + b"\n"

    def commit(
        self,
        author: Author,
        when: datetime,
        message: str,
        changes: list[bytes],
        branch: str = "refs/heads/main",
        parent: int | None = None,
        merge: int | None = None,
        identity: tuple[str, str] | None = None,
    ) -> int:
        self.mark += 1
        name, email = identity or (author.name, author.email)
        stamp = f"{int(when.timestamp())} +0000"
        msg = message.encode()
        parts = [
            f"commit {branch}\nmark :{self.mark}\n".encode(),
            f"author {name} <{email}> {stamp}\ncommitter {name} <{email}> {stamp}\n".encode(),
            b"data " + str(len(msg)).encode() + b"\n" + msg + b"\n",
        ]
        if parent is not None:
            parts.append(f"from :{parent}\n".encode())
        if merge is not None:
            parts.append(f"merge :{merge}\n".encode())
        parts.extend(changes)
        parts.append(b"\n")
        self.out.append(b"".join(parts))
        return self.mark

    def edit(self, path: str) -> tuple[bytes, str]:
        rng = self.rng
        lines = self.files.setdefault(path, [])
        if not lines:
            lines.extend(_line(rng, path) for _ in range(rng.randint(25, 60)))
            return self.blob_commands(path), "add"
        for _ in range(rng.randint(1, 6)):
            i = rng.randrange(len(lines))
            lines[i] = _line(rng, path)
        if rng.random() < 0.6:
            at = rng.randrange(len(lines) + 1)
            lines[at:at] = [_line(rng, path) for _ in range(rng.randint(1, 12))]
        if len(lines) > 40 and rng.random() < 0.3:
            at = rng.randrange(len(lines) - 5)
            del lines[at : at + rng.randint(1, 5)]
        return self.blob_commands(path), "update"


def _pick_author(rng: random.Random, day: date, side: str) -> Author:
    pool = [a for a in AUTHORS if a.side == side and a.active_from <= day <= a.active_to]
    return rng.choice(pool)


def _pick_path(rng: random.Random, layout: dict[str, list[str]], side: str, day: date) -> str:
    weights = []
    for area, owner in AREAS.items():
        if day < ENGAGEMENT_START and area in ("src/eta/serving", "src/eta/monitoring", "infra/terraform"):
            weights.append(0)
        elif owner == side:
            weights.append(6)
        elif owner == "mixed":
            weights.append(3)
        else:
            weights.append(1)
    area = rng.choices(list(AREAS), weights=weights)[0]
    return f"{area}/{rng.choice(layout[area])}"


def generate(target: Path, seed: int = 7) -> Path:
    """Create the demo repository at ``target`` (which must not exist yet); returns it."""
    if target.exists():
        raise AnalyzerError(f"{target} already exists")
    target.mkdir(parents=True)

    def git(*args: str, data: bytes | None = None) -> None:
        # the safe environment of every git call: no user or system config, hooks or templates
        argv = ["git", *gitcmd.safe_options(), *args]
        subprocess.run(argv, input=data, check=True, cwd=target, capture_output=True, env=gitcmd.git_env())

    git("init", "-q", "-b", "main")
    history = _History(seed)
    rng = history.rng
    credits = random.Random(seed + 1)  # the trailers' own: the files and authors stay as they were
    mailmap = (f"Lukas Brandt <lukas@quantialabs.io> {LUKAS_ALIAS[0]} <{LUKAS_ALIAS[1]}>\n").encode()
    readme_lines = ["# ETA prediction", "", "Predicts shipment arrival times for Meridian Freight lanes."]
    history.files["README.md"] = readme_lines
    first = datetime(2024, 5, 6, 9, 30, tzinfo=UTC)
    head = history.commit(
        AUTHORS[0],
        first,
        "Start the ETA prototype",
        [
            history.blob_commands("README.md"),
            b"M 100644 inline .mailmap\ndata " + str(len(mailmap)).encode() + b"\n" + mailmap + b"\n",
        ],
    )
    day = START
    renamed = False
    while day <= END:
        if day.weekday() < 5:
            busy = 0.35 if day < ENGAGEMENT_START else 1.0
            for _ in range(rng.choices([0, 1, 2, 3], weights=[2, 4, 3, 1])[0]):
                if rng.random() > busy:
                    continue
                side = "internal" if rng.random() < internal_share_target(day) else "partner"
                author = _pick_author(rng, day, side)
                when = datetime(day.year, day.month, day.day, rng.randint(8, 18), rng.randint(0, 59), tzinfo=UTC)
                changes, verbs = [], []
                count = rng.choices([1, 2, 3], [5, 3, 1])[0]  # (first-seen order: a set's order varies by process)
                for path in dict.fromkeys(_pick_path(rng, history.layout, side, day) for _ in range(count)):
                    blob, verb = history.edit(path)
                    changes.append(blob)
                    verbs.append(f"{verb} {path.rsplit('/', 1)[-1]}")
                identity = LUKAS_ALIAS if author.name == "Lukas Brandt" and rng.random() < 0.2 else None
                message = "; ".join(verbs).capitalize() + _trailers(credits, author, day)
                if rng.random() < 0.08 and day > ENGAGEMENT_START:
                    # a short feature branch merged with --no-ff
                    side_commit = history.commit(
                        author,
                        when,
                        message,
                        changes,
                        branch="refs/heads/feature",
                        parent=head,
                        identity=identity,
                    )
                    head = history.commit(
                        author,
                        when + timedelta(minutes=30),
                        "Merge branch 'feature'",
                        [],
                        parent=head,
                        merge=side_commit,
                        identity=identity,
                    )
                else:
                    head = history.commit(author, when, message, changes, parent=head, identity=identity)
            if day.weekday() == 0 and day >= date(2025, 7, 1) and rng.random() < 0.5:
                bot = AUTHORS[-1]
                history.files.setdefault("requirements.txt", ["numpy==1.26.0", "lightgbm==4.1.0"])
                pin = rng.randrange(1, 9)
                history.files["requirements.txt"][0] = f"numpy==1.26.{pin}"
                when = datetime(day.year, day.month, day.day, 6, 0, tzinfo=UTC)
                head = history.commit(
                    bot, when, f"Bump numpy to 1.26.{pin}", [history.blob_commands("requirements.txt")], parent=head
                )
        if not renamed and day >= date(2025, 11, 3):
            renamed = True
            old, new = "src/eta/serving/cache.py", "src/eta/serving/feature_cache.py"
            if old in history.files:
                history.files[new] = history.files.pop(old)
                serving = history.layout["src/eta/serving"]
                serving[serving.index("cache.py")] = "feature_cache.py"
                when = datetime(day.year, day.month, day.day, 11, 0, tzinfo=UTC)
                head = history.commit(
                    AUTHORS[4], when, "Rename cache to feature_cache", [f"R {old} {new}\n".encode()], parent=head
                )
        for who, message, pages in docs.COMMITS.get(day, ()):  # the documentation, on fixed days
            history.files.update({path: text.splitlines() for path, text in pages.items()})
            when = datetime(day.year, day.month, day.day, 16, 30, tzinfo=UTC)
            head = history.commit(AUTHORS[who], when, message, [history.blob_commands(p) for p in pages], parent=head)
        day += timedelta(days=1)
    git("fast-import", "--quiet", data=b"".join(history.out))
    git("update-ref", "-d", "refs/heads/feature")
    git("checkout", "-q", "-f", "main")
    return target
