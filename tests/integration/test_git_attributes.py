"""A repository's .gitattributes marks a folder generated: the counted files and the truck
factor change as computed by hand; blame options enter the key of the kept report."""

from __future__ import annotations

from inhouse.analysis.git import ScanOptions, SideRules, scan_repository
from tests.gitrepo import GitRepoBuilder

RULES = SideRules(internal_domains=["client.com"], partner_domains=["acme.io"])
ANN, CID, BOB = "Ann <ann@client.com>", "Cid <cid@client.com>", "Bob <bob@acme.io>"


def _repo(tmp_path, attributes: str | None) -> GitRepoBuilder:
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(ANN, "2024-01-02", {"src/core.py": "a\n", "src/util.py": "b\n"})
    repo.commit(CID, "2024-01-03", {"lib/x.py": "c\n", "lib/y.py": "d\n"})
    locale: dict[str, str | bytes | None] = {f"locale/l{i}.js": f"{i}\n" for i in range(4)}
    repo.commit(BOB, "2024-01-04", {**locale, "locale/keep.js": "k\n"})
    if attributes is not None:
        repo.commit(ANN, "2024-01-05", {".gitattributes": attributes})
    return repo


def test_a_folder_marked_generated_leaves_the_count(tmp_path):
    plain = scan_repository(_repo(tmp_path / "a", None).path, ScanOptions(rules=RULES)).report
    # 9 files, Bob authors 5: removing him orphans more than half
    assert plain.offboarding.files == 9
    assert (plain.truck_factor.value, plain.truck_factor.authors) == (1, ("bob@acme.io",))
    marked = _repo(tmp_path / "b", "locale/** linguist-generated\nkeep.js -linguist-generated\n")
    report = scan_repository(marked.path, ScanOptions(rules=RULES)).report
    # 5 files: Ann 2, Cid 2, Bob 1 (keep.js, unmarked again); Ann then Cid must leave
    assert report.offboarding.files == 5
    assert (report.truck_factor.value, report.truck_factor.authors) == (2, ("ann@client.com", "cid@client.com"))
    assert report.offboarding.orphaned_files == 1  # if the partner left: keep.js only (5 without the marks)
    assert plain.offboarding.orphaned_files == 5
    bob = next(i for i in report.identities if i.id == "bob@acme.io")
    assert bob.files_authored == 1


def test_blame_options_are_part_of_the_kept_report_key(tmp_path):
    repo = _repo(tmp_path, None)
    first = scan_repository(repo.path, ScanOptions(rules=RULES, blame=True))
    same = scan_repository(repo.path, ScanOptions(rules=RULES, blame=True), previous=first.state)
    assert same.reused
    other = ScanOptions(rules=RULES, blame=True, blame_flags=("-w", "-M", "-C"))
    again = scan_repository(repo.path, other, previous=first.state)
    assert not again.reused
    assert again.report.ownership == first.report.ownership  # nothing moved: the same lines
