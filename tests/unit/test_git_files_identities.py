"""Linguist markers in .gitattributes, linguist's generated paths, false exclusions, identities
across organisations, CI bots and AI agents."""

from __future__ import annotations

import pytest

from inhouse.analysis.git.attributes import MAX_STARS, LinguistAttributes, parse
from inhouse.analysis.git.filters import FileFilter
from inhouse.analysis.git.identities import SideRules, bot_matcher, merge_identities
from inhouse.domain.common import Side
from inhouse.domain.knowledge import ScanIn


def _marks(text: str, path: str, folder: str = "") -> dict[str, bool]:
    return LinguistAttributes(tuple(parse(text, folder))).of(path)


def test_gitattributes_markers_set_unset_and_forget():
    text = """
# comment
[attr]binary -diff -merge -text
src/ngLocale/** linguist-generated
*.js linguist-vendored=true
keep.js -linguist-vendored
docs/*.py linguist-documentation
old.py linguist-generated=false
lost.py linguist-generated !linguist-generated
other.py linguist-generated=maybe
"""
    assert _marks(text, "src/ngLocale/a/b.js") == {"generated": True, "vendored": True}
    assert _marks(text, "lib/keep.js") == {"vendored": False}  # a name pattern matches at any depth
    assert _marks(text, "docs/x.py") == {"documentation": True}
    assert _marks(text, "sub/docs/x.py") == {}  # a pattern with a slash is anchored at its folder
    assert _marks(text, "docs/a/x.py") == {}  # '*' stays within a folder
    assert _marks(text, "old.py") == {"generated": False}
    assert _marks(text, "lost.py") == {} and _marks(text, "other.py") == {}


def test_nested_gitattributes_apply_below_their_folder_and_win():
    rules = parse("*.py linguist-generated\n") + parse("*.py -linguist-generated\n", "pkg/")
    attrs = LinguistAttributes(tuple(rules))
    assert attrs.of("a.py") == {"generated": True}
    assert attrs.of("pkg/sub/a.py") == {"generated": False}


def test_gitattributes_garbage_and_hostile_patterns_do_not_crash():
    text = (
        "\x00\xff [[[ linguist-generated\n"
        + "*" * (MAX_STARS + 1)
        + 'a linguist-generated\n"q" x\n/ \n!neg x\ndir/ x\n'
    )
    rules = parse(text)
    attrs = LinguistAttributes(tuple(rules))
    assert attrs.of("a" * 4000) == {}
    assert len(parse("a linguist-generated\n" * 50, limit=10)) == 10


def test_markers_drive_the_filter():
    attrs = LinguistAttributes(
        tuple(
            parse(
                "src/ngLocale/** linguist-generated\nvendor/ours/** -linguist-vendored\nlib/*.py linguist-documentation\n"
            )
        )
    )
    files = FileFilter().with_attributes(attrs)
    assert not files.counts("src/ngLocale/angular-locale_fr.js")
    assert files.counts("src/ng/compile.js")
    assert files.counts("vendor/ours/x.py")  # an explicit unset brings it back in
    assert not files.counts("vendor/theirs/x.py")
    assert not files.counts("lib/a.py")
    assert FileFilter(generated=True).with_attributes(attrs).counts("src/ngLocale/angular-locale_fr.js")
    assert FileFilter(include=("src/ngLocale/*",)).with_attributes(attrs).counts("src/ngLocale/x.js")


@pytest.mark.parametrize(
    "path",
    [
        "src/jquery.js",  # jquery's own source
        "activestorage/lib/active_storage/attached/changes.rb",
        "activestorage/lib/active_storage/attached/changes/create_one.rb",
        "app/models/license.rb",
        "app/controllers/authors_controller.rb",
        "lib/notice.rb",
        "resources/js/bootstrap.js",
        "jquery/src/core.js",
        "src/readme_parser.py",
        "app/models/contributor.rb",
        "lib/history.rb",
    ],
)
def test_ordinary_source_is_not_excluded(path):
    assert FileFilter().counts(path)


@pytest.mark.parametrize(
    "path",
    [
        "public/js/jquery-3.6.0.js",
        "static/jquery.min.js",
        "app/x-min.js",
        "yarn.lock",
        "Gemfile.lock",
        "poetry.lock",
        "Cargo.lock",
        "composer.lock",
        "pnpm-lock.yaml",
        "web/package-lock.json",
        "go.sum",
        "infra/.terraform.lock.hcl",
        "api/foo_pb.js",
        "api/foo_pb2.py",
        "api/foo.pb.go",
        "lib/model.freezed.dart",
        "Form1.Designer.vb",
        "Login.feature.cs",
        ".idea/workspace.xml",
        "CHANGES",
        "LICENSE-MIT",
        "CHANGELOG.txt",
    ],
)
def test_linguist_generated_vendored_and_docs_paths_are_out(path):
    assert not FileFilter(all_types=True).counts(path)


RULES = SideRules(internal_domains=["client.com"], partner_domains=["acme.io", "globex.io"])


def test_same_name_never_merges_across_organisations():
    people = [
        ("John Smith", "john@client.com"),
        ("John Smith", "jsmith@acme.io"),
        ("John Smith", "john@globex.io"),
        ("John Smith", "john.smith@eu.acme.io"),  # a subdomain: the same partner
    ]
    groups, owner = merge_identities(people, [1] * 4, rules=RULES)
    assert owner[0] != owner[1] != owner[2] != owner[0]
    assert owner[1] == owner[3]
    assert sorted(g.side for g in groups) == sorted([Side.INTERNAL, Side.PARTNER, Side.PARTNER])


def test_same_name_in_one_organisation_still_merges():
    people = [
        ("Ann Archer", "ann@client.com"),
        ("ann archer", "ann.archer@client.com"),
        ("Ann Archer", "ann@gmail.com"),
    ]
    groups, owner = merge_identities(people, [1] * 3, rules=RULES)
    assert len(set(owner)) == 1  # an address of no known organisation joins the one the name is seen in
    both = [("Ann Archer", "ann@client.com"), ("Ann Archer", "ann@acme.io"), ("Ann Archer", "ann@gmail.com")]
    _, owner = merge_identities(both, [1] * 3, rules=RULES)
    assert len(set(owner)) == 3
    _, owner = merge_identities(both, [1] * 3)  # no rules: nothing tells the organisations apart
    assert len(set(owner)) == 1


@pytest.mark.parametrize(
    ("name", "email", "kind"),
    [
        ("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com", "bot"),
        ("GitHub Action", "action@github.com", "bot"),
        ("Jenkins", "jenkins@ci.client.com", "bot"),
        ("Travis CI", "travis@travis-ci.org", "bot"),
        ("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", "bot"),
        ("renovate[bot]", "29139614+renovate[bot]@users.noreply.github.com", "bot"),
        ("Copilot", "198982749+Copilot@users.noreply.github.com", "agent"),
        ("copilot-swe-agent[bot]", "198982749+Copilot@users.noreply.github.com", "agent"),
        ("devin-ai-integration[bot]", "158243242+devin-ai-integration[bot]@users.noreply.github.com", "agent"),
        ("Claude", "noreply@anthropic.com", "agent"),
        ("Cursor Agent", "cursoragent@cursor.com", "agent"),
        ("chatgpt-codex-connector[bot]", "1+chatgpt-codex-connector[bot]@users.noreply.github.com", "agent"),
        ("Ann Archer (aider)", "ann@client.com", "agent"),
        ("sweep-ai[bot]", "1+sweep-ai[bot]@users.noreply.github.com", "agent"),
        ("Ann Archer", "ann@client.com", "person"),
        ("Jenkinson Smith", "js@client.com", "person"),
        ("Claudette Roy", "claudette@client.com", "person"),
    ],
)
def test_bots_and_agents(name, email, kind):
    groups, _ = merge_identities([(name, email)], [1], bots=bot_matcher(None))
    assert groups[0].kind == kind
    assert groups[0].bot is (kind != "person")
    counted, _ = merge_identities([(name, email)], [1], bots=None)  # --include-bots: everyone is a person
    assert counted[0].kind == "person" and not counted[0].bot


def test_blame_flags_follow_the_request():
    asked = ScanIn(repository="/r", blame=True, blame_ignore_whitespace=True, blame_copies=True)
    assert asked.blame_flags() == ("-w", "-C")
    assert ScanIn(repository="/r", blame_moves=True).blame_flags() == ()
