"""The demo groups: a working group per pathway, the General Assembly (one seat for every
member organisation, its delegate designated by the organisation's administrator), the
coordination committee, proposals open and closed with their positions, and the General
Assembly's register of decisions since the mission statement was approved in Sulaymaniyah.

Everything goes through the services, as a coordinator, a facilitator, an organisation's
administrator or a delegate would do it. People and texts are fictional; the choices come
from a seeded random generator, so the demo is the same every time. The demo network must
be loaded first (`tadamun.network.demo.load_demo`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone, translation

from tadamun.accounts.models import User
from tadamun.core.demo import quiet_log
from tadamun.network.demo import COORDINATOR_EMAIL, ORGANISATIONS, demo_slug
from tadamun.network.models import Membership, Organisation
from tadamun.pathways.models import Pathway

from . import services
from .models import Decision, Group, GroupMember, Position, Proposal, Seat

A, AB, D, B = Position.Value.AGREE, Position.Value.ABSTAIN, Position.Value.DISAGREE, Position.Value.BLOCK

# The short code of each pathway's working group (the references of its decisions begin with it).
WORKING_GROUP_CODES = {
    "human-rights-defenders": "WG-DEFENDERS",
    "democracy": "WG-DEMOCRACY",
    "peacebuilding": "WG-PEACE",
    "demilitarization": "WG-DEMIL",
    "minorities": "WG-MINORITY",
    "economic-social-rights": "WG-ESR",
    "women": "WG-WOMEN",
    "youth": "WG-YOUTH",
    "heritage-environment": "WG-WATER",
}

# fmt: off
# --- The General Assembly's register: decisions taken in the room, recorded afterwards -----
MISSION_OUTCOME = """\
The General Assembly, meeting in Sulaymaniyah on 15 March 2022, approved the mission statement \
of the network. The statement sets out our values and identity, our history since 2009, our aim, \
our actions and the nine pathways (massarat) of our work. It begins:

> The Iraq Civil Society Solidarity Initiative (ICSSI) is a Solidarity Platform working to connect \
and sustain the growing Iraqi civil society while building concrete links with international civil \
society organizations and activists.

and it ends with the words "Approved during ICSSI General Assembly Sulaymaniyah, 15th March 2022".
The working groups of the network follow its nine pathways."""

DONOR_POLICY_OUTCOME = """\
اعتمدت الجمعية العامة سياسة الشبكة تجاه المانحين، تطبيقاً لما جاء في بيان المهمة: لا تقبل الشبكة \
تمويلاً من مانحين يشنّون الحروب أو يربحون من صناعة السلاح، أو مسؤولين عن انتهاكات حقوق الإنسان \
أو عن تدمير البيئة.

- تنشر الشبكة كل سنة قائمة مانحيها ومبالغ التمويل.
- لا تقبل الشبكة تمويلاً مشروطاً بتغيير أولويات المنظمات العراقية الأعضاء.
- تنظر لجنة التنسيق في كل تمويل جديد، وتعرضه على الجمعية العامة عند الشك."""

CONSENSUS_OUTCOME = """\
The General Assembly decided that the network takes its decisions by consensus, as the mission \
statement asks: "the ability to reach decisions by consensus instead of by majority rule".

- Every member organisation has one voice in the General Assembly, cast by the delegate it \
designates; a delegate may hold at most two proxies on a proposal.
- A proposal passes when no member organisation blocks it and at least three quarters of those \
who take a side agree.
- A block gives its reason, and the facilitators answer every block before the proposal closes.
- Proposals are published at least two weeks before they close, in Arabic, Kurdish and English."""

RECORDED = [
    services.DecisionDraft(
        title="Approval of the mission statement", outcome=MISSION_OUTCOME, language="en",
        decided_on=date(2022, 3, 15), place="Sulaymaniyah",
    ),
    services.DecisionDraft(
        title="اعتماد سياسة الشبكة تجاه المانحين", outcome=DONOR_POLICY_OUTCOME, language="ar",
        decided_on=date(2023, 4, 22), place="Baghdad",
    ),
    services.DecisionDraft(
        title="Consensus as the way the network decides", outcome=CONSENSUS_OUTCOME, language="en",
        decided_on=date(2024, 3, 9), place="Erbil",
    ),
]

# --- Proposals ----------------------------------------------------------------------------
CONFERENCE_TEXT = """\
The coordination committee proposes that the network's annual conference of 2027 be held in \
Sulaymaniyah on 12–14 March 2027, hosted by the Rewan Centre for Women's Safety.

- Three days: one for the working groups, one for the General Assembly, one open to the public.
- Interpretation into Arabic, Kurdish (Sorani and Kurmanji) and English in every session.
- Travel covered for two people of every member organisation from outside the Kurdistan Region.
- The agenda of the General Assembly published four weeks before the conference."""

CONFERENCE_BLOCK = (
    "عُقد المؤتمر في السليمانية مرتين متتاليتين. السفر من البصرة والناصرية والعمارة طويل ومكلف، ولا تستطيع "
    "منظماتنا الصغيرة إرسال أكثر من شخص واحد. نطلب أن يُعقد مؤتمر ٢٠٢٧ في البصرة، أو أن يتناوب المؤتمر بين الشمال والجنوب."
)
CONFERENCE_ANSWER = (
    "Thank you. The coordination committee will cover travel for three people of every organisation from Basra, "
    "Dhi Qar and Maysan, and will put to the Assembly a separate proposal to hold the 2028 conference in Basra "
    "and to alternate between the north and the south from then on."
)
CONFERENCE_REASONS = {
    D: [
        "Mid-March is too close to Nowruz for many of our members; we would prefer late April.",
        "نفضّل أن يكون يوم الجمعية العامة في بداية المؤتمر لا في وسطه، حتى تعمل مجموعات العمل على قراراتها.",
        "Two people per organisation is not enough for the trade unions, who need a worker and an interpreter.",
    ],
    AB: ["", "We cannot confirm our travel before our own board meets in January.", "ننتظر رأي أعضائنا في الأنبار."],
    A: ["", "", "", "Sulaymaniyah has been a good host; the public day is an excellent idea.", "نؤيد، مع الشكر لمركز روان."],
}

WATER_CAMPAIGN_TEXT = """\
تتبنى الشبكة حملة مشتركة لمدة سنة من أجل الحق في مياه شرب آمنة في البصرة، بقيادة شبكة شط العرب \
للحق في المياه، وبالتعاون مع مجموعة العمل حول التراث الثقافي وحماية البيئة.

- نشر نتائج فحص مياه الإسالة الشهرية في أبي الخصيب وشط العرب.
- رسالة مفتوحة إلى مديرية ماء البصرة ومجلس المحافظة تطالب بخطة معلنة لمعالجة الملوحة وتسرب مياه الصرف الصحي.
- دعوة المنظمات الدولية الأعضاء إلى التضامن ونشر الحملة بلغاتها."""
WATER_CAMPAIGN_REASONS = {
    D: [
        "نتفق مع الهدف، لكن الحملة يجب أن تشمل ذي قار وميسان أيضاً، لا البصرة وحدها.",
        "Our members need the network's campaign support for the electricity workers first; we will not stand in the way.",
    ],
    AB: ["", "We have no members in Basra and prefer to let those who do decide."],
    A: ["", "", "", "Water is the first right; we will translate the open letter into Italian.", "نضع إذاعتنا في خدمة الحملة."],
}
WATER_CAMPAIGN_OUTCOME = """\
أقرّت الجمعية العامة الحملة المشتركة من أجل الحق في المياه في البصرة. تقود شبكة شط العرب للحق في \
المياه الحملة لمدة سنة، وتنظر مجموعة العمل حول التراث الثقافي وحماية البيئة في توسيعها إلى ذي قار \
وميسان كما طلبت بعض المنظمات. تُرسل الرسالة المفتوحة إلى مديرية ماء البصرة خلال شهر."""

DEFENDERS_FUND_TEXT = """\
نقترح أن تخصص الشبكة صندوق طوارئ صغيراً لحماية المدافعين والمدافعات عن حقوق الإنسان المهددين:

- أجور النقل والسكن المؤقت لمدة أقصاها ثلاثة أشهر؛
- محامٍ عند الاعتقال؛
- دعم نفسي للمدافع وعائلته.

يقرر فريق من ثلاثة أعضاء من مجموعة العمل كل طلب خلال ٤٨ ساعة، ولا تُنشر أسماء المستفيدين أبداً. \
يُموَّل الصندوق من اشتراكات المنظمات الأعضاء ومن مانحين يحترمون سياسة الشبكة تجاه المانحين."""
DEFENDERS_FUND_REASONS = {
    D: ["٤٨ ساعة مدة طويلة جداً عندما يكون الشخص مهدداً بالاعتقال؛ نحتاج إلى قرار خلال يوم واحد."],
    AB: ["Our organisation already runs a similar fund; we do not want to compete with it."],
    A: ["", "", "نحتاج هذا الصندوق منذ احتجاجات تشرين.", "Please include digital security help as well."],
}

WOMEN_SPEAKERS_TEXT = """\
پێشنیار دەکەین لە کۆنفرانسی ساڵانەی تۆڕەکە لە سلێمانی، نیوەی قسەکەران و بەڕێوەبەرانی دانیشتنەکان ئافرەت بن.

هەر ڕێکخراوێک کە قسەکەرێک پێشنیار دەکات، دەتوانێت دوو ناو بنێرێت: پیاوێک و ئافرەتێک. \
تۆڕەکە تێچووی چاودێریی منداڵان لە ماوەی کۆنفرانسەکەدا دەگرێتە ئەستۆ."""
WOMEN_SPEAKERS_REASONS = {
    D: ["Half of the speakers is a floor, not a ceiling: we ask for the same rule in every meeting of the network."],
    AB: ["لا نعرف بعد إن كانت لدينا متحدثة متاحة هذه السنة."],
    A: ["", "", "Childcare makes all the difference for our members.", "نؤيد بقوة."],
}

WATER_DATA_TEXT = """\
From next month the working group publishes the results of the volunteers' monthly tap-water tests \
in Abu al-Khasib and Shatt al-Arab (salinity, E. coli, free chlorine) as an open spreadsheet on the \
network's site, with the date, the street and the name of the volunteer who took each sample."""
WATER_DATA_REVISED = """\
From next month the working group publishes the results of the volunteers' monthly tap-water tests \
in Abu al-Khasib and Shatt al-Arab (salinity, E. coli, free chlorine) as an open spreadsheet on the \
network's site, with the date and the street of each sample.

The names of the volunteers who took the samples are never published: only the working group's \
facilitators keep them, in the samples' log of the Shatt al-Arab Water Rights Network."""
WATER_DATA_OBJECTION = (
    "Naming the volunteers who took the samples exposes them: two of ours were threatened after the 2018 "
    "protests. Publish the street and the date, not the names."
)
WATER_DATA_ANSWER = "Agreed: the revised text drops the names, which only the facilitators keep."
WATER_DATA_OUTCOME = """\
Adopted without objection once the names of the volunteers were removed from the published data. \
The first open spreadsheet comes with next month's tests; the Shatt al-Arab Water Rights Network \
keeps the samples' log."""
# fmt: on

WG_DESCRIPTIONS = {
    "human-rights-defenders": "Threats against activists, lawyers and journalists; the emergency fund; accompanying defenders in court.",
    "democracy": "Freedom of expression, the accountability of institutions, and following the bills before parliament.",
    "peacebuilding": "Reconciliation in Anbar and Nineveh, families returning from the camps, transitional justice.",
    "demilitarization": "Small arms in neighbourhoods, remnants of war, and the campaign against the arms trade.",
    "minorities": "The rights of Yazidis, Christians, Sabean-Mandaeans, Turkmen, Shabak and Faili Kurds.",
    "economic-social-rights": "Trade union freedoms, salaries, housing and public services.",
    "women": "The law against domestic violence, shelters, and women's participation in public life.",
    "youth": "Young people's organisations, the October generation, schools and universities.",
    "heritage-environment": "Water in Basra and the marshes, the rivers, and the heritage of Mosul and Babylon.",
}


@dataclass
class _Made:
    working_groups: list[Group]
    assembly: Group
    committee: Group
    decisions: list[Decision]
    proposals: list[Proposal]


def load_demo_groups(*, stdout=None) -> list[Group]:
    """(Re)build the demo groups, their proposals and decisions; the demo network must be loaded."""
    if not User.objects.filter(email=COORDINATOR_EMAIL).exists():
        raise RuntimeError("Load the demo network first (manage.py demo): the groups are made of its people.")
    with quiet_log("tadamun.assembly"), transaction.atomic():
        made = _load()
    if stdout is not None:
        _summary(stdout, made)
    return [*made.working_groups, made.assembly, made.committee]


def _summary(stdout, made: _Made) -> None:
    members = GroupMember.objects.filter(group__in=made.working_groups)
    stdout.write(
        f"Demo groups: {len(made.working_groups)} working groups ({members.count()} people, "
        f"{members.filter(role=GroupMember.Role.FACILITATOR).count()} of them facilitators)."
    )
    seats = Seat.objects.filter(group=made.assembly)
    stdout.write(
        f"Demo General Assembly: {seats.count()} member organisations, "
        f"{seats.filter(delegate__isnull=False).count()} delegates."
    )
    stdout.write(f"Demo coordination committee: {made.committee.members.count()} members (not public).")
    proposals = Proposal.objects.filter(pk__in=[p.pk for p in made.proposals])
    stdout.write(
        f"Demo proposals: {proposals.count()} ({proposals.filter(status=Proposal.Status.OPEN).count()} open, "
        f"{proposals.filter(status=Proposal.Status.CLOSED).count()} closed), "
        f"{Position.objects.filter(proposal__in=proposals).count()} positions."
    )
    stdout.write(f"Demo decisions: {len(made.decisions)} in the registers of the groups.")


def _load() -> _Made:
    Decision.objects.all().delete()  # a decision protects its group
    Group.objects.all().delete()
    rng = random.Random(2022)  # noqa: S311 (demo data)
    coordinator = User.objects.get(email=COORDINATOR_EMAIL)
    members = list(
        Membership.objects.filter(organisation__status=Organisation.Status.APPROVED)
        .select_related("person", "organisation")
        .order_by("organisation__slug", "person__email")
    )
    if not members:
        raise RuntimeError("Load the demo network first (manage.py demo): it has no member organisation.")

    working_groups = _working_groups(coordinator, members, rng)
    assembly = _general_assembly(coordinator, members, rng)
    committee = _committee(coordinator, members, rng)
    decisions = [services.record_decision(by=coordinator, group=assembly, draft=draft) for draft in RECORDED]
    proposals, closed = _proposals(coordinator, assembly, {g.pathway.slug: g for g in working_groups}, rng)
    return _Made(working_groups, assembly, committee, decisions + closed, proposals)


def _working_groups(coordinator: User, members: list[Membership], rng: random.Random) -> list[Group]:
    everyone = sorted({m.person for m in members}, key=lambda p: p.email)
    pathways_of: dict[int, set[int]] = {}
    for organisation_id, pathway_id in Organisation.pathways.through.objects.values_list("organisation_id", "pathway_id"):
        pathways_of.setdefault(organisation_id, set()).add(pathway_id)
    made = []
    for pathway in Pathway.objects.order_by("number"):
        with translation.override("en"):
            name = f"Working group on {pathway.name}"
        code = WORKING_GROUP_CODES.get(pathway.slug) or f"WG-{pathway.slug.split('-')[0][:9]}"
        group = services.create_group(by=coordinator, draft=services.GroupDraft(
            name=name, code=code, kind=Group.Kind.WORKING_GROUP, counts=Group.Counts.PEOPLE,
            description=WG_DESCRIPTIONS.get(pathway.slug, ""), pathway=pathway, public=True,
        ))
        # Its people come from the organisations working on the pathway (others if too few).
        pool = sorted({m.person for m in members if pathway.pk in pathways_of.get(m.organisation_id, set())}, key=lambda p: p.email)
        rng.shuffle(pool)
        facilitators = rng.randint(1, 2)
        size = facilitators + rng.randint(4, 10)
        chosen = pool[:size]
        if len(chosen) < size:
            rest = [p for p in everyone if p not in chosen]
            chosen += rng.sample(rest, size - len(chosen))
        for index, person in enumerate(chosen):
            role = GroupMember.Role.FACILITATOR if index < facilitators else GroupMember.Role.MEMBER
            services.add_member(by=coordinator, group=group, person=person, role=role)
        made.append(group)
    return made


def _general_assembly(coordinator: User, members: list[Membership], rng: random.Random) -> Group:
    assembly = services.create_group(by=coordinator, draft=services.GroupDraft(
        name="General Assembly", code="GA", kind=Group.Kind.GENERAL_ASSEMBLY, counts=Group.Counts.ORGANISATIONS,
        description=(
            "Every member organisation of the network, Iraqi and international, has one voice, cast by the delegate "
            "it designates. The Assembly approves the mission statement, the policies of the network and the joint "
            "campaigns, and meets every year at the annual conference.\n\n"
            "تضم الجمعية العامة كل المنظمات الأعضاء في الشبكة، لكل منظمة صوت واحد يدلي به مندوبها."
        ),
        public=True, max_proxies=2,
    ))
    services.add_member(by=coordinator, group=assembly, person=coordinator, role=GroupMember.Role.FACILITATOR)
    by_organisation: dict[int, list[Membership]] = {}
    for membership in members:
        by_organisation.setdefault(membership.organisation_id, []).append(membership)
    for people in by_organisation.values():
        organisation = people[0].organisation
        seat = services.seat_organisation(by=coordinator, group=assembly, organisation=organisation)
        admin = next((m.person for m in people if m.role == Membership.Role.ADMIN), None)
        delegate = rng.choice(people).person
        services.designate_delegate(by=admin or coordinator, seat=seat, person=delegate)
    # A second facilitator: a delegate of an Iraqi organisation, who prepares the Assembly with the coordinator.
    iraqi = list(Seat.objects.filter(group=assembly, organisation__country="IQ").select_related("delegate").order_by("organisation__slug"))
    services.add_member(by=coordinator, group=assembly, person=rng.choice(iraqi).delegate, role=GroupMember.Role.FACILITATOR)
    return assembly


def _committee(coordinator: User, members: list[Membership], rng: random.Random) -> Group:
    committee = services.create_group(by=coordinator, draft=services.GroupDraft(
        name="Coordination committee", code="CC", kind=Group.Kind.COORDINATION, counts=Group.Counts.PEOPLE,
        description="Prepares the General Assembly and the annual conference, and follows the donor policy between assemblies.",
        public=False,
    ))
    admins = [m for m in members if m.role == Membership.Role.ADMIN]
    iraqi = sorted({m.person for m in admins if m.organisation.country == "IQ"}, key=lambda p: p.email)
    international = sorted({m.person for m in admins if m.organisation.country != "IQ"}, key=lambda p: p.email)
    chosen = rng.sample(iraqi, 4) + rng.sample(international, 1)
    for index, person in enumerate(chosen):
        role = GroupMember.Role.FACILITATOR if index == 0 else GroupMember.Role.MEMBER
        services.add_member(by=coordinator, group=committee, person=person, role=role)
    return committee


def _reason(reasons: dict[str, list[str]], value: str, rng: random.Random) -> str:
    return rng.choice(reasons.get(value) or [""])


def _facilitator(group: Group) -> User:
    return group.members.filter(role=GroupMember.Role.FACILITATOR).select_related("person").order_by("person__email")[0].person


def _voters(group: Group) -> list[User]:
    return [m.person for m in group.members.select_related("person").order_by("person__email")]


def _proposals(coordinator: User, assembly: Group, groups: dict[str, Group], rng: random.Random) -> tuple[list[Proposal], list[Decision]]:
    now = timezone.now()
    seats = list(Seat.objects.filter(group=assembly).select_related("organisation", "delegate").order_by("organisation__slug"))
    slugs = {org.key: demo_slug(org) for org in ORGANISATIONS}
    proposals, decisions = [], []

    # 1. The General Assembly, open: the annual conference, with a block and a proxy.
    conference = services.put_proposal(by=coordinator, group=assembly, draft=services.ProposalDraft(
        title="Annual conference 2027 in Sulaymaniyah", text=CONFERENCE_TEXT, language="en",
        closes_at=now + timedelta(days=10), quorum=50,
    ))
    proposals.append(conference)
    blocker = next(s for s in seats if s.organisation.slug == slugs["shatt-water"])
    others = [s for s in seats if s.pk != blocker.pk]
    rng.shuffle(others)
    giver, holder = others[0], others[1]
    speaking = others[1:round(len(seats) * 2 / 3)]  # with the blocker and the proxy, about two thirds
    services.give_proxy(by=giver.delegate, proposal=conference, holder=holder)
    for seat in speaking:
        value = rng.choices([A, AB, D], weights=[75, 12, 13])[0]
        services.state_position(by=seat.delegate, proposal=conference, value=value, reason=_reason(CONFERENCE_REASONS, value, rng))
    services.state_position(
        by=holder.delegate, proposal=conference, seat=giver, value=A,
        reason="Position given by proxy: our partners agree with the proposal.",
    )
    block, _receipt = services.state_position(by=blocker.delegate, proposal=conference, value=B, reason=CONFERENCE_BLOCK)
    services.answer_block(by=coordinator, position=block, answer=CONFERENCE_ANSWER)

    # 2. The General Assembly, closed: the joint campaign for water in Basra, every voice heard.
    campaign = services.put_proposal(by=coordinator, group=assembly, draft=services.ProposalDraft(
        title="حملة مشتركة من أجل الحق في المياه في البصرة", text=WATER_CAMPAIGN_TEXT, language="ar",
        closes_at=now + timedelta(days=3), quorum=50,
    ))
    proposals.append(campaign)
    disagreeing = set(rng.sample(range(len(seats)), 2))
    for index, seat in enumerate(seats):
        value = D if index in disagreeing else rng.choices([A, AB], weights=[88, 12])[0]
        services.state_position(by=seat.delegate, proposal=campaign, value=value, reason=_reason(WATER_CAMPAIGN_REASONS, value, rng))
    decisions.append(services.close_proposal(by=coordinator, proposal=campaign, outcome=WATER_CAMPAIGN_OUTCOME))

    # 3. Working group on defenders, open and anonymous: the emergency fund.
    defenders = groups["human-rights-defenders"]
    fund = services.put_proposal(by=_facilitator(defenders), group=defenders, draft=services.ProposalDraft(
        title="صندوق طوارئ للمدافعين عن حقوق الإنسان المهددين", text=DEFENDERS_FUND_TEXT, language="ar",
        closes_at=now + timedelta(days=7), anonymous=True,
    ))
    proposals.append(fund)
    _group_positions(fund, defenders, DEFENDERS_FUND_REASONS, rng, share=0.8)

    # 4. Working group on women, open with results hidden until closing (in Sorani).
    women = groups["women"]
    speakers = services.put_proposal(by=_facilitator(women), group=women, draft=services.ProposalDraft(
        title="نیوەی قسەکەرانی کۆنفرانسی ساڵانە ئافرەت بن", text=WOMEN_SPEAKERS_TEXT, language="ckb",
        closes_at=now + timedelta(days=12), hide_results=True,
    ))
    proposals.append(speakers)
    _group_positions(speakers, women, WOMEN_SPEAKERS_REASONS, rng, share=0.7)

    # 5. Working group on water and heritage, consent: an objection, the text revised, then adopted.
    water = groups["heritage-environment"]
    facilitator = _facilitator(water)
    data = services.put_proposal(by=facilitator, group=water, draft=services.ProposalDraft(
        title="Publish the monthly water tests of Abu al-Khasib as open data", text=WATER_DATA_TEXT, language="en",
        closes_at=now + timedelta(days=5), kind=Proposal.Kind.CONSENT,
    ))
    proposals.append(data)
    voters = _voters(water)
    objector = next(p for p in reversed(voters) if p.pk != facilitator.pk)
    objection, _receipt = services.state_position(by=objector, proposal=data, value=B, reason=WATER_DATA_OBJECTION)
    services.answer_block(by=facilitator, position=objection, answer=WATER_DATA_ANSWER)
    services.revise_proposal(by=facilitator, proposal=data, text=WATER_DATA_REVISED, note="Takes in the objection: no names of volunteers.")
    for person in voters:
        services.state_position(by=person, proposal=data, value=A)
    decisions.append(services.close_proposal(by=facilitator, proposal=data, outcome=WATER_DATA_OUTCOME))
    return proposals, decisions


def _group_positions(proposal: Proposal, group: Group, reasons: dict[str, list[str]], rng: random.Random, *, share: float) -> None:
    """Positions of most of a working group's members (agreement, some abstentions, one disagreement)."""
    voters = _voters(group)
    rng.shuffle(voters)
    taking_part = voters[: max(3, round(len(voters) * share))]
    for index, person in enumerate(taking_part):
        value = D if index == 1 else rng.choices([A, AB], weights=[80, 20])[0]
        services.state_position(by=person, proposal=proposal, value=value, reason=_reason(reasons, value, rng))
