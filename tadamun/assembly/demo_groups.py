"""The demo groups: a working group per pathway, the General Assembly (one seat for every
member organisation, its delegate designated by the organisation's administrator), the
coordination committee, proposals open and closed with their positions, the General
Assembly's register of decisions since the mission statement was approved in Sulaymaniyah, and
the gatherings: the General Assembly of 2022, a past training with its certificates, the
coming annual conference with its agenda and registrations, and a working group's online meeting.

Everything goes through the services, as a coordinator, a facilitator, an organisation's
administrator or a delegate would do it; only the registrations of past gatherings are
replayed directly, since registration closes when a gathering ends. No email is queued for
the fictional people. People and texts are fictional; the choices come
from a seeded random generator, so the demo is the same every time. The demo network must
be loaded first (`tadamun.network.demo.load_demo`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from unittest import mock

from django.conf import settings
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone, translation
from django.utils.translation import gettext

from tadamun.accounts.models import User
from tadamun.core import tasks as core_tasks
from tadamun.core.demo import quiet_log
from tadamun.network.demo import (
    _SILENT_TASKS,
    COORDINATOR_EMAIL,
    ORGANISATIONS,
    _no_email,
    demo_slug,
)
from tadamun.network.models import Membership, Organisation
from tadamun.pathways.models import Pathway

from . import services
from .models import Decision, Gathering, Group, GroupMember, Position, Proposal, Registration, Seat

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

# --- Gatherings ---------------------------------------------------------------------------
CONFERENCE_TITLE = "Annual conference of the network 2027"
CONFERENCE_DESCRIPTION = """\
Two days of panels and workshops along the nine pathways of the network, the working groups' \
meetings, and the General Assembly in the closing plenary, hosted in Sulaymaniyah by the Rewan \
Centre for Women's Safety.

- Interpretation into Arabic, Kurdish (Sorani and Kurmanji) and English in the main hall.
- Travel covered for two people of every member organisation from outside the Kurdistan Region, \
three from Basra, Dhi Qar and Maysan.
- Childcare during the sessions, on request when registering.

المؤتمر السنوي للشبكة: يومان من الجلسات وورش العمل حول المسارات التسعة، واجتماع الجمعية العامة في الجلسة الختامية."""

# (day, starts, ends, room, language, pathway, title, a registered speaker?, guests, description);
# {chairs} stands for the General Assembly's facilitators.
CONFERENCE_SESSIONS = [
    (0, "09:00", "10:30", "Main hall", "ar", "", "الجلسة الافتتاحية: التضامن في العمل", False,
     "Salwa Naji (coordination committee), Marco Fontana (Italian solidarity partners)",
     "Welcome from the hosts, and the year of the network in ten minutes."),
    (0, "11:00", "12:30", "Hall Goran", "en", "heritage-environment", "Panel: water and the Shatt al-Arab", True,
     "Dr. Hanaa Rahim (water engineer)",
     "Salinity, sewage and the monthly tap-water tests of Abu al-Khasib: what the data shows and what the campaign asks."),
    (0, "11:00", "12:30", "Hall Nali", "en", "human-rights-defenders", "Workshop: protecting defenders online", True,
     "Jonas Lindgren (digital security trainer)",
     "Accounts, phones and messages: a practical workshop; bring your phone."),
    (0, "14:00", "15:30", "Main hall", "ckb", "women",
     "پانێڵ: ئافرەتان و یاسای بەرەنگاربوونەوەی توندوتیژیی خێزانی", True,
     "Parwin Mahmud (lawyer)", "Shelters, the courts and the law of the Kurdistan Region, ten years on."),
    (0, "14:00", "15:30", "Hall Goran", "ar", "economic-social-rights", "ورشة: الحريات النقابية في الحقول والموانئ", True,
     "", "Oil workers, dockers and electricity workers compare their contracts and their strikes."),
    (0, "16:00", "17:30", "Rooms 1–9", "en", "", "The working groups meet: nine rooms, nine pathways", False,
     "The facilitators of the working groups", "Each working group prepares what it brings to the General Assembly."),
    (1, "09:00", "10:30", "Hall Goran", "kmr", "minorities", "Panel: Şingal, rêya vegerê", True,
     "Nadia Xelîl (Sinjar returnees' committee)", "Returning to Sinjar: houses, schools, papers and the mass graves."),
    (1, "09:00", "10:30", "Hall Nali", "ar", "demilitarization", "ورشة: السلاح المنفلت في أحيائنا", False,
     "Ahmed Sattar (researcher)", "Mapping small arms in the neighbourhoods, and what a campaign against them can ask."),
    (1, "11:00", "12:30", "Main hall", "en", "youth", "Panel: the October generation and public life", True,
     "Zahraa Mounir (student union)", "Those who were in the squares in 2019: where they are, what they build."),
    (1, "11:00", "12:30", "Hall Goran", "en", "heritage-environment", "Rebuilding the old city of Mosul with its people", False,
     "Yusra Qassab (architect)", "Craftspeople, families and archaeologists on who decides how the old city comes back."),
    (1, "14:00", "17:30", "Main hall", "ar", "", "الجلسة الختامية: اجتماع الجمعية العامة", False,
     "Chaired by {chairs}", "The General Assembly of the network: the annual report, the donor policy after a year, the 2028 conference. "
         "One voice for every member organisation, cast by its delegate."),
]
CONFERENCE_DECLINED = [
    "Observer places in the room are kept for member organisations this year. The plenaries are streamed: "
    "you are welcome to register online instead.",
    "نعتذر: مقاعد المراقبين في القاعة محجوزة للمنظمات الأعضاء هذه السنة. الجلسات العامة تُبث مباشرة، ويمكنك التسجيل عبر الإنترنت.",
]
CONFERENCE_NEEDS = [
    "Interpretation into Kurmanji, please.", "Childcare for a four-year-old during the sessions.",
    "ترجمة إلى العربية في ورش العمل.", "A vegetarian meal.",
]

TRAINING_TITLE = "Digital security for human rights defenders"
TRAINING_DESCRIPTION = """\
A two-day training for defenders, lawyers and journalists of the member organisations, given by \
the working group on human rights defenders: threat models, phones and accounts, safe messaging, \
and a security plan for every organisation. The exact address is sent to the participants only.

دورة لمدة يومين في الأمن الرقمي للمدافعين والمدافعات عن حقوق الإنسان."""
TRAINING_SESSIONS = [
    (0, "09:30", "12:30", "Training room", "en", "Threat modelling: who wants what from us, and how", "Jonas Lindgren (digital security trainer)"),
    (0, "13:30", "16:30", "Training room", "ar", "الهواتف والحسابات: كلمات المرور والتحقق بخطوتين", "Jonas Lindgren, Rasha Fadhil (trainers)"),
    (1, "09:30", "12:30", "Training room", "en", "Signal, disappearing messages, and what to do at a checkpoint", "Rasha Fadhil (trainer)"),
    (1, "13:30", "16:00", "Training room", "ar", "خطة أمان لكل منظمة", "The participants, in small groups"),
]
TRAINING_MINUTES = """\
Sixteen defenders, lawyers and journalists of the member organisations took part over two days in Erbil; \
two registered participants could not travel.

- Every participant left with two-step verification on their email and messaging accounts, and a \
phone checked for stalkerware.
- Six organisations drafted a security plan; the working group reviews them at its next meeting.
- The participants asked for a follow-up online session in three months, and for the training to be \
given in Basra and in Kurmanji in Duhok.

Certificates of attendance are available to each participant on this page."""

GA_2022_TITLE = "General Assembly 2022"
GA_2022_DESCRIPTION = """\
The General Assembly of the network, meeting in Sulaymaniyah to discuss and approve the mission \
statement: our values and identity, our history since 2009, our aim, our actions and the nine \
pathways (massarat) of our work."""
GA_2022_SESSIONS = [
    ("09:00", "10:00", "en", "Opening, and the report of the coordination committee"),
    ("10:30", "13:00", "ar", "بيان المهمة: القراءة والتعديلات والمسارات التسعة"),
    ("14:00", "16:00", "en", "The mission statement: approval by consensus"),
]
GA_2022_MINUTES = """\
The General Assembly met in Sulaymaniyah on 15 March 2022, with the delegates of the member \
organisations in the room and interpretation into Arabic, Sorani and English.

1. The coordination committee presented its report on the year.
2. The draft mission statement was read section by section; the amendments on women's power and \
equality, on environmental justice and on non-affiliation were taken in.
3. The Assembly approved the mission statement by consensus, without a block \
(decision GA-2022-1). The working groups of the network follow its nine pathways."""

MEETING_TITLE = "Water in Basra: the campaign's monthly online meeting"
MEETING_LINK = "https://meet.example.org/tadamun-water"
MEETING_DESCRIPTION = """\
The working group on cultural heritage and environmental protection meets online every month to \
follow the joint campaign for safe drinking water in Basra. The link is shown to those registered.

اجتماع شهري عبر الإنترنت لمتابعة حملة الحق في المياه في البصرة."""
MEETING_SESSIONS = [
    ("18:00", "18:45", "ar", "نتائج فحص المياه لهذا الشهر"),
    ("18:45", "19:30", "en", "The open letter to the Basra Water Directorate: answers and next steps"),
]
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
    gatherings: list[Gathering]


def load_demo_groups(*, stdout=None) -> list[Group]:
    """(Re)build the demo groups, their proposals and decisions; the demo network must be loaded."""
    if not User.objects.filter(email=COORDINATOR_EMAIL).exists():
        raise RuntimeError("Load the demo network first (manage.py demo): the groups are made of its people.")
    # As for the network: no mail to fictional people (registrations, announcements) while
    # the demo loads; the override is outside the transaction, so what is queued on commit
    # meets the dummy backend too.
    with (
        override_settings(TASKS=_SILENT_TASKS),
        mock.patch.object(core_tasks, "email_later", _no_email),
        quiet_log("tadamun.assembly"),
        transaction.atomic(),
    ):
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
    registrations = Registration.objects.filter(gathering__in=made.gatherings)
    now = timezone.now()
    stdout.write(
        f"Demo gatherings: {len(made.gatherings)} ({sum(g.ends_at > now for g in made.gatherings)} coming, "
        f"{sum(g.ends_at <= now for g in made.gatherings)} past), "
        f"{sum(g.sessions.count() for g in made.gatherings)} sessions, {registrations.count()} registrations "
        f"({registrations.filter(status=Registration.Status.CONFIRMED).count()} confirmed, "
        f"{registrations.filter(status=Registration.Status.PENDING).count()} pending, "
        f"{registrations.filter(status=Registration.Status.DECLINED).count()} declined), "
        f"{registrations.exclude(certificate='').count()} certificates."
    )


def _load() -> _Made:
    Decision.objects.all().delete()  # a decision protects its group
    Gathering.objects.all().delete()  # with their sessions and registrations
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
    # The gatherings draw from their own generator: the groups and proposals stay as they were.
    gathering_rng = random.Random(2027)  # noqa: S311 (demo data)
    organisation_of: dict[int, Organisation] = {}
    for membership in members:
        organisation_of.setdefault(membership.person_id, membership.organisation)
    # The General Assembly of 2022 first: its decisions are recorded as taken there.
    ga_2022 = _general_assembly_2022(coordinator, assembly, gathering_rng)
    held_on = {timezone.localtime(ga_2022.starts_at).date(): ga_2022}
    decisions = [
        services.record_decision(by=coordinator, group=assembly, draft=replace(draft, gathering=held_on.get(draft.decided_on)))
        for draft in RECORDED
    ]
    services.write_minutes(by=coordinator, gathering=ga_2022, minutes=GA_2022_MINUTES)
    groups = {g.pathway.slug: g for g in working_groups}
    proposals, closed = _proposals(coordinator, assembly, groups, rng)
    gatherings = [
        ga_2022,
        _training(coordinator, groups.get("human-rights-defenders"), members, organisation_of, gathering_rng),
        _conference(coordinator, assembly, members, organisation_of, gathering_rng),
        _online_meeting(coordinator, groups.get("heritage-environment"), organisation_of, gathering_rng),
    ]
    return _Made(working_groups, assembly, committee, decisions + closed, proposals, gatherings)


def _name_in_every_language(coordinator: User, group: Group, name) -> None:
    """The group's name in each other language of the platform (`name` is called in each)."""
    for language, _label in settings.LANGUAGES:
        if language != "en":
            with translation.override(language):
                services.name_group(by=coordinator, group=group, language=language, name=name())


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
        _name_in_every_language(
            coordinator, group, lambda pathway=pathway: gettext("Working group on %(pathway)s") % {"pathway": pathway.name},
        )
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
    _name_in_every_language(coordinator, assembly, lambda: str(Group.Kind.GENERAL_ASSEMBLY.label))
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
    _name_in_every_language(coordinator, committee, lambda: str(Group.Kind.COORDINATION.label))
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
    return _facilitators(group)[0]


def _facilitators(group: Group) -> list[User]:
    return [m.person for m in group.members.filter(role=GroupMember.Role.FACILITATOR).select_related("person").order_by("person__email")]


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


# --- Gatherings -------------------------------------------------------------------------------


def _at(day: date, hour: str) -> datetime:
    """A time of day in the platform's time zone (Baghdad)."""
    return datetime.combine(day, time.fromisoformat(hour), tzinfo=timezone.get_current_timezone())


def _replayed(gathering: Gathering, person: User, organisation: Organisation | None, *, listed: bool, days_before: int) -> Registration:
    """A registration taken before a past gathering. `services.register` refuses registrations
    once a gathering has ended, so the demo replays them as the organisers had confirmed them;
    attendance, certificates and minutes then go through the services."""
    registered_at = gathering.starts_at - timedelta(days=days_before)
    return Registration.objects.create(
        gathering=gathering, person=person, organisation=organisation,
        role=Registration.Role.DELEGATE if organisation else Registration.Role.OBSERVER,
        attendance=Registration.Attendance.IN_PERSON, status=Registration.Status.CONFIRMED, listed=listed,
        created_at=registered_at, decided_at=registered_at + timedelta(days=2),
    )


def _general_assembly_2022(coordinator: User, assembly: Group, rng: random.Random) -> Gathering:
    """The Assembly that approved the mission statement, with the delegates who were in the room."""
    day = date(2022, 3, 15)
    ga = services.plan_gathering(by=coordinator, group=assembly, draft=services.GatheringDraft(
        title=GA_2022_TITLE, kind=Gathering.Kind.GENERAL_ASSEMBLY, language="en",
        starts_at=_at(day, "09:00"), ends_at=_at(day, "16:00"), description=GA_2022_DESCRIPTION,
        place="Sulaymaniyah", interpretation=["ar", "ckb", "en"],
    ))
    for starts, ends, language, title in GA_2022_SESSIONS:
        services.add_session(
            by=coordinator, gathering=ga, title=title, starts_at=_at(day, starts), ends_at=_at(day, ends),
            language=language, room="Main hall",
        )
    seats = list(Seat.objects.filter(group=assembly).select_related("organisation", "delegate").order_by("organisation__slug"))
    present: dict[int, Seat] = {}
    for seat in rng.sample(seats, round(len(seats) * 2 / 3)):
        present.setdefault(seat.delegate_id, seat)  # one registration per person, even for two seats
    for seat in sorted(present.values(), key=lambda s: s.organisation.slug):
        registration = _replayed(ga, seat.delegate, seat.organisation, listed=rng.random() < 0.4, days_before=rng.randint(10, 30))
        services.mark_attendance(by=coordinator, registration=registration, attended=True)
    return ga


def _training(
    coordinator: User, defenders: Group | None, members: list[Membership], organisation_of: dict[int, Organisation],
    rng: random.Random,
) -> Gathering:
    """Two months ago in Erbil: registrations confirmed, attendance recorded, certificates, minutes."""
    organiser = _facilitator(defenders) if defenders else coordinator
    pathway = Pathway.objects.filter(slug="human-rights-defenders").first()
    first_day = timezone.localdate() - timedelta(days=60)
    training = services.plan_gathering(by=organiser, group=defenders, draft=services.GatheringDraft(
        title=TRAINING_TITLE, kind=Gathering.Kind.TRAINING, language="en",
        starts_at=_at(first_day, "09:00"), ends_at=_at(first_day + timedelta(days=1), "16:30"),
        description=TRAINING_DESCRIPTION, place="Erbil", interpretation=["ar", "ckb"], in_person_places=20,
        certificates=True, pathways=[pathway] if pathway else [],
    ))
    for day, starts, ends, room, language, title, speakers in TRAINING_SESSIONS:
        on = first_day + timedelta(days=day)
        services.add_session(
            by=organiser, gathering=training, title=title, starts_at=_at(on, starts), ends_at=_at(on, ends),
            language=language, room=room, speakers=speakers, pathway=pathway,
        )
    # The working group's people first, then people of organisations working for defenders.
    people = _voters(defenders) if defenders else []
    rng.shuffle(people)
    on_pathway = set(Organisation.objects.filter(pathways=pathway).values_list("pk", flat=True)) if pathway else set()
    pool = sorted({m.person for m in members if m.organisation_id in on_pathway} - set(people), key=lambda p: p.email)
    rest = sorted({m.person for m in members} - set(people) - set(pool), key=lambda p: p.email)
    rng.shuffle(pool)
    rng.shuffle(rest)
    chosen = (people + pool + rest)[:18]
    # Defenders under threat: few of them choose to be listed.
    registrations = [
        _replayed(training, person, organisation_of.get(person.pk), listed=rng.random() < 0.25, days_before=rng.randint(7, 25))
        for person in chosen
    ]
    absent = set(rng.sample(range(len(registrations)), 2))
    for index, registration in enumerate(registrations):
        services.mark_attendance(by=organiser, registration=registration, attended=index not in absent)
    services.write_minutes(by=organiser, gathering=training, minutes=TRAINING_MINUTES)
    return training


def _conference(
    coordinator: User, assembly: Group, members: list[Membership], organisation_of: dict[int, Organisation],
    rng: random.Random,
) -> Gathering:
    """The coming annual conference: its agenda over two days, and registrations (speakers,
    delegates, press and observers) approved, waiting for the organisers, or declined."""
    first_day = timezone.localdate() + timedelta(days=40)
    pathways = {p.slug: p for p in Pathway.objects.order_by("number")}
    conference = services.plan_gathering(by=coordinator, group=assembly, draft=services.GatheringDraft(
        title=CONFERENCE_TITLE, kind=Gathering.Kind.CONFERENCE, language="en",
        starts_at=_at(first_day, "09:00"), ends_at=_at(first_day + timedelta(days=1), "18:00"),
        description=CONFERENCE_DESCRIPTION, place="Rewan Centre for Women's Safety, Sulaymaniyah",
        online_link="https://meet.example.org/tadamun-conference-2027", interpretation=["ar", "ckb", "kmr", "en"],
        in_person_places=300, online_places=200, registration_closes_at=_at(first_day - timedelta(days=7), "23:59"),
        needs_approval=True, public=True, certificates=True, pathways=list(pathways.values()),
    ))
    pathways_of: dict[int, set[int]] = {}
    for organisation_id, pathway_id in Organisation.pathways.through.objects.values_list("organisation_id", "pathway_id"):
        pathways_of.setdefault(organisation_id, set()).add(pathway_id)
    registered: set[int] = set()

    def sign_up(person: User, role: str, organisation: Organisation | None, attendance: str, *, listed: bool, needs: str = "") -> Registration:
        registered.add(person.pk)
        return services.register(
            by=person, gathering=conference, attendance=attendance, role=role, organisation=organisation,
            listed=listed, needs=needs,
        )

    # The agenda, each panel or workshop with a speaker from an organisation working on its pathway.
    chairs = " and ".join(p.display_name for p in _facilitators(assembly))
    speakers: list[Registration] = []
    for day, starts, ends, room, language, slug, title, with_speaker, guests, description in CONFERENCE_SESSIONS:
        pathway = pathways.get(slug)
        names = []
        if with_speaker:
            candidates = [
                m for m in members
                if m.person_id not in registered and pathway and pathway.pk in pathways_of.get(m.organisation_id, set())
            ] or [m for m in members if m.person_id not in registered]
            chosen = rng.choice(candidates)
            speakers.append(sign_up(chosen.person, Registration.Role.SPEAKER, chosen.organisation, Registration.Attendance.IN_PERSON, listed=True))
            with translation.override(language):
                names.append(f"{chosen.person.display_name} ({chosen.organisation.display_name})")
        if guests:
            names.append(guests.format(chairs=chairs))
        on = first_day + timedelta(days=day)
        services.add_session(
            by=coordinator, gathering=conference, title=title, starts_at=_at(on, starts), ends_at=_at(on, ends),
            language=language, room=room, speakers=", ".join(names), description=description, pathway=pathway,
        )

    # Delegates of member organisations, in the room or online (the international partners often online).
    seats = [
        s for s in Seat.objects.filter(group=assembly).select_related("organisation", "delegate").order_by("organisation__slug")
        if s.delegate_id not in registered
    ]
    accessible = next(demo_slug(o) for o in ORGANISATIONS if o.key == "najaf-disability")
    delegates = []
    for seat in rng.sample(seats, min(28, len(seats))):
        if seat.delegate_id in registered:
            continue
        online = rng.random() < (0.6 if seat.organisation.country != "IQ" else 0.15)
        needs = ""
        if seat.organisation.slug == accessible:
            needs = "Step-free access to every room, and a seat near the door."
        elif rng.random() < 0.12:
            needs = rng.choice(CONFERENCE_NEEDS)
        delegates.append(sign_up(
            seat.delegate, Registration.Role.DELEGATE, seat.organisation,
            Registration.Attendance.ONLINE if online else Registration.Attendance.IN_PERSON,
            listed=rng.random() < 0.45, needs=needs,
        ))

    # The press: journalists of the independent media among the members.
    press = []
    for membership in sorted(members, key=lambda m: (rng.random(), m.pk)):
        if len(press) == 3:
            break
        if membership.organisation.kind == Organisation.Kind.INDEPENDENT_MEDIA and membership.person_id not in registered and not any(
            r.organisation_id == membership.organisation_id for r in press
        ):
            press.append(sign_up(membership.person, Registration.Role.PRESS, membership.organisation, Registration.Attendance.IN_PERSON, listed=True))

    # Observers: two for their organisation, two on their own.
    others = sorted({m.person for m in members if m.person_id not in registered}, key=lambda p: p.email)
    observers = [
        sign_up(
            person, Registration.Role.OBSERVER, organisation_of.get(person.pk) if index < 2 else None,
            Registration.Attendance.ONLINE if index == 1 else Registration.Attendance.IN_PERSON, listed=rng.random() < 0.45,
        )
        for index, person in enumerate(rng.sample(others, 4))
    ]

    # The organisers approve speakers, press and most delegates; the last delegates wait for
    # them; observers on their own are declined with a word.
    for registration in speakers + press + delegates[:-5] + observers[:2]:
        services.decide_registration(by=coordinator, registration=registration, approve=True)
    for registration in observers[2:]:
        message = CONFERENCE_DECLINED[1] if registration.person.language == "ar" else CONFERENCE_DECLINED[0]
        services.decide_registration(by=coordinator, registration=registration, approve=False, message=message)
    return conference


def _online_meeting(coordinator: User, water: Group | None, organisation_of: dict[int, Organisation], rng: random.Random) -> Gathering:
    """The working group's coming online meeting: no place, a link, places confirmed at once."""
    organiser = _facilitator(water) if water else coordinator
    pathway = Pathway.objects.filter(slug="heritage-environment").first()
    day = timezone.localdate() + timedelta(days=9)
    meeting = services.plan_gathering(by=organiser, group=water, draft=services.GatheringDraft(
        title=MEETING_TITLE, kind=Gathering.Kind.ONLINE_MEETING, language="en",
        starts_at=_at(day, "18:00"), ends_at=_at(day, "19:30"), description=MEETING_DESCRIPTION,
        online_link=MEETING_LINK, interpretation=["ar", "en"], online_places=60, needs_approval=False,
        pathways=[pathway] if pathway else [],
    ))
    for starts, ends, language, title in MEETING_SESSIONS:
        services.add_session(
            by=organiser, gathering=meeting, title=title, starts_at=_at(day, starts), ends_at=_at(day, ends),
            language=language, pathway=pathway,
        )
    people = _voters(water) if water else []
    rng.shuffle(people)
    for person in people[:6]:
        organisation = organisation_of.get(person.pk)
        services.register(
            by=person, gathering=meeting, attendance=Registration.Attendance.ONLINE, organisation=organisation,
            role=Registration.Role.DELEGATE if organisation else Registration.Role.OBSERVER, listed=rng.random() < 0.5,
        )
    return meeting
