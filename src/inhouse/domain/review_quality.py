"""Quality flags on weekly reviews: is each of the three things really shared?

A section is flagged ``empty`` (nothing written), ``boilerplate`` (``n/a``, ``tbd``, ``same as last
week``, lorem ipsum, a dash, a few generic words...) or ``same_as_last_week`` (identical, once
normalised, to the previous review's section); a review is flagged ``no_internal_attendee`` when
nobody from the client's side attended. At most one flag per section: empty, then boilerplate, then
same as last week.

Who wrote and who confirmed (:func:`authorship`): reviews written internally or by the partner,
the partner's confirmed or still awaiting an internal participant, and the median days to confirm.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable

from pydantic import Field

from inhouse.domain.reviews import FLAGS, SECTIONS, ReviewFlag, WeeklyReview
from inhouse.domain.roster import fold
from inhouse.domain.shapes import Shape

__all__ = ["FLAGS", "ReviewAuthorship", "ReviewFlag", "authorship", "boilerplate_reason", "normalise", "review_flags"]

#: Whole-section texts (after normalisation) that say nothing.
BOILERPLATE = {
    "n a",
    "na",
    "none",
    "nothing",
    "nil",
    "null",
    "tbd",
    "tba",
    "tbc",
    "todo",
    "to do",
    "wip",
    "same",
    "same as last week",
    "same as before",
    "same as previous week",
    "as before",
    "as above",
    "see above",
    "see below",
    "see last week",
    "as last week",
    "ditto",
    "no change",
    "no changes",
    "unchanged",
    "nothing new",
    "nothing to report",
    "nothing special",
    "no update",
    "no updates",
    "nothing much",
    "various",
    "misc",
    "miscellaneous",
    "stuff",
    "ok",
    "okay",
    "fine",
    "good",
    "all good",
    "as usual",
    "business as usual",
    "bau",
    "as discussed",
    "see jira",
    "see ticket",
    "see tickets",
    "see board",
    "see notes",
    "see slack",
    "see confluence",
    "continued",
    "continue",
    "ongoing",
    "in progress",
    "progress",
    "work",
    "working",
    "updates",
    "update",
    "status update",
    "etc",
    "x",
    "xxx",
    "placeholder",
    "fill in",
    "to be defined",
    "to be decided",
    "to be confirmed",
    "not applicable",
    "no",
    "yes",
}
#: Phrases that make a short text boilerplate wherever they appear.
_SHORT_PHRASES = (
    "same as last week",
    "same as previous",
    "see last week",
    "as last week",
    "copy of last week",
    "as per last week",
    "lorem ipsum",
    "no change",
    "nothing new",
)
#: Words that carry no information on their own: a short text made only of these is boilerplate.
GENERIC_WORDS = {
    "a",
    "an",
    "the",
    "some",
    "more",
    "and",
    "of",
    "on",
    "in",
    "for",
    "with",
    "to",
    "it",
    "we",
    "they",
    "work",
    "worked",
    "working",
    "stuff",
    "things",
    "thing",
    "tasks",
    "task",
    "various",
    "misc",
    "general",
    "updates",
    "update",
    "progress",
    "continued",
    "continue",
    "continuing",
    "ongoing",
    "same",
    "usual",
    "meeting",
    "meetings",
    "discussion",
    "discussed",
    "discuss",
    "sync",
    "call",
    "review",
    "reviewed",
    "team",
    "project",
    "items",
    "item",
    "bits",
    "bugs",
    "fixes",
    "fixed",
    "fixing",
    "minor",
    "small",
    "other",
    "next",
    "steps",
    "week",
    "this",
    "last",
    "done",
    "plan",
    "planning",
    "tbd",
    "etc",
    "follow",
    "up",
    "followup",
    "followups",
    "development",
    "dev",
    "coding",
    "code",
    "testing",
    "tests",
}
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def normalise(text: str) -> str:
    """The words of ``text``: markup, bullets, punctuation, case and accents dropped."""
    return fold(_COMMENT.sub(" ", text or ""))


def boilerplate_reason(text: str) -> str | None:
    """Why ``text`` says nothing, or None when it says something."""
    words = normalise(text).split()
    norm = " ".join(words)
    shown = " ".join(str(text).split())
    if len(shown) > 40:
        shown = shown[:37] + "..."
    if not words:
        return f"only punctuation: {shown!r}"
    if "lorem" in words:
        return "placeholder text (lorem ipsum)"
    if norm in BOILERPLATE:
        return f"says nothing: {shown!r}"
    if len(words) <= 8 and any(phrase in norm for phrase in _SHORT_PHRASES):
        return f"refers elsewhere instead of saying: {shown!r}"
    if len(words) <= 4 and all(w in GENERIC_WORDS for w in words):
        return f"only generic words: {shown!r}"
    if sum(len(w) for w in words) < 4:
        return f"too short to say anything: {shown!r}"
    return None


def review_flags(
    review: WeeklyReview, previous: WeeklyReview | None, internal_attendees: list[str]
) -> list[ReviewFlag]:
    """The flags of ``review`` given the review before it (if any) and its internal attendees."""
    flags: list[ReviewFlag] = []
    for section in SECTIONS:
        text = getattr(review, section) or ""
        if not _COMMENT.sub("", text).strip():
            flags.append(ReviewFlag(flag="empty", section=section, detail=f"nothing under '{section}'"))
            continue
        reason = boilerplate_reason(text)
        if reason:
            flags.append(ReviewFlag(flag="boilerplate", section=section, detail=reason))
            continue
        if previous is not None and normalise(text) == normalise(getattr(previous, section) or ""):
            detail = f"identical to the review of {previous.week_of.isoformat()}"
            flags.append(ReviewFlag(flag="same_as_last_week", section=section, detail=detail))
    if not internal_attendees:
        who = ", ".join(review.attendees) if review.attendees else "no attendees recorded"
        detail = f"attendees: {who}" if review.attendees else who
        flags.append(ReviewFlag(flag="no_internal_attendee", detail=detail))
    return flags


class ReviewAuthorship(Shape):
    """Who wrote the weekly reviews and who confirmed the partner's."""

    written_internally: int = Field(description="Reviews written by an internal account or the operator")
    written_by_partner: int = Field(description="Reviews written by a partner user")
    confirmed: int = Field(description="Partner-written reviews an internal participant confirmed")
    awaiting_confirmation: int = Field(description="Partner-written reviews not confirmed yet")
    commented: int = Field(description="Partner-written reviews with an internal comment")
    confirmers: list[str] = Field(description="Who confirmed, by name, most confirmations first")
    median_days_to_confirm: float | None = Field(description="From written to confirmed; None: none confirmed")


def authorship(reviews: Iterable[WeeklyReview]) -> ReviewAuthorship:
    """Counts of who wrote ``reviews`` and who confirmed the partner-written ones."""
    rows = list(reviews)
    partner = [r for r in rows if r.written_by == "partner"]
    confirmed = [r for r in partner if r.confirmed_on is not None]
    waited = [max((r.confirmed_on - r.submitted_on()).days, 0) for r in confirmed if r.confirmed_on]
    counts: dict[str, int] = {}
    for review in confirmed:
        if review.confirmed_by:
            counts[review.confirmed_by] = counts.get(review.confirmed_by, 0) + 1
    return ReviewAuthorship(
        written_internally=len(rows) - len(partner),
        written_by_partner=len(partner),
        confirmed=len(confirmed),
        awaiting_confirmation=len(partner) - len(confirmed),
        commented=sum(1 for r in partner if r.confirmation_note),
        confirmers=sorted(counts, key=lambda name: (-counts[name], name)),
        median_days_to_confirm=float(statistics.median(waited)) if waited else None,
    )
