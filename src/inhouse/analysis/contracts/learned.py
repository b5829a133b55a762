"""Where the reviewer's verdicts lean on the learned models (:mod:`.model`).

Each shipped model's weights file says how the reviewer combines it with the rules (``combine``,
chosen on document-grouped cross-validation folds by ``make models``):

- ``rules``: the rules alone;
- ``model``: the decision holds when the model finds a sentence at its threshold;
- ``rules_or_model``: either says so;
- ``model_gated``: the model decides whether the contract speaks about it at all, and the rules,
  which read the terms, must have seen something to go on; rules with strong evidence (an explicit
  statement) hold on their own.

In the two combined modes the model never overrules an explicit reading of the rules that says the
opposite (``against``): vendor_retains_ip is not raised by the model alone when the rules read that
the client owns the deliverables (anything the vendor keeps under a perpetual licence), or read no
ownership or licence sentence at all.

Only deliverable ownership and vendor_retains_ip are read through the models here: the other
decisions measure better with the rules. Scoring is plain Python over the JSON weights: the same
text gives the same verdicts, and neither scikit-learn nor numpy is imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from inhouse.analysis.contracts.context import Context
from inhouse.analysis.contracts.model import LinearModel, hashing, load
from inhouse.analysis.contracts.structure import Sentence
from inhouse.domain.contracts import EvidenceSpan

COMBINE_MODES = ("rules", "model", "rules_or_model", "model_gated")
MAX_EVIDENCE = 3


def holds(mode: str, *, rules: bool, strong: bool, support: bool, model: bool, against: bool = False) -> bool:
    """Whether a decision holds under ``mode`` (``strong`` implies ``rules``; ``rules`` implies ``support``;
    ``against``: the rules read the opposite, which only the model alone overrules)."""
    if mode == "model":
        return model
    if mode == "rules_or_model":
        return rules or (model and not against)
    if mode == "model_gated":
        return strong or (model and support and not against)
    return rules


@dataclass
class Scored:
    """One model's reading of a contract: each sentence's margin."""

    model: LinearModel
    sentences: list[Sentence]
    margins: list[float]

    @property
    def best(self) -> float:
        return max(self.margins, default=-50.0)

    @property
    def says_so(self) -> bool:
        return self.best >= self.model.threshold

    def evidence(self, context: Context) -> list[EvidenceSpan]:
        """The sentences at or above the threshold, strongest first (at most :data:`MAX_EVIDENCE`);
        headings only when no other sentence reaches it (a heading names a topic, not its terms)."""
        ranked = sorted(
            (i for i, m in enumerate(self.margins) if m >= self.model.threshold),
            key=lambda i: (context.is_heading(self.sentences[i]), -self.margins[i], self.sentences[i].start),
        )
        if any(not context.is_heading(self.sentences[i]) for i in ranked):
            ranked = [i for i in ranked if not context.is_heading(self.sentences[i])]
        return sorted((context.evidence(self.sentences[i]) for i in ranked[:MAX_EVIDENCE]), key=lambda e: e.start)

    def weighed_most(self, evidence: list[EvidenceSpan], k: int = 5) -> list[str]:
        """The n-grams that weighed most in the evidence span the model scores highest."""
        if not evidence:
            return []
        best = max(evidence, key=lambda e: (self.model.margin(e.text), -e.start))
        return self.model.weighed_most(best.text, k)


@dataclass
class Learned:
    """The models the reviewer consults for one contract, each scored once."""

    context: Context
    _sentences: list[Sentence] = field(default_factory=list)
    _scored: dict[str, Scored] = field(default_factory=dict)

    _rows: list[dict[int, float]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._sentences = [s for s in self.context.sentences() if s.text.strip()]

    def mode(self, decision: str) -> str:
        mode = load(decision).combine
        return mode if mode in COMBINE_MODES else "rules"

    def scored(self, decision: str) -> Scored:
        if decision not in self._scored:
            model = load(decision)
            if not self._rows:  # each sentence's row is hashed once, for every model
                self._rows = [hashing.vector(s.text) for s in self._sentences]
            self._scored[decision] = Scored(model, self._sentences, [model.margin_of(row) for row in self._rows])
        return self._scored[decision]


@dataclass(frozen=True)
class RulesView:
    """What the rules saw for one decision: their verdict, whether it rests on an explicit
    statement (``strong``), and whether they saw anything the terms could be read from (``support``)."""

    rules: bool
    strong: bool
    support: bool
    against: bool = False


def ownership_view(reading: Any, status: str) -> RulesView:
    """Deliverable ownership: strong when a sentence says who owns; support always (when the model
    finds the contract speaks about ownership and the rules cannot tell who owns, the verdict is
    ``unclear``)."""
    explicit = bool(reading.client_owns or reading.vendor_owns or reading.vendor_models or reading.joint)
    return RulesView(rules=status != "absent", strong=explicit, support=True)


def retains_view(reading: Any, flagged: bool, ownership: str = "") -> RulesView:
    """vendor_retains_ip: strong when a sentence gives the vendor the deliverables or the trained
    models; support when the rules saw the vendor keep anything (background IP included); against
    when the rules' ownership verdict (``ownership``) is that the client owns the deliverables, or
    that no sentence says who owns or may use them."""
    explicit = bool(reading.vendor_owns or reading.vendor_models)
    seen = explicit or bool(reading.background)
    against = not flagged and ownership in ("client", "absent")
    return RulesView(rules=flagged, strong=flagged and explicit, support=seen or flagged, against=against)
