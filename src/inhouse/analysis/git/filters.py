"""Which files count for authorship: source files, not docs, vendored or generated code.

The defaults follow GitHub linguist, as Avelino et al. did for their truck factors
(ICPC 2016): files of a programming or markup language count (templates such as
ERB, Haml or Twig included); data (JSON, YAML, XML), prose (Markdown, text),
documentation, third-party (vendored) and generated files do not. Beyond linguist,
the authors removed examples (``examples/`` anywhere), documentation folders
anywhere, and a root ``build/`` or ``benchmarks/`` folder from every system; those
are in the defaults too.

Patterns are globs. One without a ``/`` is matched against the file's name only, as
``.gitignore`` reads it (``*.min.js``; ``*`` stays within the name); one with a ``/`` is an
``fnmatch`` glob matched against the whole path and against every trailing part of it, so
``vendor/*`` also excludes ``lib/vendor/x.js``; a pattern starting with ``/`` is anchored at
the repository's root (``/benchmarks/*`` does not exclude ``src/benchmarks/x.py``).

Documentation by name (``README``, ``CHANGELOG``, ``LICENSE``...) is a file so named, bare or
with an extension that is not a programming language's: ``changes.rb`` is code.

The repository's own ``.gitattributes`` markers (``linguist-generated``, ``linguist-vendored``,
``linguist-documentation``, see :mod:`inhouse.analysis.git.attributes`) come after the
``include``/``exclude`` options and before the defaults: a file marked is out like a default
match, a file explicitly unmarked (``-linguist-vendored``) is no longer out for that category.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from inhouse.analysis.git.attributes import LinguistAttributes, glob_regex
from inhouse.analysis.git.attributes import read as read_attributes
from inhouse.analysis.git.gitcmd import GitRepo

SOURCE_EXTENSIONS = frozenset(
    """
py pyi pyx ipynb r rmd jl m mm c h cc cpp cxx hpp hh hxx cu cuh java kt kts scala groovy gradle
clj cljs go rs swift cs fs vb rb php pl pm lua dart ex exs erl hrl hs ml mli elm nim zig d
js mjs cjs jsx ts tsx vue svelte coffee html htm css scss sass less styl sql
sh bash zsh fish ps1 bat cmd mk cmake tf hcl proto thrift graphql gql sol v sv vhd vhdl f f90
f95 for asm s tex lisp el scm rkt tcl awk sed
erb rhtml haml slim jade pug mustache hbs handlebars ejs twig liquid jsp phtml ctp xsl xslt xhtml
rake gemspec ru podspec thor jbuilder builder pyw pxd pxi es6 jsm ksh csh tcsh bats m4 vim qml y l
""".split()
)  # linguist's programming and markup languages (templates included), by extension
SOURCE_NAMES = frozenset(
    {
        "makefile",
        "gnumakefile",
        "dockerfile",
        "cmakelists.txt",
        "rakefile",
        "gemfile",
        "guardfile",
        "capfile",
        "podfile",
        "thorfile",
        "jakefile",
        "cakefile",
        "jenkinsfile",
        "vagrantfile",
        "build",
        "workspace",
        "snakefile",
        "sconstruct",
        "sconscript",
        "pkgbuild",
    }
)

DEFAULT_DOCS = (
    "docs/*",
    "doc/*",
    "documentation/*",
    "*.md",
    "*.rst",
    "*.adoc",
    "examples/*",
    "example/*",
    "demo/*",
    "demos/*",
    "/samples/*",
    "/benchmarks/*",
)
#: Documentation by name: these names, bare or with an extension that is not source code.
DOC_NAMES = frozenset(
    """
    changelog changes change history news license licence licenses copying copyright authors
    contributors contributing readme notice install citation code_of_conduct security
    """.split()
)
DEFAULT_VENDORED = (
    "vendor/*",
    "vendors/*",
    "third_party/*",
    "third-party/*",
    "thirdparty/*",
    "3rdparty/*",
    "external/*",
    "extern/*",
    "node_modules/*",
    "bower_components/*",
    "deps/*",
    "site-packages/*",
    "*.min.js",
    "*.min.css",
    "*-min.js",
    "*.min.mjs",
    "jquery-[0-9]*.js",  # a copy of a released jquery, not jquery's own src/jquery.js
    "jquery.min.*",
    "jquery-ui-[0-9]*.js",
    "bootstrap-[0-9]*.js",
    "bootstrap-[0-9]*.css",
    "bootstrap.bundle*.js",
    "godeps/*",
    "carthage/build/*",
    ".venv/*",
    "venv/*",
    "gradlew*",
    "mvnw*",
)
DEFAULT_GENERATED = (
    "*_pb2.py",
    "*_pb2_grpc.py",
    "*.pb.go",
    "*.pb.cc",
    "*.pb.h",
    "*.generated.*",
    "*.g.dart",
    "*.designer.cs",
    "*.designer.vb",
    "*.feature.cs",
    "*_pb.js",
    "*_pb.d.ts",
    "*_grpc_pb.js",
    "*_pb2.pyi",
    "*.pb.swift",
    "*.pb.dart",
    "*.pbenum.dart",
    "*.pbjson.dart",
    "*.pbgrpc.dart",
    "*.grpc.pb.cc",
    "*.grpc.pb.h",
    "*.freezed.dart",
    "*.zep.c",
    "*.zep.h",
    "*.zep.php",
    "*.nib",
    "*.xcworkspacedata",
    "*.xcuserstate",
    ".pnp.*",
    ".idea/*",
    "*-lock.json",
    "*-lock.yaml",
    "*.lock",
    "*.lockb",
    "*.lock.hcl",
    "package-lock.json",
    "npm-shrinkwrap.json",
    "packages.lock.json",
    "package.resolved",
    "go.sum",
    "go.work.sum",
    "generated/*",
    "gen/*",
    "dist/*",
    "build/*",
    "target/*",
    "*.map",
    "migrations/versions/*",
    "__snapshots__/*",
)


@dataclass(frozen=True)
class FileFilter:
    """``include`` overrides the defaults; ``exclude`` adds to them."""

    exclude: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    docs: bool = False  # count documentation
    vendored: bool = False  # count third-party code
    generated: bool = False  # count generated code
    all_types: bool = False  # count every file type, not only source and markup
    attributes: LinguistAttributes = field(default_factory=LinguistAttributes)  # the repository's markers
    _cache: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def everything(cls) -> FileFilter:
        return cls(docs=True, vendored=True, generated=True, all_types=True)

    def with_attributes(self, attributes: LinguistAttributes) -> FileFilter:
        """This filter with the scanned commit's ``.gitattributes`` markers."""
        return FileFilter(
            self.exclude, self.include, self.docs, self.vendored, self.generated, self.all_types, attributes
        )

    def at_commit(self, repo: GitRepo, tree: Mapping[str, tuple[str, str]]) -> FileFilter:
        """This filter with the markers of the ``.gitattributes`` files of a commit's ``tree``."""
        return self.with_attributes(read_attributes(repo, tree))

    def patterns_out(self) -> tuple[str, ...]:
        out = tuple(self.exclude)
        if not self.docs:
            out += DEFAULT_DOCS
        if not self.vendored:
            out += DEFAULT_VENDORED
        if not self.generated:
            out += DEFAULT_GENERATED
        return out

    def counts(self, path: str) -> bool:
        known = self._cache.get(path)
        if known is None:
            known = self._cache[path] = self._decide(path)
        return known

    def prime(self, path: str, counted: bool) -> None:
        """Take ``counted`` as the decision on ``path`` (made before by an equal filter)."""
        self._cache[path] = counted

    def _decide(self, path: str) -> bool:
        low = path.lower()
        if self.include and _compiled(tuple(self.include)).match(low):
            return True
        if self.exclude and _compiled(tuple(self.exclude)).match(low):
            return False
        marked = self.attributes.of(path) if self.attributes else {}
        name = low.rsplit("/", 1)[-1]
        ext = name.rsplit(".", 1)[-1] if "." in name else ""
        categories = (
            ("documentation", self.docs, lambda: _compiled(DEFAULT_DOCS).match(low) or _doc_name(name, ext)),
            ("vendored", self.vendored, lambda: _compiled(DEFAULT_VENDORED).match(low)),
            ("generated", self.generated, lambda: _compiled(DEFAULT_GENERATED).match(low)),
        )
        for category, counted, matches in categories:
            if counted:
                continue
            verdict = marked.get(category)
            if verdict or (verdict is None and matches()):
                return False
        if self.all_types or (self.docs and (_compiled(DEFAULT_DOCS).match(low) or _doc_name(name, ext))):
            return True
        return ext in SOURCE_EXTENSIONS or name in SOURCE_NAMES

    def describe(self) -> dict[str, object]:
        return {
            "include": list(self.include),
            "exclude": list(self.exclude),
            "docs": self.docs,
            "vendored": self.vendored,
            "generated": self.generated,
            "all_types": self.all_types,
            "attribute_rules": len(self.attributes.rules),
        }


def _doc_name(name: str, ext: str) -> bool:
    """``README``, ``CHANGES.txt``, ``LICENSE-MIT``: documentation by name (not ``changes.rb``)."""
    stem = name.split(".", 1)[0]
    if ext in SOURCE_EXTENSIONS and "." in name:
        return False
    return stem in DOC_NAMES or any(stem.startswith(f"{n}-") or stem.startswith(f"{n}_") for n in DOC_NAMES)


@lru_cache(maxsize=64)
def _compiled(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One regex matching a path when any pattern matches it: a pattern without ``/`` the file's
    name, one with a ``/`` the path or one of its trailing parts (only the whole path for a
    pattern anchored with a leading ``/``)."""
    names = [glob_regex(p.lower()) for p in patterns if "/" not in p]
    anywhere = [fnmatch.translate(p.lower()) for p in patterns if "/" in p and not p.startswith("/")]
    rooted = [fnmatch.translate(p.lower().lstrip("/")) for p in patterns if p.startswith("/")]
    parts = [f"(?:.*/)?(?:{'|'.join(names + anywhere)})"] if names or anywhere else []
    parts += rooted
    if not parts:
        return re.compile(r"(?!)")
    return re.compile("|".join(f"(?:{p})" for p in parts), re.DOTALL)
