"""What the web pages and the report show: read models (Shapes) built from stored records and results.

A section drawn from a stored analysis says whether it was ``measured``; without the analysis
it says why not (``{"measured": false, "why": ...}``) instead of failing.
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
