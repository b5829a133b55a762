"""A tiny builder of real git repositories for tests: scripted commits, fixed dates.

    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit("Ann <ann@acme.com>", "2023-01-02", {"a.py": "x\\n"})
    repo.commit("Pat <pat@partner.io>", "2023-01-03", rename={"a.py": "b.py"})

No network, no global git configuration, no committed fixture archives.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

_WHO = re.compile(r"^(.*?)\s*<(.*)>$")


def git_test_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, HOME=str(home), GIT_TERMINAL_PROMPT="0", LC_ALL="C"
    )
    return env


class GitRepoBuilder:
    def __init__(self, path: Path, *, branch: str = "main") -> None:
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.env = git_test_env(self.path.parent)
        self.git("init", "-q", "-b", branch)
        self.git("config", "commit.gpgsign", "false")

    def git(self, *args: str, env: dict[str, str] | None = None, input: bytes | None = None) -> str:
        out = subprocess.run(
            ["git", "-C", str(self.path), *args],
            env={**self.env, **(env or {})},
            capture_output=True,
            input=input,
            check=False,
        )
        if out.returncode != 0:
            raise RuntimeError(f"git {' '.join(args)} failed: {out.stderr.decode(errors='replace')}")
        return out.stdout.decode("utf-8", "replace").strip()

    @staticmethod
    def _who_env(who: str, when: str) -> dict[str, str]:
        match = _WHO.match(who)
        if not match:
            raise ValueError(f"author must look like 'Name <email>', got {who!r}")
        stamp = when if "T" in when else f"{when}T12:00:00+00:00"
        return {
            "GIT_AUTHOR_NAME": match[1],
            "GIT_AUTHOR_EMAIL": match[2],
            "GIT_AUTHOR_DATE": stamp,
            "GIT_COMMITTER_NAME": match[1],
            "GIT_COMMITTER_EMAIL": match[2],
            "GIT_COMMITTER_DATE": stamp,
        }

    def commit(
        self,
        who: str,
        when: str,
        files: dict[str, str | bytes | None] | None = None,
        *,
        rename: dict[str, str] | None = None,
        message: str | None = None,
    ) -> str:
        """Write ``files`` (None deletes), apply ``rename`` (old -> new) and commit; return the sha."""
        for old, new in (rename or {}).items():
            (self.path / new).parent.mkdir(parents=True, exist_ok=True)
            self.git("mv", old, new)
        written, removed = [], []
        for name, content in (files or {}).items():
            target = self.path / name
            if content is None:
                removed.append(name)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content if isinstance(content, bytes) else content.encode())
            written.append(name)
        for start in range(0, len(removed), 500):
            self.git("rm", "-q", "--", *removed[start : start + 500])
        for start in range(0, len(written), 500):
            self.git("add", "--", *written[start : start + 500])
        self.git("commit", "-q", "--allow-empty", "-m", message or f"change on {when}", env=self._who_env(who, when))
        return self.head()

    def head(self) -> str:
        return self.git("rev-parse", "HEAD")

    def branch(self, name: str, start: str = "HEAD") -> None:
        self.git("checkout", "-q", "-b", name, start)

    def checkout(self, name: str) -> None:
        self.git("checkout", "-q", name)

    def merge(self, name: str, who: str, when: str) -> str:
        self.git("merge", "-q", "--no-ff", "--no-edit", name, env=self._who_env(who, when))
        return self.head()

    def merge_resolving(self, name: str, who: str, when: str, files: dict[str, str]) -> str:
        """Merge ``name`` expecting a conflict, resolve it with ``files`` and commit the merge as ``who``."""
        out = subprocess.run(
            ["git", "-C", str(self.path), "merge", "-q", "--no-ff", "--no-commit", name],
            env={**self.env, **self._who_env(who, when)},
            capture_output=True,
            check=False,
        )
        if out.returncode == 0:
            raise RuntimeError(f"merging {name} did not conflict")
        for path, content in files.items():
            (self.path / path).write_text(content)
        self.git("add", "--", *files)
        self.git("commit", "-q", "--no-edit", env=self._who_env(who, when))
        return self.head()


def lines(n: int, tag: str = "line") -> str:
    """``n`` distinct lines of text, so that git's rename detection has content to compare."""
    return "".join(f"{tag} {i}\n" for i in range(n))


#: The report's fields that say how one run went (not what the history holds).
VOLATILE = ("scanned_commits", "incremental", "warnings")


def comparable(report) -> dict:
    """A scan report as JSON without :data:`VOLATILE`: equal for two runs that found the same."""
    data = report.model_dump(mode="json")
    for key in VOLATILE:
        data.pop(key)
    return data


def as_stored(state: dict) -> dict:
    """A scan state as the store gives it back (packed and read again): a copy, as a rescan sees it."""
    from inhouse.store.knowledge import pack, unpack

    found = unpack(pack(state))
    assert found is not None, "a state the store packs, it reads back"
    return found
