"""The demo shows the documentation audit, the asset inventory, exit readiness and status."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import Cli


def test_demo_history_is_the_same_in_every_process(tmp_path):
    heads = set()
    for seed in ("1", "2"):
        target = tmp_path / f"repo{seed}"
        code = (
            "from pathlib import Path; from inhouse.services.demo import gitgen; "
            f"gitgen.generate(Path({str(target)!r}))"
        )
        subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        heads.add(
            subprocess.run(
                ["git", "-C", str(target), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
            ).stdout
        )
    assert len(heads) == 1


def test_demo_documentation_inventory_readiness_and_status(tmp_path):
    folder = tmp_path / "demo"
    cli = Cli(f"sqlite:///{folder / 'inhouse.db'}")
    built = cli("demo", "--dir", str(folder), "--json", db=False)
    assert built.exit_code == 0, built.stderr
    notes = built.json["analyses"]
    assert "docs audit: operations guide partial; 2 present, 2 stale, 2 missing of 6 documentation items" in notes
    assert any(n.startswith("asset inventory: 8 assets") for n in notes)

    audit = cli.ok("docs", "audit", built.json["repo"], "--json").json
    statuses = {i["kind"]: (i["status"], i["file"]) for i in audit["items"]}
    assert statuses == {
        "how_it_works": ("present", "docs/operations.md"),
        "architecture": ("stale", "docs/architecture.md"),
        "troubleshooting": ("missing", "docs/operations.md"),  # a TODO placeholder
        "setup": ("present", "README.md"),
        "model_card": ("missing", None),
        "datasheet": ("stale", "docs/datasheet.md"),  # written before the partner came
    }
    assert audit["engagement"] == "ETA prediction"

    readiness = cli.ok("exit-readiness", "--json").json
    assert readiness["status"] == "blocked"
    items = {i["key"]: i for i in readiness["items"]}
    assert items["docs.operations_guide"]["status"] == "at_risk"
    assert items["drills.latest"]["status"] == "blocked"  # the November drill got stuck
    blocked = [i["title"] for i in readiness["items"] if i["area"] == "inventory" and i["status"] == "blocked"]
    assert blocked == [
        "cloud account: Terraform state backend",
        "credential: CI deploy credentials",
        "model: ETA quantile models (P50/P90)",
    ]

    status = cli.ok("status", "--as-of", "2026-11-27", "--json").json[0]
    lights = {light["name"]: light["color"] for light in status["lights"]}
    assert lights["exit_readiness"] == "red" and lights["drills"] == "red"
    assert status["light"] == "red" and len(status["next_actions"]) == 3
    assert all(a["evidence"]["ref"] for a in status["next_actions"])
