"""What the web pages and the report show: plain dicts read from stored records and results.

Every section says whether it was ``measured``; a section whose service or stored result
does not exist yet comes back ``{"measured": False, "why": ...}`` instead of failing.
"""

from inhouse.services.dashboard.contracts import contract_view
from inhouse.services.dashboard.partners import partner_comparison, partners_tag
from inhouse.services.dashboard.portfolio import portfolio, portfolio_tag
from inhouse.services.dashboard.stored_page import engagement_page, engagement_tag

__all__ = [
    "contract_view",
    "engagement_page",
    "engagement_tag",
    "partner_comparison",
    "partners_tag",
    "portfolio",
    "portfolio_tag",
]
