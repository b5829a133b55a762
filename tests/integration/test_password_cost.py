"""Passwords are argon2id hashes at the settings' cost; a hash of another cost is re-hashed at the
next sign-in, and the default cost is RFC 9106's second recommended option (64 MiB, 3 passes)."""

from __future__ import annotations

from argon2 import extract_parameters

from inhouse.bootstrap import Workspace
from inhouse.domain.accounts import Role, UserIn
from inhouse.domain.shapes import validated
from inhouse.services import accounts
from inhouse.settings import Settings, load_settings

PASSWORD = "correct horse battery"


def _hash_of(ws: Workspace, email: str) -> str:
    with ws.uow() as uow:
        found = uow.users.by_email(email)
        assert found is not None and found.password_hash
        return found.password_hash


def test_the_default_cost_is_rfc_9106s_second_option():
    assert Settings.model_fields["password_hash_time_cost"].default == 3
    assert Settings.model_fields["password_hash_memory_kib"].default == 65536


def test_a_hash_of_another_cost_is_rehashed_at_sign_in(ws):
    accounts.add(ws, validated(UserIn, email="ann@client.example", name="Ann", role=Role.LEAD, password=PASSWORD))
    before = extract_parameters(_hash_of(ws, "ann@client.example"))
    assert before.type.name == "ID" and (before.time_cost, before.memory_cost) == (1, 64)
    costlier = Workspace(
        load_settings(database_url=ws.settings.database_url, password_hash_time_cost=2, password_hash_memory_kib=128)
    )
    accounts.check_password(costlier, "ann@client.example", PASSWORD)
    after = extract_parameters(_hash_of(ws, "ann@client.example"))
    assert (after.time_cost, after.memory_cost) == (2, 128)
    accounts.check_password(costlier, "ann@client.example", PASSWORD)  # the new hash signs in
    costlier.dispose()
