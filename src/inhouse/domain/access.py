"""Who may do what: the permissions, the roles that hold them, and a signed-in principal's reach.

Deny by default: a role holds exactly the permissions listed in :data:`GRANTS`, a route states the
one permission it needs (``inhouse.web.access``), and a partner user reaches only the engagements
of its own partner organisation. What a partner user may not see answers as if it did not exist.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from inhouse.domain.accounts import Actor, Role


class Permission(str, enum.Enum):
    """One thing a route does. ``PUBLIC`` needs no sign-in; every other permission needs one."""

    PUBLIC = "public"
    SIGNED_IN = "signed_in"
    READ = "read"
    READ_PARTNERS = "read_partners"
    READ_CONTRACTS = "read_contracts"
    READ_JOURNAL = "read_journal"
    WRITE_JOURNAL = "write_journal"
    WRITE_DRILLS = "write_drills"
    CONFIRM_REVIEWS = "confirm_reviews"
    UPLOAD_DOCUMENTS = "upload_documents"
    WRITE_CONTRACTS = "write_contracts"
    WRITE_PARTNERS = "write_partners"
    WRITE_ENGAGEMENTS = "write_engagements"
    RUN_SCANS = "run_scans"
    DELETE_RECORDS = "delete_records"
    ADMIN = "admin"


DESCRIPTIONS: dict[Permission, str] = {
    Permission.PUBLIC: "anyone, signed in or not (the login pages, liveness, static files)",
    Permission.SIGNED_IN: "any signed-in account (its own home page, the API's description, signing out)",
    Permission.READ: "the client's pages and reports: portfolio, engagements, knowledge, status, jobs",
    Permission.READ_PARTNERS: "the partner comparison, scorecards, proposals and reference checks",
    Permission.READ_CONTRACTS: "contract documents and their review",
    Permission.READ_JOURNAL: "an engagement's weekly reviews, decisions, drills and documentation audit",
    Permission.WRITE_JOURNAL: "add and edit weekly reviews and decisions (a partner user: its own only)",
    Permission.WRITE_DRILLS: "record and edit 'can we modify this alone?' drills",
    Permission.CONFIRM_REVIEWS: "confirm or comment on a partner-written weekly review",
    Permission.UPLOAD_DOCUMENTS: "upload a document for an engagement (a partner user: without seeing its review)",
    Permission.WRITE_CONTRACTS: "upload and review contracts, and edit documents' titles",
    Permission.WRITE_PARTNERS: "add partners, reference checks and proposals, and edit partners and references",
    Permission.WRITE_ENGAGEMENTS: "edit engagements, their phase changes, people, repositories, tasks and assets",
    Permission.RUN_SCANS: "start background scans of an engagement's repositories",
    Permission.DELETE_RECORDS: "delete records into the trash, see the trash and restore from it",
    Permission.ADMIN: "accounts, tokens and the audit log; deleting accounts, and anything for good",
}

_CLIENT_READS = {
    Permission.SIGNED_IN,
    Permission.READ,
    Permission.READ_PARTNERS,
    Permission.READ_CONTRACTS,
    Permission.READ_JOURNAL,
}

GRANTS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(set(Permission) - {Permission.PUBLIC}),
    Role.LEAD: frozenset(
        _CLIENT_READS
        | {
            Permission.WRITE_JOURNAL,
            Permission.WRITE_DRILLS,
            Permission.CONFIRM_REVIEWS,
            Permission.UPLOAD_DOCUMENTS,
            Permission.WRITE_CONTRACTS,
            Permission.WRITE_PARTNERS,
            Permission.WRITE_ENGAGEMENTS,
            Permission.RUN_SCANS,
            Permission.DELETE_RECORDS,
        }
    ),
    Role.LEGAL: frozenset(
        _CLIENT_READS | {Permission.UPLOAD_DOCUMENTS, Permission.WRITE_CONTRACTS, Permission.WRITE_PARTNERS}
    ),
    Role.VIEWER: frozenset(_CLIENT_READS),
    Role.PARTNER: frozenset(
        {Permission.SIGNED_IN, Permission.READ_JOURNAL, Permission.WRITE_JOURNAL, Permission.UPLOAD_DOCUMENTS}
    ),
}
"""Each role's permissions (``admin`` holds them all)."""


def allows(role: Role, permission: Permission) -> bool:
    return permission is Permission.PUBLIC or permission in GRANTS[role]


@dataclass(frozen=True)
class Principal:
    """A signed-in account (or the single user of a local server without accounts) and its reach.

    ``partner_id`` and ``engagement_ids`` bound a partner user: it reaches the engagements of its
    partner organisation, and of those only ``engagement_ids`` when the account lists some.
    """

    actor: Actor
    role: Role
    user_id: int | None = None
    name: str = ""
    partner_id: int | None = None
    engagement_ids: frozenset[int] = field(default_factory=frozenset)
    session_id: int | None = None
    local: bool = False

    @property
    def is_partner(self) -> bool:
        return self.role is Role.PARTNER

    def can(self, permission: Permission) -> bool:
        return allows(self.role, permission)

    def reaches(self, engagement_id: int, partner_id: int) -> bool:
        """Whether this principal may see the engagement ``engagement_id`` of partner ``partner_id``."""
        if not self.is_partner:
            return True
        if self.partner_id is None or partner_id != self.partner_id:
            return False
        return not self.engagement_ids or engagement_id in self.engagement_ids
