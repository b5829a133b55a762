"""The engagement page and the report say which knowledge model the stored scan used."""

from __future__ import annotations

from inhouse.analysis.git import ScanOptions, SideRules, scan_repository
from inhouse.domain.results import AnalysisResult
from inhouse.services import lookup
from inhouse.services.dashboard.knowledge import knowledge_at_risk
from inhouse.web import create_app
from tests import records
from tests.gitrepo import GitRepoBuilder, lines
from tests.webclient import WebClient

ANN = "Ann Archer <ann@acme.com>"
PAT = "Pat Partner <pat@partner.io>"
RULES = SideRules(internal_domains=("acme.com",), partner_domains=("partner.io",))


def _engagement(ws, tmp_path, name: str, options: ScanOptions) -> int:
    repo = GitRepoBuilder(tmp_path / name)
    repo.commit(ANN, "2024-01-02", {"core/a.py": lines(10, "a")})
    repo.commit(PAT, "2024-03-02", {"web/p.py": lines(10, "p")})
    payload = scan_repository(repo.path, options).as_json()
    records.add_engagement(ws, name, "Partner Co", "2024-01-01")
    with ws.uow() as uow:
        found = lookup.engagement(uow, name)
        uow.results.add(
            AnalysisResult(kind="scan", subject=str(repo.path), payload=payload, engagement_id=found.id, summary="s")
        )
        uow.commit()
        return found.id


def test_the_page_and_the_report_name_the_knowledge_model(ws, tmp_path):
    records.add_partner(ws, "Partner Co")
    default = _engagement(ws, tmp_path, "Default model", ScanOptions(rules=RULES))
    recent = _engagement(
        ws,
        tmp_path,
        "Recency model",
        ScanOptions(rules=RULES, knowledge_model="recency", knowledge_half_life_days=45),
    )
    with WebClient(create_app(ws)) as client:
        html = client.get(f"/engagements/{default}").text
        assert 'id="knowledge-model"' in html
        assert "knowledge model <strong>avelino2016 (degree of authorship from commits" in html
        html = client.get(f"/engagements/{recent}").text
        assert "knowledge model <strong>recency (each contribution fades with a half-life of 45 days" in html
        report = client.get(f"/engagements/{recent}/report?format=html").text
        assert 'id="report-knowledge-model"' in report
        assert "knowledge model recency (each contribution fades with a half-life of 45 days" in report


def test_the_read_model_carries_the_model_and_its_half_life(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(ANN, "2024-01-02", {"a.py": lines(10)})
    default = knowledge_at_risk(scan_repository(repo.path).as_json())
    assert default.knowledge_model == "avelino2016" and default.knowledge_half_life_days is None
    assert not {"knowledge_model", "knowledge_half_life_days"} & set(default.model_dump(mode="json"))
    options = ScanOptions(knowledge_model="recency", knowledge_half_life_days=45)
    recent = knowledge_at_risk(scan_repository(repo.path, options).as_json())
    assert recent.knowledge_model == "recency" and recent.knowledge_half_life_days == 45
    dumped = recent.model_dump(mode="json")
    assert (dumped["knowledge_model"], dumped["knowledge_half_life_days"]) == ("recency", 45)
