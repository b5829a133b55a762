"""Records of clients, partners and people."""

from __future__ import annotations

import builtins

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inhouse.domain.common import PartnerStatus, Side
from inhouse.domain.organisations import Client, Partner, Person
from inhouse.store.tables import ClientRow, PartnerRow, PersonEmailRow, PersonRow


def _client(row: ClientRow) -> Client:
    return Client(name=row.name, id=row.id, created_at=row.created_at)


def _partner(row: PartnerRow) -> Partner:
    return Partner(
        name=row.name,
        status=PartnerStatus(row.status),
        website=row.website,
        email_domains=list(row.email_domains or []),
        notes=row.notes,
        client_id=row.client_id,
        id=row.id,
        created_at=row.created_at,
    )


class ClientRecords:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, client: Client) -> Client:
        row = ClientRow(name=client.name)
        self.session.add(row)
        self.session.flush()
        client.id, client.created_at = row.id, row.created_at
        return client

    def list(self) -> list[Client]:
        return [_client(r) for r in self.session.scalars(select(ClientRow).order_by(ClientRow.id))]

    def get(self, client_id: int) -> Client | None:
        row = self.session.get(ClientRow, client_id)
        return _client(row) if row else None

    def by_name(self, name: str) -> Client | None:
        row = self.session.scalar(select(ClientRow).where(func.lower(ClientRow.name) == name.lower()))
        return _client(row) if row else None


class PartnerRecords:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, partner: Partner) -> Partner:
        row = PartnerRow(
            client_id=partner.client_id,
            name=partner.name,
            status=partner.status.value,
            website=partner.website,
            email_domains=list(partner.email_domains),
            notes=partner.notes,
        )
        self.session.add(row)
        self.session.flush()
        partner.id, partner.created_at = row.id, row.created_at
        return partner

    def update(self, partner: Partner) -> None:
        row = self.session.get_one(PartnerRow, partner.id)
        row.name = partner.name
        row.status = partner.status.value
        row.website = partner.website
        row.email_domains = list(partner.email_domains)
        row.notes = partner.notes

    def get(self, partner_id: int) -> Partner | None:
        row = self.session.get(PartnerRow, partner_id)
        return _partner(row) if row else None

    def by_name(self, client_id: int, name: str) -> Partner | None:
        row = self.session.scalar(
            select(PartnerRow).where(PartnerRow.client_id == client_id, func.lower(PartnerRow.name) == name.lower())
        )
        return _partner(row) if row else None

    def list(self, client_id: int | None = None) -> list[Partner]:
        query = select(PartnerRow).order_by(PartnerRow.name)
        if client_id is not None:
            query = query.where(PartnerRow.client_id == client_id)
        return [_partner(r) for r in self.session.scalars(query)]


class PersonRecords:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _emails(self, person_ids: list[int]) -> dict[int, list[str]]:
        found: dict[int, list[str]] = {pid: [] for pid in person_ids}
        if person_ids:
            query = select(PersonEmailRow).where(PersonEmailRow.person_id.in_(person_ids)).order_by(PersonEmailRow.id)
            for row in self.session.scalars(query):
                found[row.person_id].append(row.email)
        return found

    def _people(self, rows: list[PersonRow]) -> list[Person]:
        emails = self._emails([r.id for r in rows])
        return [
            Person(
                name=r.name,
                side=Side(r.side),
                emails=emails[r.id],
                role=r.role,
                client_id=r.client_id,
                partner_id=r.partner_id,
                id=r.id,
                created_at=r.created_at,
            )
            for r in rows
        ]

    def add(self, person: Person) -> Person:
        row = PersonRow(
            client_id=person.client_id,
            partner_id=person.partner_id,
            name=person.name,
            side=person.side.value,
            role=person.role,
        )
        self.session.add(row)
        self.session.flush()
        for email in person.emails:
            self.session.add(PersonEmailRow(client_id=person.client_id, person_id=row.id, email=email))
        self.session.flush()
        person.id, person.created_at = row.id, row.created_at
        return person

    def get(self, person_id: int) -> Person | None:
        row = self.session.get(PersonRow, person_id)
        return self._people([row])[0] if row else None

    def update(self, person: Person) -> None:
        """Write ``person``'s name, side, role, partner and e-mails (the whole list) back."""
        row = self.session.get_one(PersonRow, person.id)
        row.name, row.side, row.role, row.partner_id = person.name, person.side.value, person.role, person.partner_id
        stored = {
            e.email: e for e in self.session.scalars(select(PersonEmailRow).where(PersonEmailRow.person_id == row.id))
        }
        for email, email_row in stored.items():
            if email not in person.emails:
                self.session.delete(email_row)
        self.session.flush()
        for email in person.emails:
            if email not in stored:
                self.session.add(PersonEmailRow(client_id=row.client_id, person_id=row.id, email=email))
        self.session.flush()

    def owner_of_email(self, client_id: int, email: str) -> Person | None:
        row = self.session.scalar(
            select(PersonEmailRow).where(PersonEmailRow.client_id == client_id, PersonEmailRow.email == email)
        )
        if row is None:
            return None
        return self._people([self.session.get_one(PersonRow, row.person_id)])[0]

    def list(self, client_id: int, partner_id: int | None = None, side: Side | None = None) -> list[Person]:
        query = select(PersonRow).where(PersonRow.client_id == client_id).order_by(PersonRow.side, PersonRow.name)
        if partner_id is not None:
            query = query.where(PersonRow.partner_id == partner_id)
        if side is not None:
            query = query.where(PersonRow.side == side.value)
        return self._people(list(self.session.scalars(query)))

    def for_engagement(self, client_id: int, partner_id: int) -> builtins.list[Person]:
        """The client's internal people and the engaged partner's people."""
        query = (
            select(PersonRow)
            .where(PersonRow.client_id == client_id)
            .where((PersonRow.side == Side.INTERNAL.value) | (PersonRow.partner_id == partner_id))
            .order_by(PersonRow.side, PersonRow.name)
        )
        return self._people(list(self.session.scalars(query)))
