"""The access matrix: every route of the app, asked by every kind of principal, answers what the
permission table (docs/security.md's matrix) says, on SQLite and PostgreSQL.

Principals: an admin, a lead, a legal reviewer, a viewer, a partner user of the engagement's
partner, a partner user of *another* partner, an anonymous client and a disabled account. A request
that is not allowed is refused as the table promises (anonymous: 401 on the API, a 303 to /login
on a page; a partner user: 404; any other role: 403); one that is allowed is never one of those
refusals and never a 5xx. Requests by API token show that a token carries its account's role.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import httpx
from fastapi.testclient import TestClient

from inhouse.domain.access import Permission, allows
from inhouse.domain.accounts import Account, Role, UserIn
from inhouse.domain.assets import AssetIn
from inhouse.domain.decisions import DecisionIn
from inhouse.domain.docs_audit import DocsAuditIn
from inhouse.domain.participation import Task
from inhouse.domain.partners import ReferenceIn
from inhouse.domain.repos import RepoIn
from inhouse.domain.reviews import ReviewIn
from inhouse.domain.shapes import validated
from inhouse.jobs import JobRunner
from inhouse.services import (
    accounts,
    assets,
    decisions,
    docs_audit,
    lookup,
    partners_references,
    repos,
    reviews,
    sessions,
    tokens,
    trash,
)
from inhouse.services import jobs as job_service
from inhouse.web import create_app
from inhouse.web.access import SESSION_COOKIE, TABLE, Rule, declared_routes
from tests import records, webdata
from tests.gitrepo import GitRepoBuilder
from tests.webclient import BASE_URL, WebClient

PLANNED: frozenset[str] = frozenset()
"""Routes the permission table may list ahead of their code: a missing one is printed, not failed.
A table entry that is neither a route of the app nor planned is a stale table, and fails. (Empty:
every route the table lists is written.)"""
MONDAY = date.today() - timedelta(days=date.today().weekday())
INTERNAL = "Priya Raman"


@dataclass
class Who:
    """One principal of the matrix: ``role`` None for a client that is signed in as nobody."""

    name: str
    role: Role | None
    client: TestClient
    outside: bool = False  # a partner user of another partner: no engagement of the seed is its own


@dataclass
class World:
    ids: dict[str, int]
    app: Any
    who: list[Who]


def _account(ws, email: str, name: str, role: Role, partner: str | None = None) -> Account:
    accounts.add(ws, validated(UserIn, email=email, name=name, role=role, partner=partner))
    with ws.uow() as uow:
        found = uow.users.by_email(email)
        assert found is not None
        return found


def _signed_in(app, ws, found: Account) -> WebClient:
    """A browser-like client holding a live session of ``found`` (started as a sign-in starts one)."""
    client = WebClient(app, raise_server_exceptions=False)
    client.cookies.set(SESSION_COOKIE, sessions.start(ws, found).cookie)
    return client


def _seed(ws, tmp_path) -> dict[str, int]:
    ids = webdata.seed(ws)
    records.add_person(ws, INTERNAL, "internal", ["priya@meridian.example"])
    repo = GitRepoBuilder(tmp_path / "eta-prediction")
    repo.commit(f"{INTERNAL} <priya@meridian.example>", "2026-01-05", {"README.md": "# ETA\n"})
    repos.add(ws, webdata.ENGAGEMENT, RepoIn(repository=str(repo.path)))
    # a documentation audit too, so that every section of the pages (the partner's home included) has data
    docs_audit.audit(ws, DocsAuditIn(repo=str(repo.path), engagement=str(ids["engagement_id"])))
    ids["job_id"] = job_service.create(ws, "scan", "eta-prediction", ids["engagement_id"]).id
    # one record of each kind the edit routes change
    asset = assets.add(ws, webdata.ENGAGEMENT, validated(AssetIn, name="ETA model", kind="model", held_by="partner"))
    reference = partners_references.add(ws, webdata.PARTNER, validated(ReferenceIn, name="Northwind"))
    with ws.uow() as uow:
        found = lookup.engagement(uow, webdata.ENGAGEMENT)
        uow.tasks.save(Task(engagement_id=found.stored_id, key="ETA-1", title="Retrain", worked_on=MONDAY))
        uow.commit()
        person = uow.people.owner_of_email(found.client_id, "priya@meridian.example")
        assert person is not None and found.phases[0].id is not None
        ids.update(
            asset_id=asset.id,
            reference_id=reference.id,
            phase_id=found.phases[0].id,
            person_id=person.id,
            repo_id=uow.repos.list(found.stored_id)[0].id,
            drill_id=uow.drills.list(found.stored_id)[0].id,
        )
    return ids


def _world(ws, tmp_path) -> World:
    ids = _seed(ws, tmp_path)
    app = create_app(ws, runner=JobRunner(ws, workers=1, interval=0.0))
    made = {
        "admin": _account(ws, "admin@acme.example", "Ada Admin", Role.ADMIN),
        "lead": _account(ws, "lead@acme.example", "Ann Lee", Role.LEAD),
        "legal": _account(ws, "legal@acme.example", "Lee Gal", Role.LEGAL),
        "viewer": _account(ws, "viewer@acme.example", "Vic Viewer", Role.VIEWER),
        "partner": _account(ws, "mei@quantialabs.io", "Mei Chen", Role.PARTNER, webdata.PARTNER),
        "other partner": _account(ws, "bo@brightpath.example", "Bo Bright", Role.PARTNER, "BrightPath AI"),
        "disabled": _account(ws, "gone@acme.example", "Gone Away", Role.LEAD),
    }
    # a weekly review and a decision the partner user wrote: the ones the edit routes change
    with ws.uow() as uow:
        partner_actor = accounts.principal(uow, made["partner"]).actor
    as_partner = ws.acting(partner_actor)
    week = (MONDAY - timedelta(weeks=30)).isoformat()
    review = reviews.add(
        as_partner,
        webdata.ENGAGEMENT,
        validated(ReviewIn, week_of=week, done="Tuned the model", why="drift", next="ship", attendees=[INTERNAL]),
    )
    decision = decisions.add(
        as_partner,
        webdata.ENGAGEMENT,
        validated(DecisionIn, title="Keep the feature store", decided_by="joint", decided_on=week),
    )
    ids.update(review_id=review.id, decision_id=decision.id, user_id=made["viewer"].stored_id)
    ids["review_week_of"] = int(date.fromisoformat(week).toordinal())

    who = [
        Who("anonymous", None, WebClient(app, raise_server_exceptions=False)),
        Who("disabled", None, _signed_in(app, ws, made["disabled"])),
        Who("other partner", Role.PARTNER, _signed_in(app, ws, made["other partner"]), outside=True),
        Who("partner", Role.PARTNER, _signed_in(app, ws, made["partner"])),  # before anyone confirms its review
        Who("viewer", Role.VIEWER, _signed_in(app, ws, made["viewer"])),
        Who("legal", Role.LEGAL, _signed_in(app, ws, made["legal"])),
        Who("lead", Role.LEAD, _signed_in(app, ws, made["lead"])),
        Who("admin", Role.ADMIN, _signed_in(app, ws, made["admin"])),
    ]
    accounts.disable(ws, made["disabled"].email)  # its session, started before, ends with it
    return World(ids, app, who)


def _path(key: str, ids: dict[str, int]) -> str:
    path = key.split(" ", 1)[1]
    ref = ids["partner_id"] if "/partners/{ref}" in path else ids["engagement_id"]
    return (
        path.replace("{ref}", str(ref))
        .replace("{document_id}", str(ids["document_id"]))
        .replace("{job_id}", str(ids["job_id"]))
        .replace("{review_id}", str(ids["review_id"]))
        .replace("{decision_id}", str(ids["decision_id"]))
        .replace("{key}", "ETA-1")
        .replace("{user_id}", str(ids["user_id"]))
        .replace("{reference_id}", str(ids["reference_id"]))
        .replace("{phase_id}", str(ids["phase_id"]))
        .replace("{person_id}", str(ids["person_id"]))
        .replace("{repo_id}", str(ids["repo_id"]))
        .replace("{drill_id}", str(ids["drill_id"]))
        .replace("{asset_id}", str(ids["asset_id"]))
    )


def _body(key: str, n: int, ids: dict[str, int]) -> dict[str, Any]:
    """Keyword arguments of a request valid enough to reach the route's service (``n``: the
    principal's number, so that what each adds is its own)."""
    method, path = key.split(" ", 1)
    api = path.startswith("/api/")
    week = (MONDAY - timedelta(weeks=n + 2)).isoformat()
    if method == "PATCH":  # an edit that changes nothing still reaches its service
        return {"json": {}}
    if path.endswith("/tasks/edit"):  # the edit form names its task by a field (the others change nothing)
        return {"data": {"key": "ETA-1"}}
    if path.endswith("/confirmation"):
        return {"json" if api else "data": {"action": "comment", "note": "Seen."}}
    if path.endswith("/reviews/{review_id}"):
        week = date.fromordinal(ids["review_week_of"]).isoformat()
    if "/reviews" in path:
        review = {"week_of": week, "done": f"Work {n}", "why": "because", "next": "more"}
        return {"json": {**review, "attendees": [INTERNAL]}} if api else {"data": {**review, "attendees": INTERNAL}}
    if "/decisions" in path:
        decision = {"title": f"Decision {n}", "decided_by": "joint", "decided_on": week, "rationale": "exit"}
        return {"json" if api else "data": decision}
    if path.endswith("/drills"):
        drill = {"performed_on": week, "person": INTERNAL, "modification": "Roll back", "outcome": "stuck"}
        return {"json" if api else "data": drill}
    if path.endswith("/documents"):
        return {
            "files": {"file": (f"notes-{n}.md", b"# Notes\n\nRunbook.\n", "text/markdown")},
            "data": {"kind": "other"},
        }
    if path.endswith("/contracts"):
        return {"files": {"file": (f"msa-{n}.txt", webdata.CONTRACT_TEXT.encode(), "text/plain")}}
    if path.endswith("/proposals"):
        text = b"Proposal. Our team of six has shipped three ETA models; references available."
        return {"files": {"file": (f"proposal-{n}.txt", text, "text/plain")}}
    if path.endswith("/references"):
        return {"json" if api else "data": {"name": f"Reference {n}"}}
    if method == "POST" and path.endswith("/partners"):
        return {"json" if api else "data": {"name": f"Partner {n}"}}
    if path == "/login" and method == "POST":
        return {"data": {"email": "nobody@acme.example", "password": "not the password"}}
    return {}


def _refusal(who: Who, rule: Rule) -> bool:
    """Whether the table refuses ``who`` this route (before anything else is looked at)."""
    if rule.permission is Permission.PUBLIC:
        return False
    if who.role is None or not allows(who.role, rule.permission):
        return True
    return rule.reach == "engagement" and who.outside


def _is_api(path: str) -> bool:
    return path.startswith("/api/") or path == "/openapi.json"


def _check(who: Who, key: str, rule: Rule, answer: httpx.Response) -> str | None:
    """What is wrong with ``answer`` to ``who`` on ``key`` (None: it is what the table says)."""
    status, path = answer.status_code, key.split(" ", 1)[1]
    to_login = status == 303 and answer.headers.get("location", "").startswith("/login")
    seen = f"{who.name} {key}: {status} {answer.text[:160]!r}"
    if status >= 500:
        return seen
    if _refusal(who, rule):
        if who.role is None:
            ok = status == 401 if _is_api(path) else to_login
        elif who.role is Role.PARTNER:
            ok = status == 404
        else:
            ok = status == 403
        return None if ok else f"refusal expected: {seen}"
    if rule.permission is Permission.PUBLIC:
        return None  # the login pages answer what they answer (a wrong password, no single sign-on...)
    if key == "POST /logout":  # signing out sends the browser to the login page, and ends the session
        ended = who.client.get("/api/me").status_code == 401
        return None if to_login and ended else f"sign-out did not end the session: {seen}"
    if status in (401, 403, 404) or to_login:
        return f"allowed, but refused: {seen}"
    return None


def _deletes(key: str) -> bool:
    """Routes that delete, restore or purge: each is sent on a world put back as it was after it."""
    return key.startswith("DELETE ") or key.startswith("POST /delete/") or key.startswith("POST /trash/")


def _send(client: TestClient, key: str, ids: dict[str, int], n: int, ws: Any = None) -> httpx.Response:
    method = key.split(" ", 1)[0]
    query = "?format=html" if key.endswith("/report") else ""  # the same rule as the PDF, at a fraction of the time
    if not _deletes(key) or ws is None:
        return client.request(method, _path(key, ids) + query, follow_redirects=False, **_body(key, n, ids))
    if "{trash_id}" in key:  # something in the trash to restore or purge: a spare asset
        ids["spares"] = ids.get("spares", 0) + 1
        spare = assets.add(
            ws, webdata.ENGAGEMENT, validated(AssetIn, name=f"Spare {ids['spares']}", kind="model", held_by="partner")
        )
        ids["trash_id"] = trash.delete(ws, "asset", spare.id).trash.id  # type: ignore[union-attr,arg-type]
    path = _path(key, ids).replace("{trash_id}", str(ids.get("trash_id", 0)))
    path = path.replace("{thing}", "asset").replace("{record_id}", str(ids["asset_id"]))
    answer = client.request(method, path, follow_redirects=False)
    for entry in trash.entries(ws):  # put back whatever the request deleted, under the same ids
        trash.restore(ws, entry.id)
    return answer


def test_every_route_answers_every_principal_as_the_table_says(ws, tmp_path):
    world = _world(ws, tmp_path)
    routes = declared_routes(world.app)
    missing = sorted(set(TABLE) - set(routes))
    if missing:
        print(f"routes in the permission table not written yet: {', '.join(missing)}")
    stale = [key for key in missing if key not in PLANNED]
    assert not stale, f"the permission table names routes the app does not have: {stale}"
    keys = sorted((k for k in TABLE if k in routes), key=lambda k: k == "POST /logout")

    refused = sum(_refusal(who, TABLE[key]) for who in world.who for key in keys)
    assert len(keys) > 40 and 0 < refused < len(keys) * len(world.who)  # a matrix, not a formality
    wrong = []
    try:
        for n, who in enumerate(world.who):
            for key in keys:  # signing out last: it ends the session the others use
                found = _check(who, key, TABLE[key], _send(who.client, key, world.ids, n, ws))
                if found:
                    wrong.append(found)
        assert not wrong, f"{len(wrong)} answers differ from the table:\n" + "\n".join(wrong)

        # by API token: a token acts with its account's role and reach, on /api only
        for role, email, outside in (
            (Role.VIEWER, "viewer@acme.example", False),
            (Role.PARTNER, "bo@brightpath.example", True),
        ):
            bearer = tokens.create(ws, email, "1d").token
            client = TestClient(
                world.app,
                base_url=BASE_URL,
                raise_server_exceptions=False,
                headers={"Authorization": f"Bearer {bearer}"},
            )
            who = Who(f"{role.value} token", role, client, outside=outside)
            for key in keys:
                if not key.split(" ", 1)[1].startswith("/api/"):
                    continue
                found = _check(who, key, TABLE[key], _send(client, key, world.ids, 20 + len(wrong), ws))
                if found:
                    wrong.append(found)
            page = client.get("/", follow_redirects=False)  # a token opens no page
            assert page.status_code == 303 and page.headers["location"].startswith("/login"), page.status_code
        assert not wrong, f"{len(wrong)} answers by token differ from the table:\n" + "\n".join(wrong)
    finally:
        world.app.state.runner.shutdown(wait=True)
