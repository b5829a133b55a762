"""The documentation audit on real git repositories of different layouts, built with fixed dates."""

from __future__ import annotations

import subprocess

import pytest

from inhouse.analysis.docs import AuditOptions, audit_repository
from inhouse.domain.docs_audit import CurrencyRule, DocsAuditIn
from inhouse.domain.shapes import validated
from inhouse.errors import AnalyzerError, InvalidInput, NotFound
from tests.gitrepo import GitRepoBuilder, lines

ANN = "Ann Archer <ann@acme.com>"
PAT = "Pat Partner <pat@partner.io>"

OPERATIONS = """# Operations guide

## How the system works

The scorer in `src/score` reads events, enriches them with `src/enrich/lookup.py` and
writes one row per shipment to the warehouse every five minutes.

## Troubleshooting

If the scorer stops, check the queue depth and restart it with `make restart`; stale
lookups are refreshed by the nightly job, which can also be run by hand.
"""


def _items(audit):
    return {item.kind: item for item in audit.items}


def _churn(repo, who, start_day, count, path="src/score/main.py"):
    for n in range(count):
        repo.commit(who, f"2024-03-{start_day + n:02d}", {path: lines(20 + n * 5, "v")})


def test_docs_folder_layout_with_mkdocs_nav(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(
        ANN,
        "2024-01-02",
        {
            "src/score/main.py": lines(10),
            "src/enrich/lookup.py": lines(8),
            "mkdocs.yml": "site_name: Scorer\nnav:\n  - Home: index.md\n  - When things break: ops/help.md\n",
            "docs/index.md": "# Scorer\n\nWelcome.\n",
            "docs/ops/help.md": "# Help\n\nRestart the scorer with `make restart` when the queue depth grows above "
            "ten thousand events; check the logs of the enrich step first.\n",
            "docs/architecture.md": "# Architecture\n\nThe scorer (`src/score`) feeds the warehouse through a queue; "
            "enrichment runs as a separate worker process.\n",
            "docs/setup.md": "# Installing\n\nRun `pip install -e .` then `make run` to start the scorer and the "
            "enrichment worker on your machine.\n",
        },
    )
    audit = audit_repository(repo.path)
    items = _items(audit)
    assert items["troubleshooting"].status == "present"
    assert items["troubleshooting"].file == "docs/ops/help.md"
    assert items["troubleshooting"].currency.scope == "codebase"  # it names no code: all of it
    assert "navigation title" in items["troubleshooting"].match
    assert (items["architecture"].file, items["architecture"].section) == (
        "docs/architecture.md",
        "Architecture",
    )
    assert items["setup"].status == "present" and items["setup"].file == "docs/setup.md"
    assert items["how_it_works"].status == "missing"
    assert audit.operations_guide.status == "partial"
    assert audit.head == repo.head() and "docs/index.md" in audit.documents


def test_readme_sections_layout(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    readme = (
        "# Demand forecast\n\nForecasts weekly demand.\n\nHow it works\n------------\n\n"
        "Sales history from `src/data` goes through the feature builder in `src/features` and a "
        "gradient-boosted model trained weekly.\n\n## Getting started\n\n```sh\n# Troubleshooting\n"
        "make install\n```\n\nThen run `make forecast WEEK=2024-10` to produce the CSV.\n\n"
        "## Model card\n\nIntended use: weekly store-level demand. Trained on 2019-2023 sales; "
        "evaluated by MAPE per region; not for daily forecasts.\n"
    )
    repo.commit(
        ANN, "2024-01-02", {"README.md": readme, "src/data/load.py": lines(5), "src/features/build.py": lines(5)}
    )
    items = _items(audit_repository(repo.path))
    assert items["how_it_works"].status == "present" and items["how_it_works"].section == "How it works"
    assert items["how_it_works"].currency.code_paths == ["src/data", "src/features"]
    assert items["setup"].section == "Getting started"
    assert items["model_card"].status == "present" and items["model_card"].section == "Model card"
    assert items["troubleshooting"].status == "missing"  # the heading inside a code fence does not count
    assert items["datasheet"].status == "missing"


def test_wiki_rst_asciidoc_and_adr_layouts(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(
        PAT,
        "2024-01-02",
        {
            "app/serve.py": lines(10),
            "wiki/Troubleshooting.md": "When the API returns 502, the model server ran out of memory: scale the "
            "node pool and restart the deployment, then check the request size limits.\n",
            "doc/source/install.rst": "=======\nInstall\n=======\n\nUse the Helm chart in the deploy folder; set the "
            "registry credentials and the model bucket before installing it.\n",
            "docs/MODEL_CARD.adoc": "= Model card\n\n== Intended use\n\nRanking support tickets by urgency for the "
            "support team; not for automated closing of tickets.\n\n== Training data\n\n"
            "Two years of tickets labelled by agents.\n",
            "docs/adr/0001-use-postgres.md": "# 1. Use PostgreSQL\n\nWe store tickets and scores in PostgreSQL "
            "because the team already runs it and it supports our queries.\n",
            "data/DATASHEET.txt": "DATASHEET\n\nMOTIVATION\n\nTickets are needed to learn urgency from the agents' "
            "labels and their resolution times across the two support queues.\n",
        },
    )
    items = _items(audit_repository(repo.path))
    assert items["troubleshooting"].file == "wiki/Troubleshooting.md"
    assert items["setup"].file == "doc/source/install.rst" and items["setup"].section == "Install"
    assert items["model_card"].file == "docs/MODEL_CARD.adoc" and items["model_card"].status == "present"
    assert items["architecture"].file == "docs/adr/0001-use-postgres.md"
    assert items["architecture"].match == "folder"
    assert items["datasheet"].file == "data/DATASHEET.txt"
    assert all(item.status == "present" for kind, item in items.items() if kind != "how_it_works")


def test_stale_when_the_described_code_changed_much_since(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(
        ANN,
        "2024-01-02",
        {
            "src/score/main.py": lines(10),
            "src/enrich/lookup.py": lines(10),
            "other/tool.py": lines(10),
            "docs/OPERATIONS.md": OPERATIONS,
        },
    )
    _churn(repo, PAT, 1, 6)  # six commits rewrite src/score after the guide
    audit = audit_repository(repo.path)
    item = _items(audit)["how_it_works"]
    assert item.status == "stale" and item.section == "How the system works"
    currency = item.currency
    assert currency.scope == "section" and currency.code_paths == ["src/enrich/lookup.py", "src/score"]
    assert currency.commits_since == 6 and currency.commits_total == 7
    assert currency.doc_changed.startswith("2024-01-02")
    # 20 lines at first; then 10 deleted + 20 added, and 5 added by each of the five next commits
    assert (currency.lines_since, currency.lines_total, currency.unseen_share) == (55, 75, 0.7333)
    # the troubleshooting section names no code: it describes what its file names
    trouble = _items(audit)["troubleshooting"]
    assert trouble.currency.scope == "file" and trouble.status == "stale"
    # a looser rule keeps both current
    loose = audit_repository(repo.path, AuditOptions(rule=CurrencyRule(min_commits=7)))
    assert _items(loose)["how_it_works"].status == "present"


def test_changes_elsewhere_do_not_make_a_document_stale(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(
        ANN,
        "2024-01-02",
        {
            "src/score/main.py": lines(10),
            "src/enrich/lookup.py": lines(10),
            "other/tool.py": lines(10),
            "docs/OPERATIONS.md": OPERATIONS,
        },
    )
    _churn(repo, PAT, 1, 8, path="other/tool.py")
    item = _items(audit_repository(repo.path))["how_it_works"]
    assert item.status == "present" and item.currency.commits_since == 0


def test_updating_the_document_makes_it_current_again(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(
        ANN,
        "2024-01-02",
        {"src/score/main.py": lines(10), "src/enrich/lookup.py": lines(10), "docs/OPERATIONS.md": OPERATIONS},
    )
    _churn(repo, PAT, 1, 6)
    repo.commit(ANN, "2024-04-01", {"docs/OPERATIONS.md": OPERATIONS + "\nReviewed in April.\n"})
    item = _items(audit_repository(repo.path))["how_it_works"]
    assert item.status == "present" and item.currency.commits_since == 0
    assert item.currency.doc_changed.startswith("2024-04-01")


def test_a_fresh_copy_wins_over_a_stale_one_and_the_other_is_listed(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(
        ANN,
        "2024-01-02",
        {
            "src/score/main.py": lines(10),
            "docs/architecture.md": "# Architecture\n\nThe scorer in `src/score` is a "
            "single process reading from the queue and writing "
            "to the warehouse.\n",
        },
    )
    _churn(repo, PAT, 1, 6)
    repo.commit(
        ANN,
        "2024-04-01",
        {
            "README.md": "# Scorer\n\n## Architecture\n\nSince March the scorer in "
            "`src/score` runs as three workers behind a load balancer with "
            "a shared cache.\n"
        },
    )
    item = _items(audit_repository(repo.path))["architecture"]
    assert item.status == "present" and item.file == "README.md"
    assert [loc.file for loc in item.also] == ["docs/architecture.md"]


def test_placeholders_are_missing_with_their_location(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(
        ANN,
        "2024-01-02",
        {
            "app.py": lines(3),
            "RUNBOOK.md": "# Runbook\n\n## Troubleshooting\n\nTBD\n\n## Architecture\n\n_Coming soon_\n",
        },
    )
    items = _items(audit_repository(repo.path))
    assert items["troubleshooting"].status == "missing"
    assert items["troubleshooting"].pointer() == "RUNBOOK.md#Troubleshooting"
    assert items["architecture"].status == "missing" and items["architecture"].pointer() == "RUNBOOK.md#Architecture"


def test_vendored_and_licence_files_are_ignored(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(
        ANN,
        "2024-01-02",
        {
            "app.py": lines(3),
            "node_modules/lib/README.md": "# Installation\n\nnpm install lib, then require it from your code.\n",
            "LICENSE.md": "# Troubleshooting\n\nThis licence grants you the right to run the software freely.\n",
        },
    )
    audit = audit_repository(repo.path)
    assert audit.documents == [] and all(i.status == "missing" for i in audit.items)


def test_empty_bare_and_odd_repositories(tmp_path):
    empty = GitRepoBuilder(tmp_path / "empty")
    audit = audit_repository(empty.path)
    assert audit.head is None and all(i.status == "missing" for i in audit.items) and audit.warnings
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(ANN, "2024-01-02", {"app.py": lines(3), "docs/OPERATIONS.md": OPERATIONS})
    bare = tmp_path / "bare.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(repo.path), str(bare)], check=True, env=repo.env)
    assert _items(audit_repository(bare))["troubleshooting"].status == "present"
    repo.commit(ANN, "2024-01-03", {"app.py": lines(4)})
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo.path}", str(shallow)], check=True, env=repo.env
    )
    audited = audit_repository(shallow)
    assert any("shallow clone" in w for w in audited.warnings)
    assert _items(audited)["troubleshooting"].currency.commits_total == 1  # the history present only
    with pytest.raises(NotFound):
        audit_repository(tmp_path / "nowhere")
    (tmp_path / "plain").mkdir()
    with pytest.raises(AnalyzerError):
        audit_repository(tmp_path / "plain")
    with pytest.raises(NotFound):
        audit_repository(repo.path, AuditOptions(rev="no-such-branch"))
    with pytest.raises(InvalidInput, match="stale_share must be > 0"):
        validated(DocsAuditIn, repo=str(repo.path), stale_share=0)
    with pytest.raises(InvalidInput, match="min_commits must be ≥ 1"):
        validated(DocsAuditIn, repo=str(repo.path), min_commits=0)
    with pytest.raises(InvalidInput, match="repo must not be blank"):
        validated(DocsAuditIn, repo="  ")


def test_audit_at_an_older_revision(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    first = repo.commit(ANN, "2024-01-02", {"app.py": lines(3)})
    repo.commit(ANN, "2024-01-03", {"docs/OPERATIONS.md": OPERATIONS})
    old = audit_repository(repo.path, AuditOptions(rev=first))
    assert old.head == first and _items(old)["troubleshooting"].status == "missing"
