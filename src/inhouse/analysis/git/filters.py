"""Which files count for authorship: source files, not docs, vendored or generated code.

The defaults follow GitHub linguist, as Avelino et al. did for their truck factors
(ICPC 2016): files of a programming or markup language count (templates such as
ERB, Haml or Twig included); data (JSON, YAML, XML), prose (Markdown, text),
documentation, third-party (vendored) and generated files do not. Beyond linguist,
the authors removed examples (``examples/`` anywhere), documentation folders
anywhere, and a root ``build/`` or ``benchmarks/`` folder from every system; those
are in the defaults too.

Patterns are ``fnmatch`` globs matched against the whole path and against every
trailing part of it, so ``vendor/*`` also excludes ``lib/vendor/x.js``; a pattern
starting with ``/`` is anchored at the repository's root (``/benchmarks/*`` does
not exclude ``src/benchmarks/x.py``).
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from functools import lru_cache

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
    "changelog*",
    "changes*",
    "license*",
    "licence*",
    "copying*",
    "authors*",
    "contributing*",
    "readme*",
    "notice*",
    "examples/*",
    "example/*",
    "demo/*",
    "demos/*",
    "/samples/*",
    "/benchmarks/*",
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
    "jquery*.js",
    "bootstrap*.css",
    "bootstrap*.js",
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
    "*-lock.json",
    "*.lock",
    "package-lock.json",
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
    _cache: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def everything(cls) -> FileFilter:
        return cls(docs=True, vendored=True, generated=True, all_types=True)

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

    def _decide(self, path: str) -> bool:
        low = path.lower()
        if self.include and _compiled(tuple(self.include)).match(low):
            return True
        if _compiled(self.patterns_out()).match(low):
            return False
        if self.all_types or (self.docs and _compiled(DEFAULT_DOCS).match(low)):
            return True
        name = low.rsplit("/", 1)[-1]
        ext = name.rsplit(".", 1)[-1] if "." in name else ""
        return ext in SOURCE_EXTENSIONS or name in SOURCE_NAMES

    def describe(self) -> dict[str, object]:
        return {
            "include": list(self.include),
            "exclude": list(self.exclude),
            "docs": self.docs,
            "vendored": self.vendored,
            "generated": self.generated,
            "all_types": self.all_types,
        }


@lru_cache(maxsize=64)
def _compiled(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One regex matching a path when any pattern matches the path or one of its trailing
    parts (only the whole path for a pattern anchored with a leading ``/``)."""
    anywhere = [fnmatch.translate(p.lower()) for p in patterns if not p.startswith("/")]
    rooted = [fnmatch.translate(p.lower().lstrip("/")) for p in patterns if p.startswith("/")]
    parts = ([f"(?:.*/)?(?:{'|'.join(anywhere)})"] if anywhere else []) + rooted
    if not parts:
        return re.compile(r"(?!)")
    return re.compile("|".join(f"(?:{p})" for p in parts), re.DOTALL)
