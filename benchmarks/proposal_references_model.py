"""References as a model: a learned reference finder measured leave-one-batch-out.

Usage: python benchmarks/proposal_references_model.py [--resamples N] [--no-first-run] [--json PATH]

An experiment, not the product. The labelled batches are ``benchmarks/proposals`` (the root set,
``docs``) and each labelled ``blind*`` folder under it. Their labels give, per document, only the
three answers of each reference in order (no span, no client), so the training data is derived:

- **spans**: the shipped rule finder's groups (the sentence that opens a reference, the sentences
  that follow it) on the *training* documents, kept only for documents where the rules find exactly
  the labelled number of references (they do on all but a handful, in-sample). A unit (sentence,
  bullet, turn sentence) is a positive when it opens a reference, a negative otherwise;
- **answers**: each such span's text with the labelled ``similar_scale`` / ``still_running`` /
  ``client_contact_offered`` value (yes / no / unknown), one three-class problem per question;
- plus, for training only, the 45 short documents of ``tests/unit/test_proposal_reference_batches.py``
  (written before batch 11, with their expected answers).

Features are the unit's own words only, no rule cue (the rules were tuned on every batch, held-out
ones included, so their cues would leak): hashed word uni- and bigrams and character 3-5-grams of the
unit, the words of its heading and of the unit before it, and its shape (who said it, question or not,
the line it opens, the document's kind). Logistic regression (liblinear, C = 1, balanced classes for
the openers), deterministic. The opener threshold is chosen on the training batches alone (an inner
leave-one-batch-out over them, best count F1).

Each batch is held out in turn (trained on all the others). Systems:

- ``rules now``: the shipped finder as it is (in-sample for every batch);
- ``rules first run``: the finder as it was when the batch was first run (``git archive`` of the
  commit before the batch's fixes, for blind11-blind14; the commit it was first run on for blind15 and blind16), which reproduces the recorded first runs;
- ``model``: the learned openers, each span the opener and the next sentences of its paragraph and
  turn (at most five), answered by the learned answer models;
- ``rules, or model where none``: the rules' references as they are; only in a document where the
  rules find none, the model's (answered as in the combination);
- ``rules + model``: the rules' references, plus the model's openers no rule reference covers, answered
  by the rules' sentence-level answer patterns (``reference_answers.answer``) and, where they say
  unknown, by the answer models (confidence 0.5 or more); ``rules + model, answers filled``: the same,
  with the rules' own unknown answers filled by the answer models too;
- ``rules now + model, answers filled``: the same combination over the shipped rules (in-sample);
- ``rules, or opener where none (shipped)``: **the shipped fallback** (``inhouse.analysis.proposals.
  reference_model``, trained by ``model.train_references``, whose functions this script calls): the
  rules' references; only where they find none, the openings of a model over the same features kept as
  feature strings (the 20,000 strongest weights), at the shipped threshold (``reference_model.THRESHOLD``,
  chosen on this script's ``--sweep``, which also scores the fallback at fixed thresholds); a reference
  opens only at a partner's statement (no question, no "we signed / tried ..."), and is answered by the
  rules' sentence patterns alone; ``..., answer models``: the same openings answered as in the combination.

For blind11-blind16 the model and the combination run on the held-out documents as the first-run code
parsed them (its sentences, turns and sides), and the combination uses the first-run rules: this is the
honest simulation of a new format. Elsewhere they run on the current parse (in-sample parsing).

Metrics are those of ``benchmarks/proposal_signals.py``: reference answers right out of
3 x the labelled references (a missing reference counts its three answers wrong; extra ones cost
nothing there), and detection by count per document (found and labelled: min is right, the rest extra
or missed). Intervals: percentile bootstrap over the batch's documents (2,000 resamples, seed 15).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import importlib.util
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ROOT = REPO / "benchmarks" / "proposals"
CASES_FILE = REPO / "tests" / "unit" / "test_proposal_reference_batches.py"
QUESTIONS = ("similar_scale", "still_running", "client_contact_offered")
VALUES = ("yes", "no", "unknown")
SEED = 15
#: the commit before each batch's fixes (its first run); blind12 was first run on an intermediate,
#: uncommitted state after blind11's fixes, so the state before blind11 stands in for it
FIRST_RUN_COMMITS = {
    "blind11": "45c0555^",
    "blind12": "45c0555^",
    "blind13": "1a9f99a^",
    "blind14": "f2a05f9^",
    "blind15": "f06d9ab",
    "blind16": "ff96a65",
}
#: the first-run figures recorded in docs/proposals.md (answers right, answers)
#: (blind15 and blind16 were first run with the opener fallback at 0.65 already shipped: their recorded figures
#: are the whole reader's; "rules first run" is the rules alone at the same commit)
RECORDED_FIRST_RUN = {
    "blind11": (13, 27),
    "blind12": (10, 18),
    "blind13": (17, 51),
    "blind14": (8, 60),
    "blind15": (28, 57),
    "blind16": (27, 66),
}
MAX_SPAN = 5
#: the shipped fallback (src/inhouse/analysis/proposals/reference_model.py): its threshold, rule answers
STRICT = "rules, or opener where none (shipped)"
STRICT_ANSWERED = "rules, or opener where none, answer models"
#: fixed opener thresholds the shipped fallback is also scored at (``--sweep``), beside the chosen one
SWEEP = (0.5, 0.6, 0.65, 0.7, 0.75, 0.8)


# --------------------------------------------------------------------------------------------------
# dumping what a version of the code reads (run in a subprocess with that version on PYTHONPATH)


def _dump_documents(folders: list[str], with_cases: bool) -> dict:
    import inhouse.analysis.proposals as facade
    from inhouse.analysis.proposals import reference_answers as ra
    from inhouse.analysis.proposals import references as refs

    patterns = {
        "similar_scale": (ra.SCALE_YES, ra.SCALE_NO),
        "still_running": (ra.RUNNING_YES, ra.RUNNING_NO),
        "client_contact_offered": (ra.CONTACT_YES, ra.CONTACT_NO),
    }
    seen: dict = {}
    original_find = refs.find_references
    original_finding = refs._finding

    def spy_find(document):
        seen["document"] = document
        seen["groups"] = []
        return original_find(document)

    def spy_finding(group, *args, **kwargs):
        seen["groups"].append(([u.index for u in group.units], [u.index for u in group.replies]))
        return original_finding(group, *args, **kwargs)

    facade.find_references = spy_find
    refs._finding = spy_finding
    if hasattr(facade, "with_model"):  # the shipped fallback: dump what the rules alone find
        facade.with_model = lambda _document, found: found

    def record(result) -> dict:
        document = seen["document"]
        text = document.text
        units = []
        for unit in document.units:
            line = text[text.rfind("\n", 0, unit.start) + 1 : unit.start]
            units.append(
                {
                    "text": unit.text,
                    "partner": unit.by_partner,
                    "question": unit.is_question,
                    "heading": unit.heading,
                    "turn": unit.turn,
                    "block": unit.block,
                    "line": line[-12:],
                    "rule": {q: ra.answer(unit.text, *patterns[q]).value for q in QUESTIONS},
                }
            )
        return {
            "kind": result.kind,
            "units": units,
            "groups": [
                {
                    "units": members,
                    "replies": replies,
                    "answers": {q: getattr(found, q).value for q in QUESTIONS},
                }
                for (members, replies), found in zip(seen["groups"], result.references, strict=True)
            ],
        }

    out: dict = {}
    for folder in folders:
        path = Path(folder)
        labels = json.loads((path / "labels.json").read_text(encoding="utf-8"))
        for label in labels:
            file = path / "docs" / label["file"]
            result = facade.assess_document(file.read_bytes(), file.name)
            out[f"{_batch(path)}/{label['file']}"] = record(result)
    if with_cases:
        spec = importlib.util.spec_from_file_location("reference_cases", CASES_FILE)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for number, (text, kind, partner, _expected) in enumerate(module.CASES):
            result = facade.assess_text(text, f"case{number}", partner=partner, kind=kind)
            out[f"cases/{number:02d}"] = record(result)
    return out


def _batch(path: Path) -> str:
    return "docs" if path.resolve() == ROOT.resolve() else path.name


def labelled() -> dict[str, list[dict]]:
    """Every labelled document's references (answers in order), by ``batch/file``; cases included."""
    found: dict[str, list[dict]] = {}
    for folder in batch_folders():
        for label in json.loads((folder / "labels.json").read_text(encoding="utf-8")):
            found[f"{_batch(folder)}/{label['file']}"] = label.get("references", [])
    spec = importlib.util.spec_from_file_location("reference_cases", CASES_FILE)
    if spec and spec.loader and CASES_FILE.exists():
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for number, (*_, expected) in enumerate(module.CASES):
            found[f"cases/{number:02d}"] = [dict(zip(QUESTIONS, answers, strict=True)) for answers in expected]
    return found


def batch_folders() -> list[Path]:
    return [ROOT, *sorted(p for p in ROOT.iterdir() if p.is_dir() and (p / "labels.json").exists())]


def dump(src: Path, folders: list[Path], with_cases: bool) -> dict:
    """What the code under ``src`` reads in these folders, from a subprocess with it on the path."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    args = [sys.executable, str(Path(__file__).resolve()), "--dump", *map(str, folders)]
    if with_cases:
        args.append("--cases")
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def snapshot(commit: str, into: Path) -> Path | None:
    """The source tree of an earlier commit (``git archive``, read-only for the repository)."""
    target = into / re.sub(r"\W", "_", commit)
    if (target / "src").exists():
        return target / "src"
    target.mkdir(parents=True, exist_ok=True)
    try:
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", commit, "src"], capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return target / "src"


# --------------------------------------------------------------------------------------------------
# features and models


def unit_tokens(document: dict, index: int) -> list[str]:
    """The shipped opener's tokens of one unit (imported here, not at the top: the dumps run this
    file against older trees, which have no reference model)."""
    from inhouse.analysis.proposals.reference_model import unit_tokens as tokens

    return tokens(document, index)


def unit_text(document: dict, index: int) -> str:
    return document["units"][index]["text"]


class Vectoriser:
    """Hashed tokens plus hashed character 3-5-grams, L2-normalised (deterministic, no fitting)."""

    def __init__(self, features: int = 2**18) -> None:
        from sklearn.feature_extraction.text import HashingVectorizer

        self.tokens = HashingVectorizer(
            n_features=features, analyzer=lambda tokens: tokens, alternate_sign=False, norm="l2"
        )
        self.chars = HashingVectorizer(
            n_features=features,
            analyzer="char_wb",
            ngram_range=(3, 5),
            alternate_sign=False,
            norm="l2",
            lowercase=True,
        )

    def transform(self, tokens: list[list[str]], texts: list[str]):
        from scipy.sparse import hstack

        return hstack([self.tokens.transform(tokens), self.chars.transform(texts)]).tocsr()


VECTORISER: Vectoriser | None = None


def vectoriser() -> Vectoriser:
    global VECTORISER
    if VECTORISER is None:
        VECTORISER = Vectoriser()
    return VECTORISER


def opener_rows(documents: dict[str, dict], names: list[str]):
    """Every unit of these documents as features, with whether the rules open a reference there."""
    tokens, texts, targets, where = [], [], [], []
    for name in names:
        document = documents[name]
        openers = {group["units"][0] for group in document["groups"]}
        for index in range(len(document["units"])):
            tokens.append(unit_tokens(document, index))
            texts.append(unit_text(document, index))
            targets.append(int(index in openers))
            where.append((name, index))
    return vectoriser().transform(tokens, texts), targets, where


def fit_openers(matrix, targets):
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(solver="liblinear", C=1.0, class_weight="balanced")
    model.fit(matrix, targets)
    return model


def span_of(document: dict, opener: int, openers: set[int]) -> list[int]:
    """The opener and the next sentences of its paragraph and turn, up to the next opener."""
    units = document["units"]
    span = [opener]
    for index in range(opener + 1, min(len(units), opener + MAX_SPAN)):
        if index in openers or units[index]["block"] != units[opener]["block"]:
            break
        if units[index]["turn"] != units[opener]["turn"]:
            break
        span.append(index)
    return span


def span_text(document: dict, indices: list[int]) -> str:
    return " ".join(document["units"][i]["text"] for i in indices)


def span_tokens(document: dict, indices: list[int]) -> list[str]:
    tokens: list[str] = []
    for index in indices:
        tokens += [t for t in unit_tokens(document, index) if t.startswith(("w:", "b:", "s:"))]
    tokens.append(f"kind:{document['kind']}")
    return tokens


def answer_rows(documents: dict[str, dict], names: list[str], labels: dict[str, list[dict]]):
    """Each rule reference of a training document whose count matches its labels, with its labels."""
    tokens, texts, targets = [], [], {q: [] for q in QUESTIONS}
    for name in names:
        document, wanted = documents[name], labels[name]
        if len(document["groups"]) != len(wanted):
            continue
        for group, want in zip(document["groups"], wanted, strict=True):
            indices = group["units"] + group["replies"]
            tokens.append(span_tokens(document, indices))
            texts.append(span_text(document, indices))
            for question in QUESTIONS:
                targets[question].append(want[question])
    return vectoriser().transform(tokens, texts), targets


def fit_answers(matrix, targets) -> dict:
    from sklearn.linear_model import LogisticRegression

    models = {}
    for question in QUESTIONS:
        values = targets[question]
        if len(set(values)) < 2:
            models[question] = values[0] if values else "unknown"
            continue
        model = LogisticRegression(solver="lbfgs", C=1.0, max_iter=2000)
        model.fit(matrix, values)
        models[question] = model
    return models


def predict_answers(models: dict, document: dict, indices: list[int]) -> dict[str, tuple[str, float]]:
    matrix = vectoriser().transform([span_tokens(document, indices)], [span_text(document, indices)])
    found = {}
    for question in QUESTIONS:
        model = models[question]
        if isinstance(model, str):
            found[question] = (model, 1.0)
            continue
        probabilities = model.predict_proba(matrix)[0]
        best = int(probabilities.argmax())
        found[question] = (str(model.classes_[best]), float(probabilities[best]))
    return found


def rule_answer(document: dict, indices: list[int], question: str) -> str:
    """The rules' sentence-level answer over a span, read as ``references._finding`` reads it."""
    found = "unknown"
    for index in indices:
        said = document["units"][index]["rule"][question]
        if said != "unknown":
            found = said
            if said == "no":
                break
    return found


def training_names(documents: dict[str, dict], labels: dict[str, list[dict]], held: str) -> list[str]:
    """The training documents: every other batch's (and the cases), where the rules' count is right."""
    names = []
    for name, document in documents.items():
        if name.split("/")[0] == held:
            continue
        if len(document["groups"]) != len(labels[name]):
            continue  # the rules miscount here: no trustworthy span labels
        names.append(name)
    return names


def choose_threshold(documents: dict[str, dict], labels: dict[str, list[dict]], names: list[str]) -> float:
    """The opener threshold with the best count F1 over an inner leave-one-batch-out of the training set."""
    batches = sorted({n.split("/")[0] for n in names if not n.startswith("cases/")})
    probabilities: dict[str, list[float]] = {}
    for inner in batches:
        train = [n for n in names if n.split("/")[0] != inner]
        test = [n for n in names if n.split("/")[0] == inner]
        if not test:
            continue
        matrix, targets, _ = opener_rows(documents, train)
        model = fit_openers(matrix, targets)
        test_matrix, _, where = opener_rows(documents, test)
        for (name, _index), probability in zip(where, model.predict_proba(test_matrix)[:, 1], strict=True):
            probabilities.setdefault(name, []).append(float(probability))
    best, best_f1 = 0.5, -1.0
    for threshold in [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95]:
        right = found = wanted = 0
        for name, values in probabilities.items():
            count = sum(p >= threshold for p in values)
            right += min(count, len(labels[name]))
            found += count
            wanted += len(labels[name])
        f1 = 2 * right / (found + wanted) if found + wanted else 0.0
        if f1 > best_f1 + 1e-9:
            best, best_f1 = threshold, f1
    return best


# --------------------------------------------------------------------------------------------------
# the systems, each giving per document a list of references (answers by question, in order)


def rules_findings(document: dict) -> list[dict[str, str]]:
    return [group["answers"] for group in document["groups"]]


def model_openers(model, threshold: float, document: dict) -> list[int]:
    if not document["units"]:
        return []
    tokens = [unit_tokens(document, i) for i in range(len(document["units"]))]
    texts = [unit_text(document, i) for i in range(len(document["units"]))]
    probabilities = model.predict_proba(vectoriser().transform(tokens, texts))[:, 1]
    return [i for i, p in enumerate(probabilities) if p >= threshold]


def model_findings(openers: list[int], answer_models: dict, document: dict) -> list[dict[str, str]]:
    found = []
    for opener in openers:
        span = span_of(document, opener, set(openers))
        predicted = predict_answers(answer_models, document, span)
        found.append({q: predicted[q][0] for q in QUESTIONS})
    return found


def combined_findings(
    openers: list[int], answer_models: dict, document: dict, confidence: float = 0.5
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(rules + the model's extra references, the same with the rules' unknown answers filled)."""
    covered = {i for group in document["groups"] for i in group["units"] + group["replies"]}
    starts = sorted(set(openers))
    extra = [i for i in starts if i not in covered]
    placed: list[tuple[int, dict[str, str], dict[str, str]]] = []
    for group in document["groups"]:
        indices = group["units"] + group["replies"]
        predicted = predict_answers(answer_models, document, indices)
        filled = dict(group["answers"])
        for question in QUESTIONS:
            value, probability = predicted[question]
            if filled[question] == "unknown" and value != "unknown" and probability >= confidence:
                filled[question] = value
        placed.append((group["units"][0], dict(group["answers"]), filled))
    for opener in extra:
        span = [i for i in span_of(document, opener, set(starts)) if i not in covered]
        predicted = predict_answers(answer_models, document, span)
        plain, filled = {}, {}
        for question in QUESTIONS:
            plain[question] = rule_answer(document, span, question)
            value, probability = predicted[question]
            filled[question] = plain[question]
            if plain[question] == "unknown" and value != "unknown" and probability >= confidence:
                plain[question] = filled[question] = value
        placed.append((opener, plain, filled))
    placed.sort(key=lambda item: item[0])
    return [p for _, p, _ in placed], [f for _, _, f in placed]


def fallback_findings(openers: list[int], answer_models: dict, document: dict) -> list[dict[str, str]]:
    """The rules' references; only where the rules find none, the model's (answered as in the combination)."""
    if document["groups"]:
        return rules_findings(document)
    return combined_findings(openers, answer_models, document)[0]


def strict_model(documents: dict[str, dict], names: list[str]):
    """The shipped fallback's opener model (``model.train_references``) fitted on ``names``, at the shipped threshold."""
    from inhouse.analysis.proposals import reference_model as rm
    from inhouse.analysis.proposals.model import train_references as tr

    views = {n: documents[n] for n in names}
    for document in views.values():
        document["openers"] = [group["units"][0] for group in document["groups"]]
    return tr.fit(views, names, rm.THRESHOLD)


def strict_findings(model, document: dict, answer_models: dict | None = None) -> list[dict[str, str]]:
    """The rules' references; where they find none, the strict model's, answered by the rules' sentence
    patterns (as shipped) or, with ``answer_models``, as in the combination (patterns, then the models)."""
    from inhouse.analysis.proposals import reference_model as rm

    if document["groups"]:
        return rules_findings(document)
    spans = rm.spans(model, document)
    if answer_models is not None:
        return combined_findings([span[0] for span in spans], answer_models, document)[0]
    return [{q: rule_answer(document, span, q) for q in QUESTIONS} for span in spans]


# --------------------------------------------------------------------------------------------------
# scoring


def score(found: list[dict[str, str]], wanted: list[dict]) -> tuple[int, int, int, int, int]:
    """(answers right, answers, references right by count, found, labelled) for one document."""
    right = 0
    for want, got in zip(wanted, found, strict=False):
        right += sum(got[q] == want[q] for q in QUESTIONS)
    return right, 3 * len(wanted), min(len(found), len(wanted)), len(found), len(wanted)


def bootstrap(rows: list[tuple[int, ...]], resamples: int, numerator: int, denominator: int) -> tuple[float, float]:
    if not rows:
        return (0.0, 0.0)
    rng = random.Random(SEED)
    values = []
    for _ in range(resamples):
        sample = [rows[rng.randrange(len(rows))] for _ in rows]
        bottom = sum(r[denominator] for r in sample)
        values.append(sum(r[numerator] for r in sample) / bottom if bottom else 1.0)
    values.sort()
    return values[int(0.025 * resamples)], values[min(resamples - 1, int(0.975 * resamples))]


def paired_difference(
    base: list[tuple[int, ...]], other: list[tuple[int, ...]], resamples: int
) -> tuple[float, float, float]:
    """The other system's answer accuracy minus the base's, resampling the same documents for both."""
    rng = random.Random(SEED)

    def share(rows: list[tuple[int, ...]], picks: list[int]) -> float:
        bottom = sum(rows[i][1] for i in picks)
        return sum(rows[i][0] for i in picks) / bottom if bottom else 0.0

    everyone = list(range(len(base)))
    point = share(other, everyone) - share(base, everyone)
    values = []
    for _ in range(resamples):
        picks = [rng.randrange(len(base)) for _ in base]
        values.append(share(other, picks) - share(base, picks))
    values.sort()
    return values[int(0.025 * resamples)], point, values[min(resamples - 1, int(0.975 * resamples))]


def summary(rows: list[tuple[int, ...]], resamples: int) -> dict:
    right, total, hit, found, wanted = (sum(r[k] for r in rows) for k in range(5))
    low, high = bootstrap(rows, resamples, 0, 1)
    return {
        "answers_right": right,
        "answers": total,
        "accuracy": right / total if total else None,
        "interval": [low, high],
        "precision": hit / found if found else None,
        "recall": hit / wanted if wanted else None,
        "found": found,
        "labelled": wanted,
    }


def _cell(result: dict) -> str:
    if not result["answers"]:
        return "-"
    low, high = result["interval"]
    return f"{result['answers_right']}/{result['answers']} {result['accuracy']:.0%} [{low:.0%}-{high:.0%}]"


def _detection(result: dict) -> str:
    precision = "-" if result["precision"] is None else f"{result['precision']:.0%}"
    recall = "-" if result["recall"] is None else f"{result['recall']:.0%}"
    return f"P {precision} R {recall} ({result['found']}/{result['labelled']})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resamples", type=int, default=2000)
    parser.add_argument("--no-first-run", action="store_true", help="skip the first-run rule snapshots (no git)")
    parser.add_argument("--json", type=Path, help="write every figure here")
    parser.add_argument(
        "--sweep", action="store_true", help="also score the shipped fallback at fixed opener thresholds"
    )
    parser.add_argument("--dump", nargs="*", help=argparse.SUPPRESS)
    parser.add_argument("--cases", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.dump is not None:
        json.dump(_dump_documents(args.dump, args.cases), sys.stdout)
        return 0

    started = time.perf_counter()
    folders = batch_folders()
    labels = labelled()
    current = dump(REPO / "src", folders, with_cases=CASES_FILE.exists())
    first_runs: dict[str, dict] = {}
    if not args.no_first_run:
        with tempfile.TemporaryDirectory(prefix="reference-snapshots-") as scratch:
            for batch, commit in FIRST_RUN_COMMITS.items():
                src = snapshot(commit, Path(scratch))
                if src is not None:
                    first_runs[batch] = dump(src, [ROOT / batch], with_cases=False)

    batches = [_batch(f) for f in folders]
    table: dict[str, dict[str, dict]] = {}
    pooled: dict[str, list[tuple[int, ...]]] = {}
    thresholds: dict[str, float] = {}
    all_rows: dict[str, dict[str, list[tuple[int, ...]]]] = {}
    for held in batches:
        names = training_names(current, labels, held)
        threshold = choose_threshold(current, labels, names)
        thresholds[held] = threshold
        matrix, targets, _ = opener_rows(current, names)
        openers_model = fit_openers(matrix, targets)
        answer_matrix, answer_targets = answer_rows(current, names, labels)
        answer_models = fit_answers(answer_matrix, answer_targets)
        test_names = [n for n in current if n.split("/")[0] == held]
        strict = strict_model(current, names)
        rows: dict[str, list[tuple[int, ...]]] = {
            k: []
            for k in (
                "rules now",
                "rules first run",
                "model",
                "rules + model",
                "rules + model, answers filled",
                "rules now + model, answers filled",
                "rules, or model where none",
                STRICT,
                STRICT_ANSWERED,
            )
        }
        for name in test_names:
            wanted = labels[name]
            rows["rules now"].append(score(rules_findings(current[name]), wanted))
            document = first_runs.get(held, {}).get(name, current[name])
            opened = model_openers(openers_model, threshold, document)
            rows["model"].append(score(model_findings(opened, answer_models, document), wanted))
            plain, filled = combined_findings(opened, answer_models, document)
            rows["rules + model"].append(score(plain, wanted))
            rows["rules + model, answers filled"].append(score(filled, wanted))
            rows["rules, or model where none"].append(score(fallback_findings(opened, answer_models, document), wanted))
            rows[STRICT].append(score(strict_findings(strict, document), wanted))
            rows[STRICT_ANSWERED].append(score(strict_findings(strict, document, answer_models), wanted))
            if args.sweep:
                for cut in SWEEP:
                    at = dataclasses.replace(strict, threshold=cut)
                    rows.setdefault(_swept(cut), []).append(score(strict_findings(at, document), wanted))
            if held in first_runs:
                rows["rules first run"].append(score(rules_findings(document), wanted))
                now_opened = model_openers(openers_model, threshold, current[name])
                rows["rules now + model, answers filled"].append(
                    score(combined_findings(now_opened, answer_models, current[name])[1], wanted)
                )
            else:
                rows["rules now + model, answers filled"].append(rows["rules + model, answers filled"][-1])
        table[held] = {system: summary(r, args.resamples) for system, r in rows.items() if r}
        all_rows[held] = rows
        for system, r in rows.items():
            pooled.setdefault(system, []).extend(r)
    elapsed = time.perf_counter() - started

    systems = [
        "rules now",
        "rules first run",
        "model",
        "rules + model",
        "rules + model, answers filled",
        "rules, or model where none",
        STRICT,
        STRICT_ANSWERED,
    ]
    print(f"{len(current)} documents read ({len(labels)} labelled, cases included) in {elapsed:.0f}s")
    print("reference answers right, held-out batch (bootstrap 95% over its documents)")
    width = 11
    print(f"{'batch':<{width}} {'refs':>4}  " + "  ".join(f"{s:<32}" for s in systems))
    for held in batches:
        refs = table[held]["rules now"]["labelled"]
        cells = [_cell(table[held][s]) if s in table[held] else "-" for s in systems]
        print(f"{held:<{width}} {refs:>4}  " + "  ".join(f"{c:<32}" for c in cells))
    print("\nreference detection by count (precision, recall, found/labelled)")
    for held in batches:
        cells = [_detection(table[held][s]) if s in table[held] else "-" for s in systems]
        print(f"{held:<{width}}       " + "  ".join(f"{c:<32}" for c in cells))
    print("\npooled over the held-out batches")
    pooled_summary = {s: summary(r, args.resamples) for s, r in pooled.items() if r}
    for system, result in pooled_summary.items():
        print(f"  {system:<34} {_cell(result):<32} {_detection(result)}")
    first = [b for b in batches if b in first_runs]
    if first:
        print(f"\nthe first-run batches ({', '.join(first)}) pooled, honest simulation of a new format")
        for system in systems[1:]:
            result = summary([row for b in first for row in all_rows[b].get(system, [])], args.resamples)
            print(f"  {system:<34} {_cell(result):<32} {_detection(result)}")
        for system in ["model", "rules + model, answers filled", "rules, or model where none", STRICT, STRICT_ANSWERED]:
            low, mid, high = paired_difference(
                [row for b in first for row in all_rows[b]["rules first run"]],
                [row for b in first for row in all_rows[b][system]],
                args.resamples,
            )
            print(f"  {system + ' minus rules first run':<34} {mid:+.0%} [{low:+.0%}, {high:+.0%}] (paired bootstrap)")
        recorded = sum(RECORDED_FIRST_RUN[b][0] for b in first), sum(RECORDED_FIRST_RUN[b][1] for b in first)
        print(f"  {'recorded first runs (docs)':<34} {recorded[0]}/{recorded[1]} {recorded[0] / recorded[1]:.0%}")
    if args.sweep:
        print("\nthe shipped fallback at fixed opener thresholds (false: references found in reference-free documents)")
        for cut in SWEEP:
            system = _swept(cut)
            first_rows = [row for b in first for row in all_rows[b][system]]
            every = [row for b in batches for row in all_rows[b][system]]
            low, mid, high = paired_difference(
                [row for b in first for row in all_rows[b]["rules first run"]], first_rows, args.resamples
            )
            print(
                f"  {cut:<5} first-run batches {_cell(summary(first_rows, args.resamples)):<26} "
                f"{_detection(summary(first_rows, args.resamples)):<24} minus rules first run {mid:+.0%} "
                f"[{low:+.0%}, {high:+.0%}]; all held-out batches false {_false(every)} "
                f"(of them in {', '.join(f'{b} {_false(all_rows[b][system])}' for b in batches if _false(all_rows[b][system]))})"
            )
    print("\nthe shipped rules with a model trained on every batch, in-sample on all labelled documents")
    names = training_names(current, labels, held="")
    threshold = choose_threshold(current, labels, names)
    matrix, targets, _ = opener_rows(current, names)
    full_openers = fit_openers(matrix, targets)
    answer_matrix, answer_targets = answer_rows(current, names, labels)
    full_answers = fit_answers(answer_matrix, answer_targets)
    documents = [n for n in current if not n.startswith("cases/")]
    in_sample: dict[str, list[tuple[int, ...]]] = {
        "rules now": [],
        "rules now + model, answers filled": [],
        "rules, or model where none": [],
        STRICT: [],
        STRICT_ANSWERED: [],
    }
    full_strict = strict_model(current, names)
    for name in documents:
        in_sample["rules now"].append(score(rules_findings(current[name]), labels[name]))
        opened = model_openers(full_openers, threshold, current[name])
        in_sample["rules now + model, answers filled"].append(
            score(combined_findings(opened, full_answers, current[name])[1], labels[name])
        )
        in_sample["rules, or model where none"].append(
            score(fallback_findings(opened, full_answers, current[name]), labels[name])
        )
        in_sample[STRICT].append(score(strict_findings(full_strict, current[name]), labels[name]))
        in_sample[STRICT_ANSWERED].append(
            score(strict_findings(full_strict, current[name], full_answers), labels[name])
        )
        if args.sweep:
            for cut in SWEEP:
                at = dataclasses.replace(full_strict, threshold=cut)
                in_sample.setdefault(_swept(cut), []).append(score(strict_findings(at, current[name]), labels[name]))
    in_sample_summary = {s: summary(r, args.resamples) for s, r in in_sample.items()}
    for system, result in in_sample_summary.items():
        print(f"  {system:<34} {_cell(result):<32} {_detection(result)}  ({len(documents)} documents)")
    print(
        "\nopener thresholds (chosen on the training batches): " + ", ".join(f"{b} {t}" for b, t in thresholds.items())
    )
    print(f"the shipped fallback's opener threshold: {full_strict.threshold}")
    shipped = _shipped_check(full_strict)
    print(f"the shipped weights {'match' if shipped else 'differ from'} the in-sample fallback model")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "batches": table,
                    "pooled": pooled_summary,
                    "in_sample": in_sample_summary,
                    "thresholds": thresholds,
                    "shipped_threshold": full_strict.threshold,
                    "shipped_matches": shipped,
                    "inputs": _inputs_digest(),
                },
                indent=1,
            ),
            encoding="utf-8",
        )
    return 0


def _swept(cut: float) -> str:
    return f"{STRICT} at {cut}"


def _false(rows: list[tuple[int, ...]]) -> int:
    """References found in documents labelled with none."""
    return sum(found for _right, _total, _hit, found, wanted in rows if not wanted)


def _shipped_check(model) -> bool:
    from inhouse.analysis.proposals import reference_model as rm

    if not rm.WEIGHTS.exists():
        return False
    shipped = rm.OpenerModel.from_json(json.loads(rm.WEIGHTS.read_text(encoding="utf-8")))
    return shipped == model


def _inputs_digest() -> str:
    digest = hashlib.sha256()
    for folder in batch_folders():
        digest.update((folder / "labels.json").read_bytes())
    return digest.hexdigest()


if __name__ == "__main__":
    sys.exit(main())
