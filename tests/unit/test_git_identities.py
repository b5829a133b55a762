"""Identity merging (mailmap, aliases, heuristics), sides, org maps, bots and file filters."""

from __future__ import annotations

import pytest

from inhouse.analysis.git.filters import FileFilter
from inhouse.analysis.git.identities import (
    Mailmap,
    SideRules,
    bot_matcher,
    merge_identities,
    parse_alias,
    parse_org_map,
)
from inhouse.domain.common import Side
from inhouse.errors import InvalidInput


def _groups(people, **kwargs):
    groups, owner = merge_identities(people, [1] * len(people), **kwargs)
    return groups, owner


def test_mailmap_forms():
    mm = Mailmap("""
# comment
Ann Archer <ann@acme.com>
<ann@acme.com> <ann@old.org>
Ann Archer <ann@acme.com> annie <annie@laptop.local>
""")
    assert mm.map("ann", "ANN@acme.com") == ("Ann Archer", "ANN@acme.com")
    assert mm.map("A.", "ann@old.org") == ("A.", "ann@acme.com")
    assert mm.map("annie", "annie@laptop.local") == ("Ann Archer", "ann@acme.com")
    assert mm.map("annie", "other@laptop.local") == ("annie", "other@laptop.local")


def test_mailmap_aliases_and_heuristics_merge_one_person():
    people = [
        ("Ann Archer", "ann@acme.com"),
        ("annie", "annie@laptop.local"),
        ("ann", "ANN@ACME.COM"),  # same email, other case
        ("Ann  Archér", "ann@home.org"),  # same two-word name, accents and spacing ignored
        ("ann", "123+annarcher@users.noreply.github.com"),  # noreply login = an email user
        ("A", "a@x.io"),
        ("Bob Baker", "bob@acme.com"),
        ("admin", "admin@a.io"),
        ("admin", "admin@b.io"),
    ]
    mm = Mailmap("Ann Archer <ann@acme.com> annie <annie@laptop.local>\n<annarcher@acme.com> <ann@home.org>\n")
    groups, owner = _groups(people, mailmap=mm, aliases=[parse_alias("a@x.io=ann@acme.com")])
    ann = groups[owner[0]]
    assert {owner[i] for i in range(6)} == {ann.index}
    assert ann.id == "ann@acme.com"
    # one-word names are not merged by name: two different "admin"s stay apart
    assert owner[7] != owner[8]
    assert owner[6] != ann.index


def test_heuristics_can_be_switched_off():
    groups, owner = _groups([("Ann Archer", "a@one.io"), ("Ann Archer", "a@two.io")], heuristics=False)
    assert owner[0] != owner[1]


def test_alias_needs_two_tokens():
    with pytest.raises(InvalidInput):
        parse_alias("lonely@x.io")


def test_sides_first_match_wins():
    rules = SideRules(
        people={"contractor@acme.com": Side.PARTNER},
        org_map={"@lab.acme.com": Side.OTHER, "Pat Partner": Side.PARTNER},
        internal_domains=("acme.com",),
        partner_domains=("partner.io",),
    )
    assert rules.side_of(["X"], ["contractor@acme.com"]) is Side.PARTNER  # person beats domain
    assert rules.side_of(["X"], ["y@lab.acme.com"]) is Side.OTHER  # org map beats domain
    assert rules.side_of(["Pat Partner"], ["pat@gmail.com"]) is Side.PARTNER  # by name
    assert rules.side_of(["X"], ["y@eu.acme.com"]) is Side.INTERNAL  # subdomain
    assert rules.side_of(["X"], ["y@partner.io"]) is Side.PARTNER
    assert rules.side_of(["X"], ["y@notacme.com"]) is Side.OTHER


def test_org_map_formats():
    assert parse_org_map('{"internal": ["acme.com", "ann@x.io"], "partner": ["Pat P"]}') == {
        "@acme.com": Side.INTERNAL,
        "ann@x.io": Side.INTERNAL,
        "pat p": Side.PARTNER,
    }
    assert parse_org_map("pattern,side\n@acme.com,internal\nPat P,partner  # the partner lead\n") == {
        "@acme.com": Side.INTERNAL,
        "pat p": Side.PARTNER,
    }
    with pytest.raises(InvalidInput):
        parse_org_map("@acme.com,boss\n")
    with pytest.raises(InvalidInput):
        parse_org_map('{"internal": ')


def test_bots_are_recognised_and_configurable():
    default = bot_matcher(None)
    assert default.search("dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>")
    assert default.search("renovate <bot@renovateapp.com>")
    assert not default.search("Robert Botham <rb@acme.com>")
    custom = bot_matcher([r"^ci "])
    assert custom.search("ci <ci@acme.com>") and not custom.search("dependabot <x@y>")
    assert bot_matcher([]) is None
    with pytest.raises(InvalidInput):
        bot_matcher(["("])
    groups, _ = _groups([("dependabot[bot]", "x@y.z"), ("Ann", "a@acme.com")], bots=default)
    assert [g.bot for g in groups] == [True, False]


@pytest.mark.parametrize(
    "path,counted",
    [
        ("src/model.py", True),
        ("notebooks/explore.ipynb", True),
        ("Makefile", True),
        ("README.md", False),
        ("docs/guide.py", False),
        ("vendor/lib.py", False),
        ("web/node_modules/x/index.js", False),
        ("proto/api_pb2.py", False),
        ("data/train.csv", False),
        ("static/app.min.js", False),
        ("img/logo.png", False),
        # linguist's markup and template languages count, as in Avelino et al.'s truck factors
        ("app/views/show.html.erb", True),
        ("lib/tasks/db.rake", True),
        ("x.gemspec", True),
        ("templates/page.twig", True),
        ("Guardfile", True),
        ("config.ru", True),
        # the authors' filters for every system: examples anywhere, benchmarks/ at the root
        ("benchmarks/clone.js", False),
        ("src/benchmarks/clone.js", True),
        ("lib/examples/a.rb", False),
        ("samples/a.py", False),
    ],
)
def test_default_file_filter(path, counted):
    assert FileFilter().counts(path) is counted


def test_file_filter_overrides():
    assert FileFilter(include=("vendor/ours/*",)).counts("vendor/ours/x.py")
    assert not FileFilter(exclude=("legacy/*",)).counts("legacy/old.py")
    assert not FileFilter(exclude=("legacy/*",)).counts("app/legacy/old.py")  # any depth
    assert not FileFilter(exclude=("/legacy/*",)).counts("legacy/old.py")  # rooted: the root only
    assert FileFilter(exclude=("/legacy/*",)).counts("app/legacy/old.py")
    assert FileFilter(include=("/benchmarks/*",)).counts("benchmarks/clone.js")
    assert FileFilter(vendored=True).counts("vendor/lib.py")
    assert FileFilter.everything().counts("data/train.csv")
