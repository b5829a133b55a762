"""Every setting has a default and help, and is documented."""

from __future__ import annotations

from pathlib import Path

from inhouse.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[2]


def test_every_setting_is_documented_with_a_default():
    docs = (ROOT / "docs" / "configuration.md").read_text()
    for name, field in Settings.model_fields.items():
        assert field.description, f"{name} has no help text"
        assert f"INHOUSE_{name.upper()}" in docs, f"INHOUSE_{name.upper()} missing from docs/configuration.md"


def test_environment_and_overrides(monkeypatch):
    monkeypatch.setenv("INHOUSE_DATABASE_URL", "sqlite:///x.db")
    assert load_settings().database_url == "sqlite:///x.db"
    assert load_settings(database_url="sqlite:///y.db").database_url == "sqlite:///y.db"
    assert load_settings(database_url=None).database_url == "sqlite:///x.db"
