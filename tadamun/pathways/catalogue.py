"""The nine massarat (pathways of work) of the mission statement.

They are a fixed set: their names and summaries are interface text, translated through
gettext like every other string; the database holds one row per pathway so that other
objects can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class PathwayText:
    slug: str
    number: int
    colour: str  # the badge colour used for this pathway everywhere
    name: Promise
    summary: Promise


PATHWAYS: tuple[PathwayText, ...] = (
    PathwayText(
        "human-rights-defenders", 1, "#8a1c2b",
        _("Human Rights Defenders and Active Nonviolence"),
        _("Supporting nonviolent activism and protest for human rights and freedoms in Iraq, with a particular focus on supporting and protecting human rights defenders threatened inside the country."),
    ),
    PathwayText(
        "democracy", 2, "#1f4e89",
        _("Democracy"),
        _("Advancing the conditions for a democratic, participatory system in Iraq, with a special focus on civil rights, freedom of expression and the accountability of Iraqi institutions."),
    ),
    PathwayText(
        "peacebuilding", 3, "#2f6f4e",
        _("Peacebuilding and Reconciliation"),
        _("Working on reconciliation and transitional justice, on bringing back into society people once affiliated with Daesh and displaced people from critical areas, and on preventing sectarianism and violent extremism."),
    ),
    PathwayText(
        "demilitarization", 4, "#5b4a8b",
        _("Demilitarization"),
        _("Countering the militarization of Iraqi territory, military answers to internal and external conflicts, foreign military interference, and the arms trade that feeds militias and extremist groups."),
    ),
    PathwayText(
        "minorities", 5, "#7a5200",
        _("Minorities' Rights and Freedoms"),
        _("Supporting minorities and advocating for their rights, to increase their participation in public life and protect their cultural identity."),
    ),
    PathwayText(
        "economic-social-rights", 6, "#0f5f6e",
        _("Economic and Social Rights"),
        _("Supporting Iraqi civil society's struggle for the economic and social rights of the Iraqi people: decent work, trade union freedoms, public services and social protection."),
    ),
    PathwayText(
        "women", 7, "#9b2f6a",
        _("Women's Rights and Participation"),
        _("Supporting women's demands for representation and participation in public life, recognising their agency, sustaining their political initiatives and tackling domestic violence, also through legislation."),
    ),
    PathwayText(
        "youth", 8, "#a23f12",
        _("Youth's Rights and Participation"),
        _("Sustaining young people's demands for representation and participation in public life, recognising their role in society, and offering opportunities and capacity building."),
    ),
    PathwayText(
        "heritage-environment", 9, "#3d6b1f",
        _("Cultural Heritage and Environment Protection"),
        _("Advocating for the right to clean water and for protecting the environment, safeguarding the rights of future generations and the beauty of Iraq's cultural and natural heritage."),
    ),
)

BY_SLUG = {pathway.slug: pathway for pathway in PATHWAYS}
