"""The demo campaigns: realistic but entirely FICTIONAL campaigns of the demo network.

`load_demo_campaigns()` deletes every campaign and builds the demo campaigns again through
the campaigns' services, acting as the demo organisations' editors and administrators and
as the demo coordinator, so that they obey the same rules as real ones: Iraqi member
organisations lead, coordinators approve, other organisations ask to endorse, international
supporters send messages that the lead publishes. Only the signatures are written in bulk
(thousands of fictional supporters), with each action's counter set to exactly the number
of confirmed signatures. Load the demo network first (`manage.py demo` does both).

No person, figure, letter or answer here is real; the places, the laws and the institutions
addressed are.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from unittest import mock

from django.db import transaction
from django.db.models import F
from django.test.utils import override_settings
from django.utils import timezone

from tadamun.accounts.models import User
from tadamun.core.demo import quiet_log
from tadamun.network.demo import (
    _SILENT_TASKS,
    COORDINATOR_EMAIL,
    FIRST_NAMES,
    LAST_NAMES,
    ORGANISATIONS,
    _no_email,
    demo_slug,
)
from tadamun.network.models import Governorate, Membership, Organisation
from tadamun.newsroom.models import Translator
from tadamun.pathways.models import Pathway

from . import services, tasks
from .models import Action, Authority, Campaign, Endorsement, Message, Signature, Update

A = Authority.Kind
PETITION, LETTER = Action.Kind.PETITION, Action.Kind.LETTER
ACTIVE, WON, ENDED, PROPOSED = (
    Campaign.Status.ACTIVE,
    Campaign.Status.WON,
    Campaign.Status.ENDED,
    Campaign.Status.PROPOSED,
)


@dataclass
class DemoIndicator:
    name: str
    unit: str
    baseline: str
    target: str
    baseline_days_ago: int
    measurements: list[tuple[int, str, str]]  # (days ago, value, note)


@dataclass
class DemoAction:
    kind: str
    authority: int  # index in the campaign's authorities
    language: str
    title: str
    text: str
    goal: int
    opened_days_ago: int
    closes_in_days: int  # negative: it closed that many days ago (and was delivered)
    confirmed: int  # confirmed signatures
    pending: int = 0  # signatures waiting for their email to be confirmed
    abroad: float = 0.25  # share of signers outside Iraq
    letters: dict[str, list[str]] = field(default_factory=dict)  # personalised letters, by language
    delivery: tuple[int, str, str] | None = None  # (days ago, handed to, the authority's response)


@dataclass
class DemoMessage:
    org: str  # key of the author's organisation
    role: str  # the author's role in it
    on_behalf: bool  # signed in the organisation's name, or personally
    language: str
    text: str
    translations: dict[str, str]
    publish: bool | None  # None: waiting for the lead's moderation
    days_ago: int


@dataclass
class DemoCampaign:
    org: str  # key of the lead organisation (tadamun.network.demo.ORGANISATIONS)
    language: str
    title: str
    summary: str
    story: str
    translations: dict[str, tuple[str, str, str]]  # language: (title, summary, story)
    demands: str
    strategy: str
    pathways: list[str]
    governorates: list[str]
    status: str
    days_ago: int  # approved (or, for a proposed campaign, proposed) that many days ago
    ends_in_days: int | None = None  # negative: ended that many days ago
    authorities: list[tuple[str, str, str]] = field(
        default_factory=list
    )  # (kind, name, governorate)
    milestones: list[tuple[str, int, int | None]] = field(
        default_factory=list
    )  # (title, due in days, reached days ago)
    indicators: list[DemoIndicator] = field(default_factory=list)
    updates: list[tuple[int, str, str, str]] = field(
        default_factory=list
    )  # (days ago, language, title, body)
    actions: list[DemoAction] = field(default_factory=list)
    endorsements: list[tuple[str, str, bool, int]] = field(
        default_factory=list
    )  # (org, statement, accepted, days ago)
    messages: list[DemoMessage] = field(default_factory=list)


# fmt: off
CAMPAIGNS: list[DemoCampaign] = [
    # --- Water: clean water for Basra -----------------------------------------------------
    DemoCampaign(
        "shatt-water", "ar",
        "ماء نظيف لكل بيت في البصرة",
        "نطالب بجدول زمني علني لاستبدال شبكات الإسالة المتآكلة في أبي الخصيب وشط العرب، وبنشر نتائج فحوص الماء كل شهر، حتى لا تتكرر أزمة صيف ٢٠١٨.",
        """في صيف ٢٠١٨ دخل عشرات الآلاف من أهل البصرة المستشفيات بعد أن شربوا ماء الحنفية. وبعد سنوات ما زالت العائلات في أبي الخصيب وشط العرب تشتري ماء الشرب من السيارات الحوضية، وما زالت الأنابيب المتآكلة تخلط ماء الإسالة بمياه الصرف الصحي.

منذ عام يفحص متطوعو شبكتنا الماء في أربعين بيتاً كل شهر. وجدنا الملوحة فوق الحد المسموح به في ثمانية أشهر من اثني عشر، وآثار تلوث بالصرف الصحي في أحد عشر بيتاً. الأرقام منشورة كلها، ويستطيع أي أحد أن يتحقق منها.

## لماذا هذه الحملة

الماء النظيف حق وليس منّة. نريد أن يعرف كل بيت في البصرة متى ستُستبدل الأنابيب في شارعه، ومن المسؤول إن تأخر ذلك. نعمل بالحوار مع دائرة ماء البصرة ومجلس المحافظة، ونطلب من كل من يشرب ماء هذه المدينة، أو يتضامن معها، أن يوقّع العريضة.""",
        {
            "en": (
                "Clean water for every home in Basra",
                "We call for a public timetable to replace the corroded water mains of Abu al-Khasib and Shatt al-Arab, and for water test results to be published every month, so that the crisis of summer 2018 never happens again.",
                """In the summer of 2018, tens of thousands of people in Basra ended up in hospital after drinking tap water. Years later, families in Abu al-Khasib and Shatt al-Arab still buy their drinking water from tanker trucks, and corroded pipes still mix tap water with sewage.

For a year, the volunteers of our network have tested the water in forty homes every month. We found salinity above the permitted limit in eight months out of twelve, and traces of sewage in eleven homes. Every figure is published, and anyone can check it.

## Why this campaign

Clean water is a right, not a favour. We want every household in Basra to know when the pipes in its street will be replaced, and who is responsible if that is delayed. We work through dialogue with the Basra water directorate and the governorate council, and we ask everyone who drinks this city's water, or stands with it, to sign the petition.""",
            ),
            "it": (
                "Acqua pulita in ogni casa di Bassora",
                "Chiediamo un calendario pubblico per sostituire le condotte corrose di Abu al-Khasib e Shatt al-Arab e la pubblicazione mensile delle analisi dell'acqua, perché la crisi dell'estate 2018 non si ripeta.",
                """Nell'estate del 2018 decine di migliaia di persone a Bassora sono finite in ospedale dopo aver bevuto l'acqua del rubinetto. Anni dopo, le famiglie di Abu al-Khasib e Shatt al-Arab comprano ancora l'acqua da bere dalle autobotti, e le condotte corrose mescolano ancora l'acqua di rete con quella di fogna.

Da un anno i volontari della nostra rete analizzano ogni mese l'acqua di quaranta case. Abbiamo trovato una salinità oltre il limite consentito in otto mesi su dodici e tracce di acque reflue in undici case. Tutti i dati sono pubblici e chiunque può verificarli.

## Perché questa campagna

L'acqua pulita è un diritto, non un favore. Vogliamo che ogni famiglia di Bassora sappia quando saranno sostituiti i tubi della sua strada e chi ne risponde se i lavori tardano. Lavoriamo attraverso il dialogo con la direzione dell'acqua e il consiglio del governatorato, e chiediamo a chi beve l'acqua di questa città, o le è solidale, di firmare la petizione.""",
            ),
        },
        """جدول زمني علني لاستبدال الأنابيب المتآكلة في الأحياء الأحد عشر التي رصدناها
نشر نتائج فحوص دائرة ماء البصرة كل شهر وبشكل مفتوح
توزيع ماء الشرب مجاناً على البيوت التي تتجاوز فيها الملوحة الحد المسموح به حتى إصلاح الشبكة
ممثل عن الأهالي في لجنة متابعة مشاريع الماء في مجلس المحافظة""",
        """نجمع البيانات بأنفسنا ونسلّمها إلى المسؤولين **قبل** نشرها، ونطلب لقاءً كل ثلاثة أشهر مع لجنة الخدمات في مجلس المحافظة.

- تُسلَّم العريضة يداً بيد في جلسة علنية، مع التقرير الكامل.
- نطلب من شركائنا الدوليين مشاركة خبرتهم في الإدارة العامة للمياه، لا التحدث باسمنا.""",
        ["heritage-environment", "economic-social-rights"], ["IQ-BA"], ACTIVE, 200, 160,
        authorities=[
            (A.GOVERNORATE_COUNCIL, "مجلس محافظة البصرة – لجنة الخدمات", "IQ-BA"),
            (A.MINISTRY, "وزارة الإعمار والإسكان والبلديات العامة – مديرية ماء البصرة", "IQ-BA"),
        ],
        milestones=[
            ("نشر أول تقرير شهري لفحوص الماء", -190, 190),
            ("لقاء مع لجنة الخدمات في مجلس المحافظة", -60, 58),
            ("تسليم العريضة في جلسة علنية لمجلس المحافظة", 50, None),
            ("بدء استبدال الأنابيب في أول حي من الأحياء الأحد عشر", 140, None),
        ],
        indicators=[
            DemoIndicator(
                "البيوت التي تتجاوز فيها الملوحة الحد المسموح به (من أربعين بيتاً نفحصها)", "بيوت", "32", "0", 330,
                [(270, "31", ""), (180, "29", "ذروة اللسان الملحي في أيلول"), (90, "24", "بعد تنظيف خزانين في أبي الخصيب"), (20, "21", "")],
            ),
        ],
        updates=[
            (120, "ar", "نتائج ستة أشهر من الفحوص بين يدي مجلس المحافظة",
             """سلّمنا اليوم لجنة الخدمات في مجلس محافظة البصرة نتائج ستة أشهر من فحوص الماء في أربعين بيتاً، مع خريطة الأحياء الأحد عشر التي وجدنا فيها آثار الصرف الصحي. وعد رئيس اللجنة بزيارة أبي الخصيب خلال الشهر المقبل، وسننشر هنا ما يحدث.

شكراً للمتطوعين الذين لم يتوقفوا عن الفحص حتى في أشد أيام الصيف حراً."""),
            (40, "ar", "تنظيف خزانين في أبي الخصيب: أول نتيجة ملموسة",
             """بعد زيارة اللجنة نظّفت مديرية الماء خزانين رئيسيين يغذيان ثلاثة أحياء. وفي فحص هذا الشهر انخفض عدد البيوت التي تتجاوز فيها الملوحة الحد المسموح به من تسعة وعشرين إلى أربعة وعشرين. ما زال الطريق طويلاً، لكن الأرقام بدأت تتحرك.

- الخطوة التالية: جدول زمني لاستبدال الأنابيب.
- نحتاج إلى توقيعكم قبل جلسة المجلس العلنية."""),
            (12, "en", "Why we keep testing, every month",
             """Several supporters abroad asked why we do not simply hand the problem over to the authorities. We do, every month: but numbers collected by residents, in their own homes, are much harder to dismiss than complaints.

This month's results are online. Twenty-one homes out of forty are still above the salinity limit."""),
        ],
        actions=[
            DemoAction(
                PETITION, 0, "ar", "عريضة: ماء نظيف لكل بيت في البصرة",
                """إلى السادة رئيس وأعضاء لجنة الخدمات في مجلس محافظة البصرة،

نحن الموقعين أدناه، من أهل البصرة ومن المتضامنين معها، نطالبكم بما يلي:

- إعلان جدول زمني علني لاستبدال الأنابيب المتآكلة في الأحياء الأحد عشر التي وثقتها شبكة شط العرب للحق في المياه؛
- إلزام مديرية ماء البصرة بنشر نتائج فحوصها كل شهر؛
- توزيع ماء الشرب مجاناً على البيوت المتضررة حتى إصلاح الشبكة.

الماء النظيف حق لكل بيت، ونحن مستعدون للتعاون معكم لتحقيقه.""",
                2000, 150, 45, 760, pending=6, abroad=0.18,
            ),
        ],
        endorsements=[
            ("red-agua-viva", "We share our experience of public, participatory water management with the Basra volunteers.", True, 170),
            ("water-justice-lab", "Citizen data on water quality, collected with care: exactly what we believe in.", True, 160),
            ("basra-investigations", "وثّقنا عقود الماء في البصرة ونقف مع حق كل بيت في ماء نظيف.", True, 140),
            ("env-engineers", "نضع خبرة مهندسينا في تحليل العينات بتصرف الحملة.", True, 95),
            ("tigri-eufrate", "La nostra rete sostiene da anni le campagne irachene per il diritto all'acqua.", False, 3),
        ],
        messages=[
            DemoMessage(
                "tigri-eufrate", "admin", True, "it",
                "Da Roma, la nostra rete è con voi. Abbiamo portato i vostri dati sull'acqua di Abu al-Khasib in consiglio comunale: l'acqua pulita è un diritto a Bassora come a Roma. Continuate, vi seguiamo ogni mese.",
                {
                    "ar": "من روما، شبكتنا معكم. عرضنا بياناتكم عن ماء أبي الخصيب في المجلس البلدي: الماء النظيف حق في البصرة كما في روما. استمروا، نحن نتابعكم كل شهر.",
                    "en": "From Rome, our network is with you. We presented your data on the water of Abu al-Khasib to our city council: clean water is a right in Basra as in Rome. Keep going, we follow you every month.",
                },
                True, 100,
            ),
            DemoMessage(
                "red-agua-viva", "admin", True, "es",
                "Desde Valencia, toda nuestra solidaridad. Vuestros análisis mensuales son un ejemplo de gestión ciudadana del agua. Si necesitáis apoyo técnico para el laboratorio, contad con nosotros.",
                {
                    "ar": "من فالنسيا، كل تضامننا معكم. فحوصكم الشهرية مثال على إدارة المواطنين للماء. إن احتجتم إلى دعم تقني للمختبر فنحن هنا.",
                    "en": "From Valencia, all our solidarity. Your monthly tests are an example of citizens managing their water. If you need technical support for the laboratory, count on us.",
                },
                True, 60,
            ),
            DemoMessage(
                "tigri-eufrate", "member", False, "it",
                "Ho firmato e ho fatto firmare tutta la mia quinta superiore. Abbiamo studiato la crisi dell'acqua di Bassora del 2018 e non la dimenticheremo.",
                {}, None, 2,
            ),
        ],
    ),
    # --- Water: save the Tigris, share it fairly, stop the pollution ------------------------
    DemoCampaign(
        "living-rivers", "en",
        "Save the Tigris: a living river, shared fairly",
        "Dams upstream, untreated sewage and building on the banks are killing the Tigris. We call for a fair, binding agreement on sharing the waters of the basin and for an end to raw sewage in the river.",
        """The Tigris gave Mesopotamia its name and its first cities. Today it is running out of breath. Dams upstream hold back much of its flow, summers are hotter and longer every year, and in Baghdad and Mosul dozens of pipes still pour untreated sewage straight into the river that millions drink from.

Fishers in Mosul catch less every season; farmers in Wasit and Maysan leave their fields fallow; in Basra, the sea pushes salt water up the Shatt al-Arab when the river is too weak to hold it back. Water is becoming a source of conflict between provinces, between farmers and cities, and between countries.

## What we ask

Water must be shared fairly, and that is a question of peace. We ask the Ministry of Water Resources to publish every release from the dams, to put an end to raw sewage in the river, and to negotiate a binding agreement on sharing the waters of the basin, with the river's communities at the table. Write to the Ministry: your letter, in your own words, adds to ours.""",
        {
            "ar": (
                "أنقذوا دجلة: نهر حي يُتقاسم بعدل",
                "السدود في أعالي النهر ومياه الصرف غير المعالجة والبناء على الضفاف تقتل دجلة. نطالب باتفاق عادل وملزم لتقاسم مياه الحوض، وبوقف تصريف المياه الثقيلة في النهر.",
                """أعطى دجلة بلاد الرافدين اسمها ومدنها الأولى، واليوم تنقطع أنفاسه. السدود في أعالي النهر تحجز جزءاً كبيراً من مياهه، والصيف يزداد حرارة وطولاً كل عام، وفي بغداد والموصل ما زالت عشرات الأنابيب تصب المياه الثقيلة غير المعالجة في النهر الذي يشرب منه الملايين.

يصطاد صيادو الموصل أقل في كل موسم، ويترك فلاحو واسط وميسان حقولهم بوراً، وفي البصرة يدفع البحر الماء المالح في شط العرب حين يضعف النهر عن صده. صار الماء سبباً للنزاع بين المحافظات، وبين الفلاحين والمدن، وبين الدول.

## ما نطالب به

يجب أن يُتقاسم الماء بعدل، وهذه مسألة سلام. نطالب وزارة الموارد المائية بنشر كل إطلاقة من السدود، وبوقف تصريف المياه الثقيلة في النهر، وبالتفاوض على اتفاق ملزم لتقاسم مياه الحوض يجلس فيه أهل النهر إلى الطاولة. اكتبوا إلى الوزارة: رسالتكم، بكلماتكم، تضاف إلى رسالتنا.""",
            ),
            "it": (
                "Salviamo il Tigri: un fiume vivo, condiviso con giustizia",
                "Dighe a monte, scarichi fognari non depurati ed edilizia sulle sponde stanno uccidendo il Tigri. Chiediamo un accordo equo e vincolante sulla condivisione delle acque del bacino e la fine degli scarichi non depurati nel fiume.",
                """Il Tigri ha dato alla Mesopotamia il suo nome e le sue prime città. Oggi resta senza fiato. Le dighe a monte trattengono gran parte della sua portata, le estati sono ogni anno più calde e più lunghe, e a Baghdad e Mosul decine di condotte scaricano ancora acque fognarie non depurate nel fiume da cui bevono milioni di persone.

I pescatori di Mosul pescano meno a ogni stagione, i contadini di Wasit e Maysan lasciano i campi incolti, a Bassora il mare spinge l'acqua salata su per lo Shatt al-Arab quando il fiume è troppo debole per respingerla. L'acqua sta diventando causa di conflitto tra province, tra contadini e città, tra paesi.

## Cosa chiediamo

L'acqua va condivisa con giustizia, ed è una questione di pace. Chiediamo al Ministero delle risorse idriche di pubblicare ogni rilascio dalle dighe, di porre fine agli scarichi non depurati e di negoziare un accordo vincolante sulla condivisione delle acque del bacino, con le comunità del fiume al tavolo. Scrivete al Ministero: la vostra lettera, con le vostre parole, si aggiunge alla nostra.""",
            ),
        },
        """A binding agreement on sharing the waters of the Tigris and Euphrates, negotiated with the participation of river communities
Treatment for every sewage outlet that now pours into the Tigris in Baghdad and Mosul
A public register of water releases from the dams, published every week
Protection of the riverbanks from illegal building and dumping""",
        """We document first, then we talk. Volunteers walk the banks, photograph and geolocate every outlet, and publish the map; then we ask for meetings with the Ministry and the parliament's water committee.

International partners help us where it matters: downstream of upstream dams, the question of sharing the basin's water is also a diplomatic one.""",
        ["heritage-environment", "peacebuilding", "economic-social-rights"], ["IQ-NI", "IQ-BG", "IQ-WA", "IQ-MA", "IQ-BA"], ACTIVE, 260, 200,
        authorities=[
            (A.MINISTRY, "Ministry of Water Resources", ""),
            (A.PARLIAMENT_COMMITTEE, "Council of Representatives – Committee on Agriculture, Water and Marshes", ""),
            (A.INTERNATIONAL_BODY, "UN Special Rapporteur on the human rights to safe drinking water and sanitation", ""),
        ],
        milestones=[
            ("Map of the sewage outlets along the Tigris published", -210, 205),
            ("River Day walk from Mosul to Basra", -75, 72),
            ("Hearing before the parliament's water committee", 35, None),
        ],
        indicators=[
            DemoIndicator(
                "Untreated sewage outlets into the Tigris documented in Baghdad", "outlets", "27", "0", 240,
                [(180, "27", "Map published"), (100, "25", "Two outlets connected to the Rustamiyah plant"), (30, "22", "")],
            ),
            DemoIndicator(
                "Kilometres of riverbank cleaned by volunteers", "km", "0", "50", 250,
                [(200, "4", ""), (140, "11", ""), (72, "19", "River Day"), (15, "26", "")],
            ),
        ],
        updates=[
            (200, "en", "The map of sewage outlets is online",
             """After three months of walking the banks, our volunteers have mapped 27 outlets where untreated sewage flows into the Tigris in Baghdad alone. Each point has a photograph, a date and the name of the neighbourhood it drains.

We sent the map to the Ministry before publishing it. Its engineers confirmed most of the points."""),
            (70, "ar", "مسيرة يوم النهر: من الموصل إلى البصرة",
             """مشى مئات المتطوعين في يوم النهر على ضفاف دجلة في الموصل وبغداد والكوت والعمارة، ونظفوا ثمانية كيلومترات من الضفاف في يوم واحد، ورفعوا لافتة واحدة في كل المدن: «الماء حق، والنهر للجميع».

شكراً لكل من مشى معنا، ولأصدقائنا في إيطاليا وهولندا الذين نظموا وقفات في اليوم نفسه."""),
        ],
        actions=[
            DemoAction(
                LETTER, 0, "en", "Letter to the Minister of Water Resources: save the Tigris",
                """Dear Minister,

I am writing in support of the Living Rivers Movement and of the communities who live along the Tigris.

The river is losing its flow, and in Baghdad and Mosul untreated sewage still pours into it. I ask you to:

- publish every release of water from the dams, every week;
- end the discharge of untreated sewage into the Tigris;
- negotiate a fair and binding agreement on sharing the waters of the basin, with the river's communities at the table.

Yours sincerely,""",
                1000, 100, 60, 310, pending=3, abroad=0.45,
                letters={
                    "en": [
                        "Dear Minister, I grew up in Mosul and now live in Manchester. When I visit, the river I swam in as a child smells of sewage. Please publish the dam releases and stop the sewage before it is too late. Respectfully,",
                        "Dear Minister, I am a hydrologist. Sharing a river fairly starts with knowing how much water flows in it: a weekly public register of releases costs little and builds trust between provinces. I hope you will consider it.",
                        "Dear Minister, our town is twinned with a town on the Tigris. Our children exchanged drawings of their rivers last year. Theirs had no fish in them. Please act for the river.",
                    ],
                    "it": [
                        "Signor Ministro, sono un'insegnante di scienze di Torino. Con i miei studenti abbiamo studiato il Tigri: un fiume che ha dato origine alle prime città merita di non diventare una fogna. La prego di fermare gli scarichi non depurati.",
                    ],
                    "ar": [
                        "معالي الوزير، أنا صياد من الكوت. قبل عشر سنوات كنت أعود كل يوم بقارب مليء بالسمك، واليوم أعود بنصفه. نريد أن نعرف كم ماء يصلنا ومتى. مع التقدير.",
                        "معالي الوزير، أكتب إليكم من الأعظمية. المياه الثقيلة تصب في النهر على بعد مئة متر من بيتنا، وأطفالنا يسبحون فيه صيفاً. نرجو معالجة هذه المصبات.",
                    ],
                },
            ),
        ],
        endorsements=[
            ("tigri-eufrate", "Il Tigri e l'Eufrate sono il nostro nome e il nostro impegno.", True, 240),
            ("water-justice-lab", "Our open river data is at the disposal of the campaign.", True, 230),
            ("kahla-marshes", "ما يحدث لدجلة يصل إلى أهوارنا: نحن مع الحملة.", True, 190),
            ("euphrates-bridge", "Young people from Leipzig and Iraq cleaned riverbanks together on River Day.", True, 80),
            ("halabja-green-hands", "ئێمە کانیاوەکان پاک دەکەینەوە و پشتگیریی ئەم هەڵمەتە دەکەین.", False, 4),
        ],
        messages=[
            DemoMessage(
                "water-justice-lab", "admin", True, "en",
                "Our sensors in Chibayish show the same thing as your walks along the Tigris: the river is losing its strength. Data collected by the people who live by the water is hard to dismiss. We are proud to stand with you.",
                {"ar": "تُظهر أجهزة الاستشعار التي نصبناها في الجبايش ما تُظهره مسيراتكم على ضفاف دجلة: النهر يفقد قوته. البيانات التي يجمعها من يعيشون على الماء يصعب تجاهلها. نفخر بالوقوف معكم."},
                True, 150,
            ),
            DemoMessage(
                "euphrates-bridge", "admin", True, "de",
                "Grüße aus Leipzig! Unsere Jugendgruppe hat am Elbufer ein Banner für den Tigris aufgehängt. Flüsse verbinden Menschen – wir schreiben dem Ministerium gemeinsam mit euch.",
                {
                    "en": "Greetings from Leipzig! Our youth group hung a banner for the Tigris on the banks of the Elbe. Rivers connect people: we are writing to the Ministry together with you.",
                    "ar": "تحيات من لايبزيغ! علّقت مجموعتنا الشبابية لافتة من أجل دجلة على ضفاف نهر الإلبه. الأنهار تصل بين الناس، ونحن نكتب إلى الوزارة معكم.",
                },
                True, 68,
            ),
        ],
    ),
    # --- Freedom of expression: against the cybercrime bill --------------------------------
    DemoCampaign(
        "journalists-safety", "ar",
        "لا لقانون يجرّم الكلمة",
        "مشروع قانون الجرائم المعلوماتية يعاقب بالسجن والغرامات الباهظة على عبارات فضفاضة مثل «المساس بالقيم» و«إثارة الرأي العام». نطالب بسحبه، وبقانون يحمي البيانات الشخصية ولا يلاحق الصحفيين والمدونين.",
        """في العام الماضي وثّقت جمعيتنا أكثر من ستين اعتداءً على صحفيين ومدونين في العراق: تهديدات واعتقالات واستدعاءات بسبب منشور أو تقرير. واليوم يعود مشروع قانون الجرائم المعلوماتية إلى مجلس النواب، وفيه مواد تعاقب بالسجن على «المساس بالقيم الدينية أو الأخلاقية أو الأسرية» وعلى «إثارة الرأي العام»، دون أن تحدد معنى هذه العبارات.

بعبارات كهذه يصبح كل تحقيق عن الفساد أو عن تلوث الماء أو عن قمع احتجاج جريمة محتملة، ويصير الصمت أسلم للصحفي من الكتابة.

## ما نقترحه

لسنا ضد تنظيم الفضاء الرقمي: الاحتيال الإلكتروني والابتزاز وسرقة البيانات جرائم حقيقية يعاني منها العراقيون، والنساء خاصة. لكن مكافحتها لا تحتاج إلى تجريم الرأي. نطالب بسحب المشروع بصيغته الحالية، وبكتابة قانون جديد مع نقابات الصحفيين ومنظمات المجتمع المدني، يحمي البيانات والضحايا ويحمي حرية التعبير معاً.""",
        {
            "en": (
                "No to a law that criminalises words",
                "The cybercrime bill punishes vague offences such as \"undermining values\" or \"stirring up public opinion\" with prison and heavy fines. We call for it to be withdrawn, and for a law that protects personal data instead of prosecuting journalists and bloggers.",
                """Last year our association documented more than sixty attacks on journalists and bloggers in Iraq: threats, arrests and summonses over a post or a report. Now the cybercrime bill is back before the Council of Representatives, with articles that punish \"undermining religious, moral or family values\" and \"stirring up public opinion\" with prison, without defining what these words mean.

With words like these, every investigation into corruption, water pollution or the repression of a protest becomes a possible crime, and silence becomes safer for a journalist than writing.

## What we propose

We are not against regulating the digital space: online fraud, blackmail and data theft are real crimes that Iraqis, and women above all, suffer from. But fighting them does not require criminalising opinions. We call for the bill to be withdrawn in its current form, and for a new law to be written with journalists' unions and civil-society organisations, one that protects data and victims and freedom of expression together.""",
            ),
            "ckb": (
                "نا بۆ یاسایەک کە وشە تاوانبار دەکات",
                "پڕۆژەیاسای تاوانە ئەلیکترۆنییەکان بە زیندان و غەرامەی قورس سزای دەستەواژەی ناڕوونی وەک «دەستدرێژی بۆ سەر بەهاکان» دەدات. داوای کشاندنەوەی دەکەین، و یاسایەک کە داتاکان بپارێزێت نەک ڕۆژنامەنووسان ڕاو بنێت.",
                """ساڵی ڕابردوو کۆمەڵەکەمان زیاتر لە شەست دەستدرێژیی بۆ سەر ڕۆژنامەنووسان و بلۆگەران لە عێراق تۆمار کرد: هەڕەشە، دەستگیرکردن و بانگهێشتکردن بەهۆی پۆستێک یان ڕاپۆرتێکەوە. ئێستا پڕۆژەیاسای تاوانە ئەلیکترۆنییەکان دەگەڕێتەوە بۆ ئەنجومەنی نوێنەران، بە چەند مادەیەک کە بە زیندان سزای «دەستدرێژی بۆ سەر بەها ئایینی و ئەخلاقی و خێزانییەکان» دەدەن، بەبێ ئەوەی مانای ئەم دەستەواژانە دیاری بکەن.

بەم دەستەواژانە هەر لێکۆڵینەوەیەک دەربارەی گەندەڵی یان پیسبوونی ئاو دەبێتە تاوانێکی ئەگەری، و بێدەنگی بۆ ڕۆژنامەنووس سەلامەتتر دەبێت لە نووسین.

## پێشنیارەکەمان

ئێمە دژی ڕێکخستنی جیهانی دیجیتاڵ نین: فێڵ و هەڕەشە و دزینی داتا تاوانی ڕاستەقینەن. بەڵام بەرەنگاربوونەوەیان پێویستی بە تاوانبارکردنی ڕا نییە. داوا دەکەین پڕۆژەکە بکشێندرێتەوە و یاسایەکی نوێ لەگەڵ سەندیکاکانی ڕۆژنامەنووسان و ڕێکخراوەکانی کۆمەڵگەی مەدەنی بنووسرێت.""",
            ),
        },
        """سحب مشروع قانون الجرائم المعلوماتية بصيغته الحالية
حذف كل مادة تعاقب على التعبير بعبارات فضفاضة غير محددة
إشراك نقابات الصحفيين ومنظمات المجتمع المدني في كتابة أي مسودة جديدة
قانون لحماية البيانات الشخصية يحمي ضحايا الابتزاز الإلكتروني
التحقيق في الاعتداءات على الصحفيين وإعلان نتائجه""",
        """حللنا المشروع مادة مادة مع محامين متطوعين، ونعرض التحليل على كل نائب يقبل لقاءنا.

- العريضة موجهة إلى اللجنة القانونية في مجلس النواب.
- رسالة من الصحفيين في العراق والعالم إلى المقرر الخاص للأمم المتحدة المعني بحرية الرأي والتعبير.
- نرصد كل تعديل على النص وننشره هنا.""",
        ["democracy", "human-rights-defenders"], ["IQ-BG", "IQ-NI", "IQ-DQ", "IQ-BA"], ACTIVE, 150,
        authorities=[
            (A.PARLIAMENT_COMMITTEE, "مجلس النواب – اللجنة القانونية", ""),
            (A.INTERNATIONAL_BODY, "UN Special Rapporteur on the promotion and protection of the right to freedom of opinion and expression", ""),
        ],
        milestones=[
            ("تحليل قانوني للمشروع مادة مادة", -130, 128),
            ("جلسة استماع أمام اللجنة القانونية", -35, 35),
            ("القراءة الثانية للمشروع في مجلس النواب", 30, None),
        ],
        indicators=[
            DemoIndicator(
                "مواد المشروع التي تعاقب على التعبير بعبارات فضفاضة", "مواد", "9", "0", 145,
                [(140, "9", "تحليلنا الأول"), (60, "9", ""), (33, "6", "حذف ثلاث مواد بعد جلسة الاستماع")],
            ),
        ],
        updates=[
            (120, "ar", "تحليلنا للمشروع مادة مادة",
             """نشرنا اليوم تحليلاً قانونياً لكل مواد مشروع القانون، أعدّه خمسة محامين متطوعين. وجدنا تسع مواد تعاقب على التعبير بعبارات لا يحدد القانون معناها، وعقوبات تصل إلى السجن سنوات طويلة على منشور في مواقع التواصل.

التحليل متاح للجميع، وسنرسله إلى كل أعضاء اللجنة القانونية."""),
            (34, "ar", "جلسة الاستماع في اللجنة القانونية: حذف ثلاث مواد",
             """استمعت اللجنة القانونية إلى ممثلين عن جمعيتنا وعن نقابة المحامين. وبعد الجلسة أعلن مقرر اللجنة حذف ثلاث من المواد التسع التي اعترضنا عليها.

هذه خطوة أولى. ما زالت ست مواد تعاقب على الرأي، ولن نتوقف حتى تُحذف كلها."""),
            (10, "en", "Three articles dropped, six to go",
             """The parliament's legal committee has removed three of the nine articles we objected to. Six articles that punish opinions remain in the bill.

Thank you to the journalists around the world who wrote to the UN Special Rapporteur: your letters were cited in the hearing."""),
        ],
        actions=[
            DemoAction(
                PETITION, 0, "ar", "عريضة إلى اللجنة القانونية: اسحبوا مشروع قانون الجرائم المعلوماتية",
                """إلى السيد رئيس اللجنة القانونية في مجلس النواب والسادة أعضائها،

نحن الموقعين أدناه، صحفيين ومدونين ومواطنين، نطالب بسحب مشروع قانون الجرائم المعلوماتية بصيغته الحالية، لأن مواده تعاقب على التعبير بعبارات فضفاضة لا يحدد القانون معناها.

نطالب بقانون جديد يُكتب بمشاركة نقابات الصحفيين ومنظمات المجتمع المدني، يحمي البيانات الشخصية وضحايا الابتزاز، ويحمي حرية التعبير التي يكفلها الدستور.""",
                5000, 140, 30, 1450, pending=8, abroad=0.22,
            ),
            DemoAction(
                LETTER, 1, "en", "Journalists' letter to the UN Special Rapporteur on freedom of expression",
                """Dear Special Rapporteur,

We are journalists, bloggers and press freedom defenders, in Iraq and abroad. We are writing to draw your attention to the cybercrime bill now before the Iraqi Council of Representatives.

Several of its articles punish vague offences such as \"undermining values\" or \"stirring up public opinion\" with prison sentences. In a country where reporters are already threatened and arrested for their work, such a law would silence them.

We respectfully ask you to raise the bill with the Iraqi government and to recall its obligations under Article 19 of the International Covenant on Civil and Political Rights.

Respectfully,""",
                300, 60, 75, 120, pending=2, abroad=0.5,
                letters={
                    "en": [
                        "Dear Special Rapporteur, I was summoned by the police in 2022 over a report on a water contract. Nothing in it was false; the complaint said it \"insulted an institution\". Under this bill I would have gone to prison. Please raise it with the government.",
                        "Dear Special Rapporteur, as a journalist who trained Iraqi colleagues in digital security, I have seen how vague laws push them into self-censorship long before any trial. I join their call.",
                        "Dear Special Rapporteur, I cover the marshes and the drought. Some of my sources are officials who speak to me because they trust I can protect them. This bill would end that trust.",
                    ],
                    "ar": [
                        "السيدة المقررة الخاصة، أنا مراسلة من الناصرية. اعتُقل زميلي أسبوعين بسبب منشور عن الاحتجاجات. إن أُقر هذا القانون فلن يكتب أحد منا بحرية. أرجو أن تنقلي صوتنا إلى الحكومة.",
                        "السيدة المقررة الخاصة، أكتب مدونة عن الفساد في الموصل. أتلقى تهديدات كل شهر، وهذا القانون سيعطي من يهددونني سلاحاً قانونياً. نطلب دعمكم.",
                    ],
                },
            ),
        ],
        endorsements=[
            ("beirut-media-hub", "Reporters in Lebanon and Iraq face the same vague laws: we stand with our Iraqi colleagues.", True, 140),
            ("geneva-defenders", "We will bring the bill to the attention of the UN human rights mechanisms.", True, 135),
            ("kani-magazine", "ئازادیی ڕۆژنامەگەری لە هەموو عێراق یەک پرسە.", True, 120),
            ("tigris-defenders", "ندعم الحملة بصندوق الطوارئ للصحفيين المهددين.", True, 110),
            ("brussels-desk", "We brief members of the European Parliament on the bill.", True, 50),
            ("hadba-newsroom", "صحفيو الموصل معكم: لا لتجريم الكلمة.", False, 2),
        ],
        messages=[
            DemoMessage(
                "geneva-defenders", "admin", True, "en",
                "We raised the cybercrime bill with the Special Rapporteur's office this week and shared your article-by-article analysis. Journalists in Iraq should not have to choose between silence and prison.",
                {
                    "ar": "طرحنا مشروع قانون الجرائم المعلوماتية على مكتب المقرر الخاص هذا الأسبوع، وشاركنا تحليلكم للمواد. يجب ألا يضطر الصحفيون في العراق إلى الاختيار بين الصمت والسجن.",
                    "ckb": "ئەم هەفتەیە پڕۆژەیاساکەمان خستە بەردەم نووسینگەی ڕاپۆرتەری تایبەت و شیکردنەوەکەتانمان هاوبەش کرد. ڕۆژنامەنووسانی عێراق نابێت ناچار بن لە نێوان بێدەنگی و زیندان هەڵبژێرن.",
                },
                True, 55,
            ),
            DemoMessage(
                "beirut-media-hub", "admin", True, "fr",
                "Depuis Beyrouth, nous savons ce que coûte une loi vague sur la « diffamation en ligne ». Nos collègues irakiens ont tout notre soutien : ce texte doit être retiré.",
                {
                    "ar": "من بيروت، نعرف ثمن قانون فضفاض عن «التشهير الإلكتروني». زملاؤنا العراقيون لهم كل دعمنا: يجب سحب هذا النص.",
                    "en": "From Beirut, we know the cost of a vague law on \"online defamation\". Our Iraqi colleagues have our full support: this bill must be withdrawn.",
                },
                True, 40,
            ),
            DemoMessage(
                "brussels-desk", "admin", True, "en",
                "We will brief members of the European Parliament's human rights subcommittee on the bill next month. Could you send us the latest version of the text?",
                {}, None, 1,
            ),
        ],
    ),
    # --- Women: a law against domestic violence --------------------------------------------
    DemoCampaign(
        "equal-citizenship", "ar",
        "قانون يحمي النساء من العنف الأسري، الآن",
        "ينتظر مشروع قانون الحماية من العنف الأسري في مجلس النواب منذ سنوات، وفي هذه الأثناء تُقتل نساء وتُضرب أخريات خلف أبواب مغلقة. نطالب بإقراره، مع دور إيواء آمنة وأوامر حماية ومحاكم متخصصة.",
        """كل أسبوع تصلنا قصة جديدة: امرأة ضُربت حتى كُسرت أضلاعها، وفتاة أُجبرت على الزواج، وأم طُردت مع أطفالها في منتصف الليل. أغلب هذه القصص لا يصل إلى المحاكم، لأن قانون العقوبات ما زال يبيح في مادته الحادية والأربعين ما يسميه «تأديب الزوج لزوجته»، ولأن المرأة التي تشتكي لا تجد مكاناً آمناً تذهب إليه.

كُتب مشروع قانون الحماية من العنف الأسري وأُرسل إلى مجلس النواب، ثم وُضع في الأدراج دورة بعد دورة. أقر إقليم كوردستان قانوناً مماثلاً منذ عام ٢٠١١، وأثبتت التجربة هناك أن القانون وحده لا يكفي، لكنه البداية التي لا بد منها.

## حملة من كل المحافظات

نجمع التوقيعات في البصرة والنجف وذي قار وبغداد، ونلتقي النواب واحداً واحداً، ونسجل من يعلن تأييده علناً. العنف الأسري ليس شأناً عائلياً خاصاً: إنه جريمة، وحماية النساء منه واجب على الدولة.""",
        {
            "en": (
                "A law to protect women from domestic violence, now",
                "The bill on protection from domestic violence has been waiting in the Council of Representatives for years, while women are killed and beaten behind closed doors. We call for it to be passed, with safe shelters, protection orders and specialised courts.",
                """Every week a new story reaches us: a woman beaten until her ribs broke, a girl forced into marriage, a mother thrown out with her children in the middle of the night. Most of these stories never reach a court, because Article 41 of the Penal Code still allows what it calls a husband's \"discipline\" of his wife, and because a woman who complains has nowhere safe to go.

The bill on protection from domestic violence was written and sent to the Council of Representatives, then left in a drawer, term after term. The Kurdistan Region passed a similar law in 2011, and its experience shows that a law alone is not enough, but it is the indispensable beginning.

## A campaign from every governorate

We collect signatures in Basra, Najaf, Dhi Qar and Baghdad, meet members of parliament one by one, and record who publicly declares support. Domestic violence is not a private family matter: it is a crime, and protecting women from it is the state's duty.""",
            ),
            "it": (
                "Una legge che protegga le donne dalla violenza domestica, adesso",
                "Il progetto di legge sulla protezione dalla violenza domestica aspetta da anni in parlamento, mentre dietro porte chiuse donne vengono uccise e picchiate. Chiediamo che sia approvato, con case rifugio sicure, ordini di protezione e tribunali specializzati.",
                """Ogni settimana ci arriva una storia nuova: una donna picchiata fino a romperle le costole, una ragazza costretta a sposarsi, una madre cacciata di casa con i figli in piena notte. La maggior parte di queste storie non arriva mai in tribunale, perché l'articolo 41 del codice penale consente ancora quello che chiama il «diritto di correzione» del marito sulla moglie, e perché una donna che denuncia non ha un luogo sicuro dove andare.

Il progetto di legge sulla protezione dalla violenza domestica è stato scritto e inviato al Consiglio dei rappresentanti, poi lasciato in un cassetto, legislatura dopo legislatura. La Regione del Kurdistan ha approvato una legge simile nel 2011, e la sua esperienza mostra che la legge da sola non basta, ma è l'inizio indispensabile.

## Una campagna da ogni governatorato

Raccogliamo firme a Bassora, Najaf, Dhi Qar e Baghdad, incontriamo i parlamentari uno per uno e registriamo chi dichiara pubblicamente il proprio sostegno. La violenza domestica non è una questione privata di famiglia: è un reato, e proteggere le donne è un dovere dello Stato.""",
            ),
        },
        """إقرار قانون الحماية من العنف الأسري في هذه الدورة البرلمانية
دار إيواء حكومية آمنة في كل محافظة
أوامر حماية تصدر خلال ثمان وأربعين ساعة ومحاكم متخصصة
إلغاء المادة ٤١ من قانون العقوبات التي تبيح «تأديب» الزوجة
خط هاتفي مجاني للطوارئ يعمل ليلاً ونهاراً""",
        """نبني أغلبية في مجلس النواب نائباً بعد نائب: نلتقي كل نائب في محافظته، ونطلب منه إعلان موقفه علناً، وننشر القائمة كل شهر.

- عريضة وطنية موجهة إلى لجنة المرأة والأسرة والطفولة.
- ميثاق تضامن توقعه منظمات من كل المحافظات.
- شهادات ناجيات، بموافقتهن وبأسماء مستعارة.""",
        ["women", "human-rights-defenders", "democracy"], ["IQ-BG", "IQ-BA", "IQ-NA", "IQ-DQ"], ACTIVE, 300,
        authorities=[
            (A.PARLIAMENT_COMMITTEE, "مجلس النواب – لجنة المرأة والأسرة والطفولة", ""),
            (A.MINISTRY, "وزارة الداخلية – مديرية حماية الأسرة والطفل من العنف الأسري", ""),
            (A.INTERNATIONAL_BODY, "UN Committee on the Elimination of Discrimination against Women (CEDAW)", ""),
        ],
        milestones=[
            ("ميثاق تضامن توقعه ثلاثون منظمة", -260, 255),
            ("قافلة من البصرة إلى بغداد", -100, 98),
            ("مئة نائب يعلنون تأييدهم", 20, None),
            ("التصويت على القانون في مجلس النواب", 120, None),
        ],
        indicators=[
            DemoIndicator(
                "نواب أعلنوا تأييدهم للمشروع علناً", "نواب", "41", "165", 310,
                [(250, "58", ""), (160, "77", ""), (98, "90", "بعد القافلة"), (22, "96", "")],
            ),
        ],
        updates=[
            (250, "ar", "ثلاثون منظمة توقع ميثاق التضامن",
             """وقّعت ثلاثون منظمة وحركة ونقابة من إحدى عشرة محافظة ميثاق التضامن من أجل قانون الحماية من العنف الأسري، ومنها نقابات عمالية وجمعيات نسوية ومجموعات شبابية.

الميثاق مفتوح لكل منظمة تريد الانضمام."""),
            (97, "ar", "القافلة وصلت إلى بغداد",
             """انطلقت القافلة من البصرة ومرت بالناصرية والنجف، ووصلت إلى بغداد بعد ثلاثة أيام. في كل مدينة التقينا النساء والنواب، وفي بغداد سلّمنا لجنة المرأة والأسرة والطفولة شهادات ناجيات جمعناها بموافقتهن.

أعلن ثلاثة عشر نائباً جديداً تأييدهم خلال أيام القافلة."""),
            (20, "en", "Almost one hundred MPs with us",
             """96 members of parliament have now publicly declared their support for the domestic violence bill. We need 165 for a majority.

If you live in Iraq, ask your MP where they stand. If you live abroad, share the campaign with your own parliamentarians: international attention matters."""),
        ],
        actions=[
            DemoAction(
                PETITION, 0, "ar", "عريضة وطنية: أقرّوا قانون الحماية من العنف الأسري",
                """إلى السيدة رئيسة لجنة المرأة والأسرة والطفولة في مجلس النواب والسادة أعضاء اللجنة،

نحن الموقعين أدناه نطالبكم بإدراج مشروع قانون الحماية من العنف الأسري على جدول أعمال المجلس والتصويت عليه في هذه الدورة، على أن يتضمن:

- دار إيواء حكومية آمنة في كل محافظة؛
- أوامر حماية تصدر خلال ثمان وأربعين ساعة؛
- محاكم متخصصة وتدريب القضاة والشرطة؛
- إلغاء المادة ٤١ من قانون العقوبات.

حماية النساء من العنف واجب على الدولة.""",
                10000, 290, 90, 1900, pending=9, abroad=0.25,
            ),
        ],
        endorsements=[
            ("diaspora-women", "نساء العراق في المهجر يقفن مع هذا القانون.", True, 280),
            ("collectif-mesopotamie", "Feminists and trade unionists in Lyon support the campaign and its shelters.", True, 270),
            ("rewan-women", "ئەزموونی هەرێم نیشان دەدات یاسا بەبێ پەناگە بەس نییە: پشتگیریتان دەکەین.", True, 265),
            ("amman-mediators", "Protection orders save lives: we have seen it across the region.", True, 200),
            ("najaf-bakery", "نساء المخبز التعاوني في النجف يجمعن التوقيعات.", True, 120),
            ("mesopotamia-diritti", "Accompagniamo da anni le difensore dei diritti umani irachene.", False, 5),
        ],
        messages=[
            DemoMessage(
                "collectif-mesopotamie", "admin", True, "fr",
                "À Lyon, nous avons lu vos témoignages à voix haute devant la mairie. Aucune tradition ne justifie les coups. Nous sommes à vos côtés jusqu'au vote de la loi.",
                {
                    "ar": "في ليون قرأنا شهاداتكن بصوت عالٍ أمام مبنى البلدية. لا تقاليد تبرر الضرب. نحن معكن حتى التصويت على القانون.",
                    "en": "In Lyon, we read your testimonies aloud in front of the town hall. No tradition justifies violence. We are at your side until the law is passed.",
                },
                True, 95,
            ),
            DemoMessage(
                "amman-mediators", "admin", True, "en",
                "From Amman: the women mediators of our network have seen how a protection order can save a life. Iraq's women deserve this law. Keep going, sisters.",
                {"ar": "من عمّان: رأت الوسيطات في شبكتنا كيف يمكن لأمر حماية أن ينقذ حياة. نساء العراق يستحققن هذا القانون. استمررن يا أخوات."},
                True, 60,
            ),
            DemoMessage(
                "mesopotamia-diritti", "admin", True, "it",
                "Da Bologna seguiamo la vostra campagna con ammirazione. Abbiamo raccolto firme in tre università: la legge contro la violenza domestica è una questione di diritti umani, non di famiglia.",
                {"ar": "من بولونيا نتابع حملتكن بإعجاب. جمعنا التوقيعات في ثلاث جامعات: قانون مناهضة العنف الأسري مسألة حقوق إنسان، لا شأن عائلي."},
                True, 18,
            ),
        ],
    ),
    # --- Women: a second shelter in Sulaymaniyah (won) -------------------------------------
    DemoCampaign(
        "rewan-women", "ckb",
        "پەناگەیەکی دووەم بۆ ئافرەتانی سلێمانی",
        "تاکە پەناگەی حکومیی سلێمانی هەمیشە پڕ بوو. داوامان کرد پەناگەیەکی دووەم بکرێتەوە و یاسای بەرەنگاربوونەوەی توندوتیژیی خێزانی بە تەواوی جێبەجێ بکرێت، و سەرکەوتین.",
        """هەموو ساڵێک سەدان ئافرەت لە سلێمانی لە توندوتیژیی خێزانی هەڵدێن. تاکە پەناگەی حکومیی پارێزگاکە تەنها بیست جێگای هەبوو و زۆربەی کات پڕ بوو. ئافرەتان ناچار دەبوون چاوەڕێ بکەن، یان بگەڕێنەوە بۆ ئەو ماڵەی کە تێیدا سەلامەت نەبوون.

هەرێمی کوردستان لە ساڵی ٢٠١١ەوە یاسای ژمارە ٨ی بۆ بەرەنگاربوونەوەی توندوتیژیی خێزانی هەیە. بەڵام بەبێ پەناگە و بەبێ بودجە، یاسا تەنها لەسەر کاغەز دەمێنێتەوە.

## ئەنجام

نامەکەمان بە واژۆی زیاتر لە هەزار کەس گەیاندە وەزارەتی کار و کاروباری کۆمەڵایەتی. وەزارەت ڕازی بوو پەناگەیەکی دووەم بە چل جێگاوە بکاتەوە، و پەناگە نوێیەکە ئێستا کراوەتەوە. سوپاس بۆ هەموو ئەوانەی لەگەڵمان وەستان.""",
        {
            "en": (
                "A second shelter for the women of Sulaymaniyah",
                "The only public shelter in Sulaymaniyah was always full. We asked for a second one to be opened and for the law against domestic violence to be fully applied, and we won.",
                """Every year hundreds of women in Sulaymaniyah flee domestic violence. The governorate's only public shelter had just twenty places and was full most of the time. Women had to wait, or go back to a home where they were not safe.

Since 2011 the Kurdistan Region has had Law No. 8 against domestic violence. But without shelters and without a budget, a law stays on paper.

## The result

We delivered our letter, signed by more than a thousand people, to the Ministry of Labour and Social Affairs. The ministry agreed to open a second shelter with forty places, and the new shelter is now open. Thank you to everyone who stood with us.""",
            ),
            "ar": (
                "ملجأ ثانٍ لنساء السليمانية",
                "كان الملجأ الحكومي الوحيد في السليمانية ممتلئاً دائماً. طالبنا بفتح ملجأ ثانٍ وبتطبيق قانون مناهضة العنف الأسري كاملاً، وانتصرنا.",
                """كل عام تهرب مئات النساء في السليمانية من العنف الأسري. لم يكن في الملجأ الحكومي الوحيد في المحافظة سوى عشرين مكاناً، وكان ممتلئاً أغلب الوقت، فكانت النساء يضطررن إلى الانتظار، أو العودة إلى بيت لسن فيه بأمان.

لدى إقليم كوردستان منذ عام ٢٠١١ القانون رقم ٨ لمناهضة العنف الأسري. لكن القانون بلا ملاجئ وبلا ميزانية يبقى حبراً على ورق.

## النتيجة

سلّمنا رسالتنا، وعليها توقيع أكثر من ألف شخص، إلى وزارة العمل والشؤون الاجتماعية. وافقت الوزارة على فتح ملجأ ثانٍ بأربعين مكاناً، وقد فُتح الملجأ الجديد الآن. شكراً لكل من وقف معنا.""",
            ),
        },
        """پەناگەیەکی دووەمی حکومی بە لانیکەم چل جێگا لە سلێمانی
بودجەیەکی ساڵانەی جیاواز بۆ پەناگەکان لە بودجەی هەرێم
ڕاهێنانی پۆلیس و دادوەران لەسەر یاسای ژمارە ٨ی ساڵی ٢٠١١
هێڵێکی تەلەفۆنی بێبەرامبەر کە شەو و ڕۆژ کار بکات""",
        """نامەیەکی گشتی بۆ وەزیر، بە واژۆی خەڵک لە هەرێم و دەرەوەی وڵات.

- چاوپێکەوتن لەگەڵ ئەندامانی ئەنجومەنی پارێزگا.
- ڕاپۆرتی مانگانە دەربارەی ژمارەی ئەو ئافرەتانەی کە جێگایان بۆ نەبوو، بەبێ ناو و بە پاراستنی نهێنی.""",
        ["women", "human-rights-defenders"], ["IQ-SU", "IQ-AR"], WON, 240, -10,
        authorities=[
            (A.KURDISTAN_REGION, "وەزارەتی کار و کاروباری کۆمەڵایەتیی هەرێمی کوردستان", ""),
            (A.KURDISTAN_REGION, "بەڕێوەبەرایەتیی گشتیی بەرەنگاربوونەوەی توندوتیژی دژی ئافرەتان و خێزان", ""),
            (A.GOVERNORATE_COUNCIL, "ئەنجومەنی پارێزگای سلێمانی", "IQ-SU"),
        ],
        milestones=[
            ("ڕاپۆرتی ساڵانە: ١٣٧ ئافرەت بێ جێگا مانەوە", -225, 225),
            ("نامەکە گەیەندرا بە وەزارەت", -55, 55),
            ("ڕەزامەندیی وەزارەت لەسەر پەناگەی دووەم", -30, 30),
            ("کردنەوەی پەناگە نوێیەکە", -12, 11),
        ],
        indicators=[
            DemoIndicator(
                "جێگای پەناگەی حکومی لە پارێزگای سلێمانی", "جێگا", "20", "60", 235,
                [(200, "20", ""), (55, "20", "کاتی گەیاندنی نامەکە"), (11, "60", "پەناگە نوێیەکە کرایەوە")],
            ),
        ],
        updates=[
            (55, "ckb", "نامەکە گەیەندرا",
             """ئەمڕۆ نامەکە و واژۆکانمان لە هەولێر گەیاندە بەڕێوەبەری گشتیی کاروباری کۆمەڵایەتی. لە دیدارەکەدا ژمارەکانی ساڵی ڕابردوومان پیشان دا: ١٣٧ ئافرەت کە جێگایان بۆ نەبوو.

وەزارەت بەڵێنی دا لە ماوەی مانگێکدا وەڵام بداتەوە."""),
            (30, "en", "The ministry said yes",
             """The Kurdistan Region's Ministry of Labour and Social Affairs has agreed to open a second public shelter in Sulaymaniyah, with forty places, and to give shelters their own line in next year's budget.

This is your victory too: more than a thousand of you signed the letter."""),
            (11, "ckb", "پەناگە نوێیەکە کرایەوە",
             """ئەمڕۆ پەناگە نوێیەکە بە چل جێگاوە دەرگاکانی کردەوە. ستافەکەی ڕاهێنانیان لەسەر یاسای ژمارە ٨ وەرگرتووە.

هەڵمەتەکە لێرەدا کۆتایی دێت، بەڵام کارمان بەردەوام دەبێت."""),
        ],
        actions=[
            DemoAction(
                LETTER, 0, "ckb", "نامە بۆ وەزیری کار و کاروباری کۆمەڵایەتی: پەناگەیەکی دووەم بۆ سلێمانی",
                """بەڕێز وەزیری کار و کاروباری کۆمەڵایەتی،

ئێمە، واژۆکەرانی ئەم نامەیە، داوا دەکەین پەناگەیەکی دووەمی حکومی بە لانیکەم چل جێگا لە سلێمانی بکرێتەوە، و بودجەیەکی ساڵانەی جیاواز بۆ پەناگەکان دابنرێت.

تاکە پەناگەی ئێستا زۆربەی کات پڕە، و ئافرەتان ناچار دەبن بگەڕێنەوە بۆ ماڵێک کە تێیدا سەلامەت نین. یاسای ژمارە ٨ی ساڵی ٢٠١١ بەبێ پەناگە جێبەجێ ناکرێت.

بە ڕێزەوە،""",
                1000, 230, -70, 1080, abroad=0.2,
                letters={
                    "ckb": [
                        "بەڕێز وەزیر، من پارێزەرم لە سلێمانی. هەموو مانگێک ئافرەتێک دێتە نووسینگەکەم و نازانم بۆ کوێی بنێرم. تکایە پەناگەی دووەم بکەنەوە.",
                        "بەڕێز وەزیر، خوشکەکەم ساڵی ڕابردوو سێ هەفتە چاوەڕێی جێگا بوو. هیچ ئافرەتێک نابێت چاوەڕێ بکات.",
                    ],
                    "en": [
                        "Dear Minister, I work with survivors of violence in Sweden. A shelter is often the difference between life and death. The Kurdistan Region has a good law: please give it the shelters it needs.",
                    ],
                    "ar": [
                        "معالي الوزير، أنا ممرضة في مستشفى الطوارئ في السليمانية. نستقبل نساء مضروبات كل أسبوع ولا نعرف إلى أين نرسلهن بعد العلاج. نرجو فتح الملجأ الثاني.",
                    ],
                },
                delivery=(
                    55,
                    "بەڕێوەبەری گشتیی کاروباری کۆمەڵایەتی، وەزارەتی کار و کاروباری کۆمەڵایەتی، هەولێر",
                    "وەزارەت نامەکە و واژۆکانی وەرگرت. بڕیار درا پەناگەیەکی دووەم بە چل جێگاوە لە سلێمانی بکرێتەوە و هێڵێکی تایبەت بۆ پەناگەکان لە بودجەی ساڵی داهاتوو دابنرێت. ستافی پەناگە نوێیەکە ڕاهێنان لەسەر یاسای ژمارە ٨ی ساڵی ٢٠١١ وەردەگرن.",
                ),
            ),
        ],
        endorsements=[
            ("collectif-mesopotamie", "Our Lyon collective raises funds for women's shelters in Iraq.", True, 225),
            ("kani-magazine", "گۆڤاری کانی چیرۆکی ئافرەتان بڵاو دەکاتەوە و پشتگیریی هەڵمەتەکە دەکات.", True, 210),
            ("diaspora-women", "نقف مع مركز روان ومع كل امرأة تبحث عن مكان آمن.", True, 200),
            ("malmo-kurdish-youth", "گەنجانی کورد لە مالمۆ واژۆ کۆ دەکەنەوە.", True, 150),
        ],
        messages=[
            DemoMessage(
                "malmo-kurdish-youth", "admin", True, "ckb",
                "لە مالمۆوە پیرۆزبایی لە هەموو ئافرەتانی ڕەوان دەکەین. ئەم سەرکەوتنە هی هەموومانە، و بەردەوام دەبین لەگەڵتان.",
                {"en": "From Malmö, congratulations to all the women of Rewan. This victory belongs to all of us, and we will keep standing with you."},
                True, 25,
            ),
            DemoMessage(
                "collectif-mesopotamie", "editor", False, "en",
                "Congratulations from Lyon! We followed the campaign from the first letter to the opening of the shelter: proof that patient, determined work changes things.",
                {"ckb": "پیرۆزبایی لە لیۆنەوە! هەڵمەتەکەمان لە یەکەم نامەوە تا کردنەوەی پەناگەکە بەدواداچوون بۆ کرد: بەڵگەیە کە کاری بەئارام و بەبڕیار شتەکان دەگۆڕێت."},
                True, 10,
            ),
        ],
    ),
    # --- Minorities: a dignified return to Sinjar ------------------------------------------
    DemoCampaign(
        "sinjar-homecoming", "kmr",
        "Vegereke bi rûmet bo Şengalê",
        "Piştî jenosîda 2014an, bi hezaran malbatên êzidî hîn jî li kampên Dihokê dijîn. Em ji bo vegereke ewle û bi rûmet xanî, av, dibistan û tezmînat dixwazin.",
        """Piştî jenosîda 2014an zêdetirî deh sal derbas bûn, lê bi hezaran malbatên êzidî hîn jî di konan de li kampên Dihokê dijîn. Gelek gundên Şengalê hîn wêran in: ne av heye, ne elektrîk, ne jî dibistan.

Malbat dixwazin vegerin malên xwe. Lê vegereke bê xanî û bê ewlehî ne vegereke rastîn e. Jinên rizgarbûyî hîn li benda wê tezmînatê ne ku Qanûna Rizgarbûyên Êzidî soz daye wan.

## Em çi dixwazin

Em ji hikûmeta Iraqê, ji Encumena Parêzgeha Neynewayê û ji civaka navneteweyî dixwazin ku vegera bo Şengalê bibe karê herî girîng: avakirina xaniyan, vegerandina xizmetan û tezmînat ji bo hemû rizgarbûyan. Cîranên me yên xiristiyan û şebek li Deşta Neynewayê jî heman tiştî dixwazin: vegereke bi rûmet, ne tenê soz.""",
        {
            "en": (
                "A dignified return to Sinjar",
                "Since the genocide of 2014, thousands of Yazidi families still live in the camps of Duhok. For a safe and dignified return we call for houses, water, schools and reparations.",
                """More than ten years have passed since the genocide of 2014, yet thousands of Yazidi families still live in tents in the camps of Duhok. Many villages of Sinjar are still in ruins: no water, no electricity, no schools.

Families want to go home. But a return without houses and without security is not a real return. Women survivors are still waiting for the reparations that the Yazidi Survivors Law promised them.

## What we ask

We ask the Iraqi government, the Nineveh Governorate Council and the international community to make the return to Sinjar a priority: rebuilding houses, restoring services and reparations for all survivors. Our Christian and Shabak neighbours in the Nineveh Plains ask for the same: a dignified return, not only promises.""",
            ),
            "ar": (
                "عودة كريمة إلى سنجار",
                "بعد الإبادة الجماعية عام ٢٠١٤ ما زالت آلاف العائلات الإيزيدية تعيش في مخيمات دهوك. من أجل عودة آمنة وكريمة نطالب بالبيوت والماء والمدارس والتعويضات.",
                """مرت أكثر من عشر سنوات على الإبادة الجماعية عام ٢٠١٤، وما زالت آلاف العائلات الإيزيدية تعيش في الخيام في مخيمات دهوك. كثير من قرى سنجار ما زال مدمراً: لا ماء ولا كهرباء ولا مدارس.

تريد العائلات العودة إلى بيوتها، لكن العودة بلا بيوت وبلا أمان ليست عودة حقيقية. وما زالت الناجيات ينتظرن التعويضات التي وعدهن بها قانون الناجيات الإيزيديات.

## ما نطالب به

نطالب الحكومة العراقية ومجلس محافظة نينوى والمجتمع الدولي بأن تكون العودة إلى سنجار أولوية: إعادة بناء البيوت، وإعادة الخدمات، والتعويض لكل الناجيات والناجين. وجيراننا المسيحيون والشبك في سهل نينوى يطالبون بالشيء نفسه: عودة كريمة، لا وعوداً فقط.""",
            ),
            "it": (
                "Un ritorno dignitoso a Sinjar",
                "Dopo il genocidio del 2014, migliaia di famiglie yazide vivono ancora nei campi di Duhok. Per un ritorno sicuro e dignitoso chiediamo case, acqua, scuole e riparazioni.",
                """Sono passati più di dieci anni dal genocidio del 2014, ma migliaia di famiglie yazide vivono ancora nelle tende dei campi di Duhok. Molti villaggi di Sinjar sono ancora in rovina: niente acqua, niente elettricità, niente scuole.

Le famiglie vogliono tornare a casa. Ma un ritorno senza case e senza sicurezza non è un vero ritorno. Le sopravvissute aspettano ancora le riparazioni promesse dalla legge sulle sopravvissute yazide.

## Cosa chiediamo

Chiediamo al governo iracheno, al consiglio del governatorato di Ninive e alla comunità internazionale di fare del ritorno a Sinjar una priorità: ricostruire le case, ripristinare i servizi e riparare tutti i sopravvissuti. I nostri vicini cristiani e shabak della piana di Ninive chiedono lo stesso: un ritorno dignitoso, non solo promesse.""",
            ),
        },
        """Avakirina xaniyên wêrankirî li gundên Şengalê, bi beşdariya xwediyên wan
Tezmînat ji bo hemû rizgarbûyan li gorî Qanûna Rizgarbûyên Êzidî
Vegerandina av, elektrîk û dibistanan berî zivistanê
Vekirina goristanên komî û naskirina windabûyan
Cih ji bo jinên êzidî di hemû lijneyên vegerê de""",
        """Em malbatên ku dixwazin vegerin dijimêrin û xaniyên wêrankirî bi wan re nexşe dikin. Em vê nexşeyê didin parêzgehê û wezaretê, û her sê mehan carekê encaman eşkere dikin.

Hevalên me yên navneteweyî dengê me digihînin Neteweyên Yekbûyî.""",
        ["minorities", "peacebuilding", "women"], ["IQ-NI", "IQ-DA"], ACTIVE, 180,
        authorities=[
            (A.MINISTRY, "Wezareta Koç û Koçberiyê ya Iraqê (Ministry of Migration and Displacement)", ""),
            (A.GOVERNORATE_COUNCIL, "Encumena Parêzgeha Neynewayê (Nineveh Governorate Council)", "IQ-NI"),
            (A.INTERNATIONAL_BODY, "United Nations Assistance Mission for Iraq (UNAMI)", ""),
        ],
        milestones=[
            ("Nexşeya xaniyên wêrankirî yên 12 gundan", -150, 150),
            ("Serdana encumena parêzgehê li Şengalê", -45, 46),
            ("Destpêka avakirina 500 xaniyên pêşîn", 60, None),
        ],
        indicators=[
            DemoIndicator(
                "Malbatên ku ji kampan vegeriyan Şengalê (jimartina komeleyê)", "malbat", "0", "2000", 240,
                [(170, "120", ""), (110, "310", ""), (46, "460", "Piştî serdana encumenê"), (8, "540", "")],
            ),
            DemoIndicator(
                "Xaniyên ji nû ve hatine avakirin", "xanî", "0", "500", 170,
                [(120, "12", ""), (60, "35", ""), (9, "58", "")],
            ),
        ],
        updates=[
            (150, "kmr", "Nexşeya 12 gundan amade ye",
             """Dilxwazên me bi malbatan re li 12 gundên Şengalê geriyan û her xaniyekî wêrankirî nexşe kirin. Nexşe niha amade ye û me ew da parêzgeha Neynewayê.

Spas ji bo hemû malbatên ku çîroka xwe bi me re parve kirin."""),
            (45, "en", "The Nineveh council visits Sinjar",
             """For the first time, members of the Nineveh Governorate Council walked through the villages on our map with the families who want to return. They promised that the first 500 houses will be rebuilt with the owners' participation.

We will count every house, and publish the count here."""),
        ],
        actions=[
            DemoAction(
                PETITION, 0, "kmr", "Daxwazname: vegereke bi rûmet bo Şengalê",
                """Ji Wezareta Koç û Koçberiyê ya Iraqê re,

Em, îmzekerên vê daxwaznameyê, ji we dixwazin ku vegera malbatên êzidî bo Şengalê bikin karê herî girîng:

- avakirina xaniyên wêrankirî bi beşdariya xwediyên wan;
- vegerandina av, elektrîk û dibistanan;
- tezmînat ji bo hemû rizgarbûyan li gorî Qanûna Rizgarbûyên Êzidî.

Vegereke bi rûmet mafê her malbatekê ye.""",
                3000, 170, 60, 820, pending=5, abroad=0.35,
            ),
        ],
        endorsements=[
            ("istanbul-refugees", "Many Yazidi families we support in Istanbul dream of returning to Sinjar.", True, 165),
            ("badinan-legal-aid", "Em alîkariya yasayî didin malbatan ji bo belgeyên xaniyan.", True, 160),
            ("sinjar-weavers", "نساء تعاونية النسيج في سنجار يدعمن العودة الكريمة.", True, 150),
            ("hadba-newsroom", "نغطي قصص العائدين إلى سنجار وسهل نينوى.", True, 90),
            ("peace-accountability", "We support Iraqi victims seeking redress, Yazidi survivors first among them.", False, 6),
        ],
        messages=[
            DemoMessage(
                "istanbul-refugees", "admin", True, "en",
                "Many of the Yazidi families we support in Istanbul dream of going home to Sinjar. Your work makes that dream concrete: houses, water, schools. We stand with you.",
                {
                    "kmr": "Gelek malbatên êzidî yên ku em li Stenbolê alîkariya wan dikin xewna vegera Şengalê dibînin. Karê we vê xewnê rastîn dike: xanî, av, dibistan. Em li gel we ne.",
                    "ar": "كثير من العائلات الإيزيدية التي ندعمها في إسطنبول تحلم بالعودة إلى سنجار. عملكم يجعل هذا الحلم ملموساً: بيوت وماء ومدارس. نحن معكم.",
                },
                True, 120,
            ),
            DemoMessage(
                "tigri-eufrate", "admin", True, "it",
                "Dall'Italia un abbraccio alle famiglie di Sinjar. Abbiamo organizzato una serata con una sopravvissuta a Milano: la sala era piena. Non vi lasciamo soli.",
                {
                    "kmr": "Ji Îtalyayê hembêzek ji malbatên Şengalê re. Me li Mîlanoyê şevek bi jineke rizgarbûyî re li dar xist: salon tije bû. Em we bi tenê nahêlin.",
                    "en": "From Italy, an embrace to the families of Sinjar. We held an evening with a survivor in Milan: the hall was full. We will not leave you alone.",
                },
                True, 50,
            ),
            DemoMessage(
                "peace-accountability", "member", False, "en",
                "I visited Sinjar as a volunteer years ago and the ruins were everywhere. I have signed the petition and shared it with my congregation in Chicago.",
                {}, None, 1,
            ),
        ],
    ),
    # --- Labour: permanent contracts and union freedom in the oil fields -------------------
    DemoCampaign(
        "rumaila-oil", "ar",
        "عقود دائمة وحرية نقابية لعمال العقود في حقول النفط",
        "أكثر من ستمئة عامل في حقول الرميلة يعملون منذ سنوات بعقود مؤقتة عبر مقاولين ثانويين، بلا ضمان اجتماعي ولا حق في التنظيم. نطالب بتطبيق قانون العمل على الجميع وبعقود دائمة لمن أمضى ثلاث سنوات في العمل.",
        """يقود عمال العقود صهاريج النفط ويصونون الأنابيب ويحرسون المواقع تحت شمس تتجاوز الخمسين درجة. بعضهم يعمل في الحقل نفسه منذ عشر سنوات، لكنه يوقّع كل ستة أشهر عقداً جديداً مع مقاول ثانوي جديد، فلا يحصل على ضمان اجتماعي ولا على إجازة مرضية، ويُفصل إن انضم إلى النقابة.

يحمي قانون العمل رقم ٣٧ لسنة ٢٠١٥ حق العمال في التنظيم ويمنع التمييز ضد النقابيين، لكنه لا يُطبق على سلسلة المقاولين في الحقول. وفي الصيف الماضي بقي مئات العمال ثلاثة أشهر بلا أجور، وكل طرف يرمي المسؤولية على الآخر.

## حملتنا

نطالب وزارة النفط وشركة نفط البصرة بأن تكون الأجور والعقود مسؤوليتهما المباشرة، ونطلب من النقابات في العالم أن تكتب إلى منظمة العمل الدولية. احتجاجنا سلمي وسيبقى سلمياً: نفاوض ونعتصم ونوثق، ولن نتراجع.""",
        {
            "en": (
                "Permanent contracts and union freedom for oil contract workers",
                "More than six hundred workers in the Rumaila fields have worked for years on temporary contracts through subcontractors, without social security or the right to organise. We call for the Labour Law to apply to everyone, and for permanent contracts after three years of work.",
                """Contract workers drive the oil tankers, maintain the pipelines and guard the sites under a sun above fifty degrees. Some have worked in the same field for ten years, yet every six months they sign a new contract with a new subcontractor: no social security, no sick leave, and dismissal if they join the union.

Labour Law No. 37 of 2015 protects workers' right to organise and forbids discrimination against trade unionists, but it is not applied along the chain of subcontractors in the fields. Last summer hundreds of workers went three months without wages, while each company blamed the other.

## Our campaign

We call on the Ministry of Oil and the Basra Oil Company to take direct responsibility for wages and contracts, and we ask unions around the world to write to the International Labour Organization. Our protest is peaceful and will stay peaceful: we negotiate, we hold sit-ins, we document, and we will not give up.""",
            ),
            "it": (
                "Contratti stabili e libertà sindacale per i lavoratori a contratto dei giacimenti",
                "Più di seicento lavoratori dei giacimenti di Rumaila lavorano da anni con contratti temporanei tramite subappaltatori, senza previdenza né diritto di organizzarsi. Chiediamo che la legge sul lavoro valga per tutti e contratti stabili dopo tre anni di lavoro.",
                """I lavoratori a contratto guidano le autocisterne, fanno la manutenzione degli oleodotti e sorvegliano i siti sotto un sole oltre i cinquanta gradi. Alcuni lavorano nello stesso giacimento da dieci anni, ma ogni sei mesi firmano un nuovo contratto con un nuovo subappaltatore: niente previdenza, niente malattia pagata, e il licenziamento se si iscrivono al sindacato.

La legge sul lavoro n. 37 del 2015 tutela il diritto di organizzarsi e vieta le discriminazioni contro i sindacalisti, ma non viene applicata lungo la catena dei subappalti. L'estate scorsa centinaia di lavoratori sono rimasti tre mesi senza salario, mentre ogni azienda dava la colpa all'altra.

## La nostra campagna

Chiediamo al Ministero del petrolio e alla Basra Oil Company di rispondere direttamente di salari e contratti, e chiediamo ai sindacati di tutto il mondo di scrivere all'Organizzazione internazionale del lavoro. La nostra protesta è pacifica e resterà pacifica: trattiamo, presidiamo, documentiamo, e non ci arrenderemo.""",
            ),
        },
        """تحويل العمال الذين أمضوا أكثر من ثلاث سنوات إلى عقود دائمة
دفع الأجور مباشرة إلى حسابات العمال المصرفية لا عبر المقاولين
تطبيق قانون العمل رقم ٣٧ لسنة ٢٠١٥ على كل المقاولين الثانويين في الحقول
الاعتراف بالنقابة ممثلاً للعمال في لجان السلامة والتفاوض
معدات سلامة وفحوص طبية دورية للعاملين قرب شعلات حرق الغاز""",
        """نفاوض أولاً، ونعتصم إن أُغلق باب التفاوض، ونوثق كل شيء.

- عريضة إلى وزارة النفط يوقعها العمال وعائلاتهم والمتضامنون.
- رسالة من النقابات في العالم إلى منظمة العمل الدولية.
- توأمة مع نقابات إيطالية وسويدية تدعم صندوق الصمود.""",
        ["economic-social-rights", "heritage-environment"], ["IQ-BA"], ACTIVE, 130, 230,
        authorities=[
            (A.MINISTRY, "وزارة النفط", ""),
            (A.OTHER, "شركة نفط البصرة", "IQ-BA"),
            (A.INTERNATIONAL_BODY, "International Labour Organization (ILO)", ""),
        ],
        milestones=[
            ("إضراب تحذيري سلمي ليوم واحد", -112, 110),
            ("اجتماع مع لجنة من وزارة النفط", -62, 60),
            ("انتخابات لجنة السلامة في الحقل", 25, None),
        ],
        indicators=[
            DemoIndicator(
                "عمال العقود الذين حصلوا على عقود دائمة", "عمال", "0", "600", 128,
                [(120, "0", ""), (60, "85", "بعد الاجتماع مع الوزارة"), (15, "140", "")],
            ),
            DemoIndicator(
                "أشهر الأجور المتأخرة", "أشهر", "3", "0", 128,
                [(100, "3", ""), (50, "1", ""), (14, "0", "صُرفت كل الأجور المتأخرة")],
            ),
        ],
        updates=[
            (110, "ar", "إضراب تحذيري ليوم واحد في الحقل",
             """توقف أكثر من أربعمئة عامل عقود عن العمل يوماً واحداً، بسلمية تامة، أمام مقر الشركة المشغلة في الزبير. لم تُكسر نافذة ولم يُقطع طريق.

بعد الإضراب طلبت وزارة النفط لقاء ممثلين عن النقابة."""),
            (30, "ar", "أول خمسة وثمانين عقداً دائماً",
             """حصل خمسة وثمانون عاملاً على عقود دائمة مع شركة نفط البصرة، بعد سنوات من العقود المؤقتة. وصُرفت أجور شهرين من الأشهر الثلاثة المتأخرة.

هذا أول الطريق: ما زال أكثر من خمسمئة عامل ينتظرون."""),
        ],
        actions=[
            DemoAction(
                PETITION, 0, "ar", "عريضة إلى وزارة النفط: عقود دائمة لعمال العقود",
                """إلى السيد وزير النفط،

نحن الموقعين أدناه، عمال حقول الرميلة وعائلاتهم والمتضامنين معهم، نطالبكم بما يلي:

- تحويل العمال الذين أمضوا أكثر من ثلاث سنوات في الحقول إلى عقود دائمة؛
- دفع الأجور مباشرة إلى حسابات العمال؛
- إلزام كل المقاولين الثانويين بقانون العمل رقم ٣٧ لسنة ٢٠١٥، وبحق العمال في الانتماء إلى النقابة.""",
                2500, 125, 40, 640, pending=4, abroad=0.3,
            ),
            DemoAction(
                LETTER, 2, "en", "Unions' letter to the ILO: freedom of association in Iraq's oil fields",
                """Dear Director-General,

We are trade unionists from Iraq and around the world. We write in support of the contract workers of the Rumaila oil fields in Basra.

Hundreds of them have worked for years on six-month contracts through subcontractors, without social security, and are dismissed when they join their union. Last summer they went three months without wages.

We ask the ILO to raise their situation with the Iraqi government and the operating companies, and to support the application of Iraq's Labour Law of 2015 along the whole chain of subcontracting.

In solidarity,""",
                500, 45, 50, 190, pending=2, abroad=0.75,
                letters={
                    "en": [
                        "Dear Director-General, I am a shop steward at a refinery in Scotland. Our members voted to support the Rumaila contract workers. Nobody should lose their job for joining a union, in Basra or anywhere else.",
                        "Dear Director-General, our branch in Gothenburg is twinned with the Rumaila union. We have seen their payslips: three months without wages. Please act.",
                        "Dear Director-General, I work in the oil industry in Norway. The companies operating in Rumaila also operate here, under very different rules. Workers' rights should not stop at a border.",
                    ],
                    "it": [
                        "Egregio Direttore generale, sono un portuale di Genova. Abbiamo visitato Bassora e visto lavoratori a giornata senza contratto né assicurazione. Chiediamo all'OIL di intervenire.",
                        "Egregio Direttore generale, la nostra Camera del lavoro sostiene la cassa di resistenza dei lavoratori di Rumaila. La libertà sindacale è un diritto fondamentale, anche lungo la catena degli appalti.",
                    ],
                    "ar": [
                        "السيد المدير العام، أنا عامل عقود في الرميلة منذ ثماني سنوات. وقعت ستة عشر عقداً مع ستة مقاولين. أطالب بعقد دائم وبحقي في النقابة.",
                    ],
                },
            ),
        ],
        endorsements=[
            ("sindacati-in-rete", "Un'offesa a un lavoratore di Rumaila è un'offesa a tutti noi.", True, 125),
            ("workers-twinning", "Swedish union branches twinned with Iraqi unions support the campaign.", True, 120),
            ("umm-qasr-dockers", "عمال الموانئ مع عمال النفط: حق واحد ونضال واحد.", True, 118),
            ("baghdad-electricity", "نعرف معنى العقود المؤقتة: نقف مع زملائنا في الرميلة.", True, 100),
            ("kurdistan-construction", "کرێکارانی بیناسازی پشتگیری لە کرێکارانی نەوت دەکەن.", False, 3),
        ],
        messages=[
            DemoMessage(
                "sindacati-in-rete", "admin", True, "it",
                "Dalla Camera del lavoro di Genova: un'offesa a un lavoratore di Rumaila è un'offesa a tutti noi. Abbiamo scritto all'OIL e continueremo a sostenere la vostra cassa di resistenza.",
                {
                    "ar": "من غرفة العمل في جنوة: الإساءة إلى عامل في الرميلة إساءة إلينا جميعاً. كتبنا إلى منظمة العمل الدولية وسنواصل دعم صندوق صمودكم.",
                    "en": "From the Genoa labour chamber: an injury to a Rumaila worker is an injury to all of us. We have written to the ILO and will keep supporting your strike fund.",
                },
                True, 40,
            ),
            DemoMessage(
                "workers-twinning", "admin", True, "en",
                "Our branch in Gothenburg voted unanimously to support your demands. Permanent contracts and the right to organise are not privileges: they are basic rights at work.",
                {"ar": "صوّت فرعنا في غوتنبرغ بالإجماع على دعم مطالبكم. العقود الدائمة والحق في التنظيم ليست امتيازات: إنها حقوق أساسية في العمل."},
                True, 35,
            ),
        ],
    ),
    # --- Demilitarisation: clear the remnants of war around schools (ended) -----------------
    DemoCampaign(
        "weapons-free", "ar",
        "طريق آمن إلى المدرسة: أزيلوا مخلفات الحرب",
        "رسمنا مع الأهالي خريطة للقذائف والألغام غير المنفجرة قرب عشرين مدرسة في البصرة وذي قار، وطالبنا دائرة شؤون الألغام بتطهير محيطها قبل بداية العام الدراسي.",
        """ما زالت أرض البصرة وذي قار تحمل مخلفات حروب متعاقبة: ألغام من حرب الثمانينيات، وذخائر عنقودية من حربي ١٩٩١ و٢٠٠٣. في القرى القريبة من الحدود يمشي الأطفال إلى مدارسهم عبر أراضٍ لم يمسحها أحد، وفي كل موسم حصاد يصلنا خبر طفل فقد ساقه أو راعٍ لم يعد.

خلال ستة أشهر رسم متطوعونا مع المعلمين والأهالي خريطة للأجسام المشبوهة حول عشرين مدرسة، وسلموها إلى دائرة شؤون الألغام ومجلس المحافظة. لم نلمس أي جسم: نحن نرسم ونبلّغ، والتطهير عمل الفرق المختصة.

## ما تحقق

طُهّر محيط أربع عشرة مدرسة من عشرين، ووُضعت علامات تحذير قرب الحقول المعروفة، وصار درس التوعية بمخاطر الألغام جزءاً من برنامج المدارس القريبة منها. انتهت الحملة، لكن المدارس الست الباقية ما زالت تنتظر، وسنبقى نتابعها.""",
        {
            "en": (
                "A safe way to school: clear the remnants of war",
                "With residents we mapped unexploded shells and mines near twenty schools in Basra and Dhi Qar, and asked the Directorate of Mine Action to clear their surroundings before the school year began.",
                """The land of Basra and Dhi Qar still carries the remnants of successive wars: mines from the war of the 1980s, cluster munitions from 1991 and 2003. In the villages near the border, children walk to school across land that nobody has surveyed, and every harvest season brings news of a child who lost a leg or a shepherd who never came home.

Over six months our volunteers, with teachers and parents, mapped suspicious objects around twenty schools and handed the map to the Directorate of Mine Action and the governorate council. We touched nothing: we map and report, and clearance is the work of specialised teams.

## What was achieved

The surroundings of fourteen schools out of twenty were cleared, warning signs were put up near the known fields, and mine risk education became part of the programme of the schools nearby. The campaign has ended, but the six remaining schools are still waiting, and we will keep following them.""",
            ),
            "it": (
                "Una strada sicura per la scuola: bonificate i residuati bellici",
                "Con gli abitanti abbiamo mappato proiettili e mine inesplosi vicino a venti scuole di Bassora e Dhi Qar, e chiesto alla Direzione per l'azione contro le mine di bonificarne i dintorni prima dell'inizio dell'anno scolastico.",
                """La terra di Bassora e Dhi Qar porta ancora i residuati di guerre successive: mine della guerra degli anni Ottanta, munizioni a grappolo del 1991 e del 2003. Nei villaggi vicini al confine i bambini vanno a scuola attraversando terreni che nessuno ha mai bonificato, e ogni stagione del raccolto porta la notizia di un bambino che ha perso una gamba o di un pastore che non è tornato.

In sei mesi i nostri volontari, con insegnanti e genitori, hanno mappato gli oggetti sospetti intorno a venti scuole e consegnato la mappa alla Direzione per l'azione contro le mine e al consiglio del governatorato. Non abbiamo toccato nulla: noi mappiamo e segnaliamo, la bonifica è compito delle squadre specializzate.

## Cosa abbiamo ottenuto

I dintorni di quattordici scuole su venti sono stati bonificati, sono stati posti cartelli di pericolo vicino ai campi conosciuti e l'educazione al rischio mine è entrata nel programma delle scuole vicine. La campagna è finita, ma le sei scuole rimaste aspettano ancora, e continueremo a seguirle.""",
            ),
        },
        """تطهير محيط عشرين مدرسة من المخلفات غير المنفجرة
علامات تحذير واضحة قرب كل حقل ألغام معروف
دروس توعية بمخاطر الألغام في كل مدرسة قريبة من أرض ملوثة
تعويض العائلات التي فقدت أحد أفرادها أو أصيب بسبب المخلفات""",
        """نرسم ولا نلمس: يتدرب المتطوعون على التعرف على الأجسام المشبوهة والإبلاغ عنها فقط.

- خريطة مشتركة مع المعلمين والأهالي.
- عريضة إلى دائرة شؤون الألغام ومجلس المحافظة.
- متابعة علنية لكل مدرسة حتى تطهيرها.""",
        ["demilitarization", "peacebuilding", "youth"], ["IQ-BA", "IQ-DQ"], ENDED, 330, -40,
        authorities=[
            (A.MINISTRY, "وزارة البيئة – دائرة شؤون الألغام", ""),
            (A.GOVERNORATE_COUNCIL, "مجلس محافظة البصرة", "IQ-BA"),
        ],
        milestones=[
            ("خريطة الأجسام المشبوهة حول عشرين مدرسة", -260, 262),
            ("تسليم العريضة والخريطة إلى دائرة شؤون الألغام", -190, 190),
            ("تطهير محيط عشر مدارس قبل العام الدراسي", -120, 115),
            ("تطهير محيط المدارس الست الباقية", -40, None),
        ],
        indicators=[
            DemoIndicator(
                "مدارس طُهّر محيطها من المخلفات (من عشرين)", "مدارس", "0", "20", 320,
                [(250, "0", ""), (160, "3", ""), (115, "10", "قبل بداية العام الدراسي"), (45, "14", "")],
            ),
        ],
        updates=[
            (300, "ar", "بدأنا رسم الخريطة",
             """تدرّب أربعون متطوعاً ومتطوعة، أغلبهم معلمون، على التعرف على الأجسام المشبوهة والإبلاغ عنها دون لمسها. بدأنا بخمس مدارس في الفاو وأبي الخصيب.

القاعدة الأولى: لا تلمس شيئاً. بلّغ."""),
            (188, "ar", "سلّمنا العريضة إلى دائرة شؤون الألغام",
             """سلّمنا الخريطة والعريضة، وعليها أكثر من تسعمئة توقيع، إلى فرع دائرة شؤون الألغام في الجنوب. تعهدت الدائرة بتطهير محيط أربع عشرة مدرسة خلال الموسم."""),
            (40, "ar", "نهاية الحملة: أربع عشرة مدرسة من عشرين",
             """تنتهي الحملة اليوم بعد عام من العمل. طُهّر محيط أربع عشرة مدرسة، ولم تُسجَّل أي إصابة قرب هذه المدارس منذ التطهير.

المدارس الست الباقية تحتاج إلى مسح تقني أعمق، وقد أدرجتها الدائرة في خطة العام المقبل. سنتابعها، وسنخبركم."""),
        ],
        actions=[
            DemoAction(
                PETITION, 0, "ar", "عريضة: طهّروا محيط مدارسنا قبل العام الدراسي",
                """إلى السيد مدير دائرة شؤون الألغام،

نحن الموقعين أدناه، أهالي تلاميذ ومعلمين وسكان قرى البصرة وذي قار، نطالبكم بتطهير محيط المدارس العشرين التي رسمنا خريطة الأجسام المشبوهة حولها، قبل بداية العام الدراسي، ووضع علامات تحذير قرب الحقول المعروفة.

لا يجوز أن يمشي طفل إلى مدرسته فوق لغم.""",
                800, 320, -200, 940, abroad=0.12,
                delivery=(
                    190,
                    "مدير فرع دائرة شؤون الألغام في المنطقة الجنوبية، البصرة",
                    "تسلّمت الدائرة العريضة والخريطة. تتعهد بتطهير محيط أربع عشرة مدرسة خلال الموسم الحالي بالتعاون مع الفرق المعتمدة، ووضع علامات تحذير قرب الحقول المعروفة. أما المدارس الست الباقية فتقع في أراضٍ تحتاج إلى مسح تقني، وستُدرج في خطة العام المقبل.",
                ),
            ),
        ],
        endorsements=[
            ("nordic-peace-forum", "Mine clearance is disarmament made concrete.", True, 320),
            ("no-to-arms", "لا للسلاح المنفلت، ولا لمخلفات الحرب في طريق أطفالنا.", True, 310),
            ("peace-accountability", "We carry a responsibility for the cluster munitions still in Iraq's fields.", True, 290),
        ],
        messages=[
            DemoMessage(
                "nordic-peace-forum", "admin", True, "en",
                "Mapping without touching, reporting without fear: your method protects children's lives. The six remaining schools are on our agenda too.",
                {"ar": "ترسمون دون أن تلمسوا، وتبلّغون دون خوف: طريقتكم تحمي حياة الأطفال. المدارس الست الباقية على جدول أعمالنا نحن أيضاً."},
                True, 180,
            ),
            DemoMessage(
                "peace-accountability", "admin", True, "en",
                "As veterans and peace activists in the United States, we know whose cluster munitions are still lying in those fields. Thank you for this work: we will keep pressing for clearance funding.",
                {"ar": "بصفتنا محاربين قدامى وناشطي سلام في الولايات المتحدة، نعرف لمن تعود الذخائر العنقودية التي ما زالت في تلك الحقول. شكراً لعملكم: سنواصل الضغط من أجل تمويل التطهير."},
                True, 150,
            ),
        ],
    ),
    # --- Demilitarisation: weapons out of the cities ---------------------------------------
    DemoCampaign(
        "no-to-arms", "en",
        "Weapons out of our cities",
        "Celebratory gunfire, tribal feuds fought with machine guns, arms in the hands of groups outside the law: every week, weapons kill people in Iraq's cities. We call for the state alone to hold arms, a voluntary handover programme, and weapon-free universities, weddings and funerals.",
        """On the night of a football victory or a wedding, bullets fired into the air come down somewhere: on a roof where children sleep, in a crowded street. In Karbala, Najaf and Baghdad, disputes over a plot of land or a car accident turn into gunfights with medium weapons. Millions of guns circulate outside any register, and armed groups outside the state keep their own arsenals.

Our movement started with a simple pledge: no weapons at our weddings, our funerals and our universities. Students, tribal elders, clerics and shopkeepers have signed it by the hundreds. Now we want the state to do its part.

## What we ask

A national programme, run with local councils, to buy back and destroy light weapons; real enforcement of the ban on celebratory gunfire; weapon-free zones around schools, universities, hospitals and markets; and one principle that every party claims and none applies: arms belong to the state alone. Disarmament is not a slogan for us: it is the condition for everything else.""",
        {
            "ar": (
                "السلاح خارج مدننا",
                "الرمي العشوائي في الأفراح، والنزاعات العشائرية بالرشاشات، والسلاح بيد جماعات خارج القانون: كل أسبوع يقتل السلاح أناساً في مدن العراق. نطالب بحصر السلاح بيد الدولة، وببرنامج لتسليمه طوعاً، وبجامعات وأعراس ومجالس عزاء خالية من السلاح.",
                """في ليلة فوز كروي أو عرس، تسقط الرصاصات التي تُطلق في الهواء في مكان ما: على سطح ينام فيه أطفال، أو في شارع مزدحم. في كربلاء والنجف وبغداد تتحول النزاعات على قطعة أرض أو حادث سيارة إلى معارك بالأسلحة المتوسطة. ملايين القطع من السلاح تتداول خارج أي سجل، وجماعات مسلحة خارج الدولة تحتفظ بترساناتها.

بدأ حراكنا بتعهد بسيط: لا سلاح في أعراسنا ومجالس عزائنا وجامعاتنا. وقّعه بالمئات طلاب وشيوخ عشائر ورجال دين وأصحاب محال. والآن نريد من الدولة أن تقوم بدورها.

## ما نطالب به

برنامج وطني تديره المجالس المحلية لشراء الأسلحة الخفيفة وإتلافها، وتطبيق حقيقي لمنع الرمي العشوائي، ومناطق خالية من السلاح حول المدارس والجامعات والمستشفيات والأسواق، ومبدأ يدّعيه الجميع ولا يطبقه أحد: السلاح بيد الدولة وحدها. نزع السلاح ليس شعاراً عندنا، بل هو شرط لكل ما عداه.""",
            ),
            "it": (
                "Fuori le armi dalle nostre città",
                "Spari di festa, faide tribali combattute con le mitragliatrici, armi in mano a gruppi fuori dalla legge: ogni settimana le armi uccidono nelle città irachene. Chiediamo che solo lo Stato detenga le armi, un programma di consegna volontaria e università, matrimoni e funerali liberi dalle armi.",
                """La notte di una vittoria calcistica o di un matrimonio, i proiettili sparati in aria ricadono da qualche parte: su un tetto dove dormono bambini, in una strada affollata. A Karbala, Najaf e Baghdad le liti per un pezzo di terra o un incidente d'auto diventano scontri a fuoco con armi medie. Milioni di armi circolano fuori da ogni registro, e gruppi armati fuori dallo Stato conservano i propri arsenali.

Il nostro movimento è nato da un impegno semplice: niente armi ai nostri matrimoni, ai nostri funerali e nelle nostre università. L'hanno firmato a centinaia studenti, anziani delle tribù, religiosi e commercianti. Ora vogliamo che lo Stato faccia la sua parte.

## Cosa chiediamo

Un programma nazionale, gestito con i consigli locali, per riacquistare e distruggere le armi leggere; il vero rispetto del divieto di sparare in aria; zone libere dalle armi intorno a scuole, università, ospedali e mercati; e un principio che tutti proclamano e nessuno applica: le armi spettano solo allo Stato. Il disarmo per noi non è uno slogan: è la condizione di tutto il resto.""",
            ),
        },
        """A national programme to buy back and destroy light weapons, run with local councils
Enforcement of the ban on celebratory gunfire, with public reporting of every case
Weapon-free zones around universities, schools, hospitals and markets
A public register of privately held arms
No weapons in the hands of armed groups outside the state""",
        """Pledges first, laws next. Every pledge signed by a university, a tribe or a market shows the parliament that society is ready.

- Petition to the parliament's Security and Defence Committee.
- A public count of pledges, governorate by governorate.
- Peace researchers abroad report on arms transfers to the region.""",
        ["demilitarization", "peacebuilding", "youth"], ["IQ-BG", "IQ-KA", "IQ-NA", "IQ-BA"], ACTIVE, 90, 275,
        authorities=[
            (A.PARLIAMENT_COMMITTEE, "Council of Representatives – Security and Defence Committee", ""),
            (A.MINISTRY, "Ministry of Interior", ""),
            (A.GOVERNORATE_COUNCIL, "Karbala Governorate Council", "IQ-KA"),
        ],
        milestones=[
            ("First weapon-free university pledge", -80, 78),
            ("Weapon-free wedding halls in Karbala", -30, 26),
            ("A national day without gunfire", 70, None),
        ],
        indicators=[
            DemoIndicator(
                "Pledges to keep weapons out of universities, weddings and funerals", "pledges", "0", "1000", 95,
                [(78, "140", ""), (45, "390", ""), (20, "610", "")],
            ),
        ],
        updates=[
            (78, "en", "The first university pledge",
             """Student unions, lecturers and the administration of a university in Karbala signed our pledge today: no weapons on campus, no celebratory gunfire at graduations.

Other universities have asked for the text. It is attached to this campaign in Arabic and English."""),
            (22, "ar", "ستمئة تعهد",
             """وصل عدد التعهدات إلى ستمئة: جامعات وعشائر وقاعات أعراس وأسواق في كربلاء والنجف وبغداد والبصرة.

العريضة إلى لجنة الأمن والدفاع مفتوحة: وقّعوها وشاركوها."""),
        ],
        actions=[
            DemoAction(
                PETITION, 0, "ar", "عريضة إلى لجنة الأمن والدفاع: السلاح بيد الدولة وحدها",
                """إلى السيد رئيس لجنة الأمن والدفاع في مجلس النواب والسادة أعضائها،

نحن الموقعين أدناه نطالبكم بما يلي:

- برنامج وطني لشراء الأسلحة الخفيفة وإتلافها بالتعاون مع المجالس المحلية؛
- تطبيق منع الرمي العشوائي ونشر حصيلة كل حادثة؛
- مناطق خالية من السلاح حول المدارس والجامعات والمستشفيات والأسواق؛
- حصر السلاح بيد الدولة وحدها.""",
                5000, 85, 100, 980, pending=7, abroad=0.2,
            ),
        ],
        endorsements=[
            ("weapons-free", "نعمل في الأحياء على التسليم الطوعي للسلاح وندعم الحملة.", True, 88),
            ("nordic-peace-forum", "We report on arms transfers to the region and support the campaign.", True, 85),
            ("peace-accountability", "Weapons out of cities, and out of the export lists of our own governments.", True, 70),
            ("anbar-bridges", "المصالحة لا تنجح والسلاح في كل بيت.", True, 60),
            ("haboubi-circle", "شباب ساحة الحبوبي مع مدن بلا سلاح.", False, 2),
        ],
        messages=[
            DemoMessage(
                "peace-accountability", "editor", False, "en",
                "Weapons out of cities, and out of the export lists of our own governments too. I will raise your campaign with the members of Congress who decide on arms sales to the region.",
                {
                    "ar": "السلاح خارج المدن، وخارج قوائم التصدير لحكوماتنا أيضاً. سأطرح حملتكم على أعضاء الكونغرس الذين يقررون صفقات السلاح إلى المنطقة.",
                    "it": "Fuori le armi dalle città, e anche dalle liste di esportazione dei nostri governi. Porterò la vostra campagna ai membri del Congresso che decidono sulle vendite di armi alla regione.",
                },
                True, 50,
            ),
            DemoMessage(
                "nordic-peace-forum", "editor", False, "en",
                "Could you share the text of the university pledge? A student group in Oslo would like to translate it and sign it as a gesture of solidarity.",
                {}, None, 1,
            ),
        ],
    ),
    # --- Minorities and heritage: proposed, waiting for the coordinators -------------------
    DemoCampaign(
        "old-mosul-workshop", "ar",
        "المدينة القديمة لأهلها: إعمار يعيد الجيران",
        "نطالب بأن يشارك سكان الموصل القديمة، مسلمين ومسيحيين، في قرارات إعادة الإعمار، وبأن تعود البيوت إلى أصحابها قبل الأسواق والفنادق.",
        """تُرمَّم الجوامع والكنائس الكبيرة في الموصل القديمة، لكن البيوت من حولها ما زالت أنقاضاً، وكثير من أصحابها، ومنهم عائلات مسيحية هُجّرت عام ٢٠١٤، لا يعرفون إن كانوا سيعودون يوماً. وتُعرض بعض الأراضي على المستثمرين قبل أن يُسأل أهلها.

نريد إعماراً يعيد الجيران لا الحجارة وحدها: أن يُسأل أصحاب البيوت أولاً، وأن تُحفظ الأزقة والشناشيل كما عرفوها، وأن يجد العائدون، مسلمين ومسيحيين، مدينة يعرفونها.""",
        {
            "en": (
                "The old city belongs to its people: a reconstruction that brings the neighbours back",
                "We ask that the residents of old Mosul, Muslims and Christians, take part in reconstruction decisions, and that houses be returned to their owners before markets and hotels are built.",
                """The great mosques and churches of old Mosul are being restored, but the houses around them are still rubble, and many of their owners, among them Christian families displaced in 2014, do not know if they will ever return. Some plots are offered to investors before their owners are even asked.

We want a reconstruction that brings the neighbours back, not only the stones: owners asked first, alleys and wooden balconies kept as they knew them, and a city that returning families, Muslim and Christian, can recognise.""",
            ),
        },
        """لجنة إعمار في كل محلة من المدينة القديمة يشارك فيها السكان
لا بيع لأي أرض سكنية قبل التحقق من أصحابها وإعلامهم
أولوية لإعادة بناء البيوت قبل المشاريع التجارية
حفظ الطراز المعماري للأزقة والشناشيل""",
        """نوثق كل بيت مع أصحابه، وندرب شباب المدينة على أعمال الحجر والخشب التقليدية، ونعرض الخرائط على مجلس المحافظة.""",
        ["heritage-environment", "minorities", "peacebuilding"], ["IQ-NI"], PROPOSED, 4,
        authorities=[
            (A.GOVERNORATE_COUNCIL, "مجلس محافظة نينوى", "IQ-NI"),
            (A.MINISTRY, "وزارة الثقافة والسياحة والآثار – الهيئة العامة للآثار والتراث", ""),
        ],
        milestones=[("توثيق مئة بيت مع أصحابها", 90, None)],
    ),
]

# Names of supporters abroad (Iraqi and Kurdish names abroad come from the network's lists).
ABROAD_NAMES: dict[str, tuple[list[tuple[str, str]], list[tuple[str, str]]]] = {
    "DE": (
        [("anna", "Anna"), ("lukas", "Lukas"), ("miriam", "Miriam"), ("jonas", "Jonas"), ("lea", "Lea"), ("felix", "Felix"), ("hannah", "Hannah"), ("tobias", "Tobias")],
        [("mueller", "Müller"), ("schmidt", "Schmidt"), ("wagner", "Wagner"), ("becker", "Becker"), ("hoffmann", "Hoffmann"), ("krause", "Krause"), ("yilmaz", "Yılmaz")],
    ),
    "FR": (
        [("camille", "Camille"), ("julien", "Julien"), ("manon", "Manon"), ("hugo", "Hugo"), ("lea", "Léa"), ("antoine", "Antoine"), ("amina", "Amina")],
        [("martin", "Martin"), ("bernard", "Bernard"), ("moreau", "Moreau"), ("lefebvre", "Lefebvre"), ("garnier", "Garnier"), ("benali", "Benali")],
    ),
    "GB": (
        [("oliver", "Oliver"), ("amelia", "Amelia"), ("james", "James"), ("grace", "Grace"), ("tom", "Tom"), ("priya", "Priya")],
        [("taylor", "Taylor"), ("evans", "Evans"), ("walker", "Walker"), ("wright", "Wright"), ("patel", "Patel"), ("murphy", "Murphy")],
    ),
    "SE": (
        [("karin", "Karin"), ("johan", "Johan"), ("elsa", "Elsa"), ("anders", "Anders"), ("maja", "Maja"), ("nils", "Nils")],
        [("andersson", "Andersson"), ("johansson", "Johansson"), ("nilsson", "Nilsson"), ("berg", "Berg"), ("lindgren", "Lindgren")],
    ),
    "US": (
        [("sarah", "Sarah"), ("michael", "Michael"), ("jessica", "Jessica"), ("david", "David"), ("maria", "Maria"), ("kevin", "Kevin")],
        [("johnson", "Johnson"), ("miller", "Miller"), ("garcia", "Garcia"), ("nguyen", "Nguyen"), ("brown", "Brown"), ("cohen", "Cohen")],
    ),
    "ES": (
        [("lucia", "Lucía"), ("pablo", "Pablo"), ("carmen", "Carmen"), ("javier", "Javier"), ("marta", "Marta")],
        [("garcia", "García"), ("lopez", "López"), ("martinez", "Martínez"), ("sanchez", "Sánchez"), ("ortega", "Ortega")],
    ),
    "NO": (
        [("ingrid", "Ingrid"), ("ola", "Ola"), ("silje", "Silje"), ("henrik", "Henrik")],
        [("hansen", "Hansen"), ("olsen", "Olsen"), ("berge", "Berge"), ("dahl", "Dahl")],
    ),
    "NL": (
        [("sanne", "Sanne"), ("daan", "Daan"), ("femke", "Femke"), ("bram", "Bram")],
        [("devries", "de Vries"), ("jansen", "Jansen"), ("bakker", "Bakker"), ("visser", "Visser")],
    ),
}
ABROAD_COUNTRIES = [("IT", 30), ("DE", 15), ("FR", 12), ("GB", 12), ("SE", 10), ("US", 8), ("ES", 5), ("NO", 4), ("NL", 4)]
# The naming tradition of Iraqi signers, by governorate (others: Arabic).
KURDISH_GOVERNORATES = {"IQ-SU": "sorani", "IQ-AR": "sorani", "IQ-DA": "kurmanji"}
TRADITION_LANGUAGE = {"arabic": "ar", "sorani": "ckb", "kurmanji": "kmr", "italian": "it"}
EMAIL_DOMAINS = ["example.org", "example.net", "example.com", "mail.example"]
# fmt: on



class _NoTask:
    """Stands in for the task that emails an update to informed signers: the demo's updates
    are backdated news, not news to send to fictional people."""

    def enqueue(self, **kwargs) -> None:
        return None


def _always(*args, **kwargs) -> bool:
    return True


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


def _org_slug(key: str) -> str:
    """The address the network demo gives the organisation with this key."""
    return demo_slug(next(o for o in ORGANISATIONS if o.key == key))


def remove_demo_campaigns() -> int:
    """Delete every campaign (their actions, signatures and the rest go with them)."""
    return Campaign.objects.all().delete()[1].get("campaigns.Campaign", 0)


def load_demo_campaigns(*, stdout=None) -> dict:
    """(Re)build the fictional demo campaigns; the demo network must be loaded. Returns counts."""
    # As for the network and the newsroom: the services' emails are not queued, anything else
    # meets the dummy task backend, and the rate limits meant for people do not count the demo.
    with (
        override_settings(TASKS=_SILENT_TASKS),
        mock.patch.object(services, "email_later", _no_email),
        mock.patch.object(services, "within_rate", _always),
        mock.patch.object(tasks, "send_update", _NoTask()),
        quiet_log("tadamun.campaigns"),
        transaction.atomic(),
    ):
        removed = remove_demo_campaigns()
        if removed:
            _say(stdout, f"Removed the previous campaigns: {removed}.")
        result = _Builder().build()
    _say(
        stdout,
        f"Demo campaigns loaded: {result['campaigns']} campaigns ({result['active']} active, {result['won']} won, "
        f"{result['ended']} ended, {result['proposed']} waiting for approval), {result['actions']} actions "
        f"({result['petitions']} petitions, {result['letters']} letters, {result['delivered']} delivered) with "
        f"{result['signatures']} confirmed signatures and {result['pending_signatures']} waiting for confirmation, "
        f"{result['endorsements']} endorsements ({result['endorsements_waiting']} waiting), {result['messages']} "
        f"solidarity messages ({result['messages_waiting']} waiting for moderation).",
    )
    return result


class _Builder:
    def __init__(self) -> None:
        self.rng = random.Random(2026)
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.coordinator = User.objects.filter(email=COORDINATOR_EMAIL, is_staff=True).first()
        keys = {c.org for c in CAMPAIGNS}
        keys |= {e[0] for c in CAMPAIGNS for e in c.endorsements}
        keys |= {m.org for c in CAMPAIGNS for m in c.messages}
        slugs = {key: _org_slug(key) for key in keys}
        found = {
            o.slug: o
            for o in Organisation.objects.filter(
                slug__in=slugs.values(), status=Organisation.Status.APPROVED
            )
        }
        missing = sorted(key for key, slug in slugs.items() if slug not in found)
        if self.coordinator is None or missing:
            raise RuntimeError(
                "Load the demo network before the demo campaigns (manage.py demo); missing: "
                + ", ".join(missing or [COORDINATOR_EMAIL])
            )
        self.orgs = {key: found[slug] for key, slug in slugs.items()}
        self.people: dict[int, dict[str, list[User]]] = {}
        memberships = (
            Membership.objects.filter(organisation__in=found.values())
            .select_related("person")
            .order_by("pk")
        )
        for membership in memberships:
            self.people.setdefault(membership.organisation_id, {}).setdefault(
                membership.role, []
            ).append(membership.person)
        self.pathways = {p.slug: p for p in Pathway.objects.all()}
        self.governorates = {g.iso_code: g for g in Governorate.objects.all()}
        # The newsroom's volunteer translators (when its demo is loaded) translate messages too.
        self.translators: dict[str, User] = {}
        for translator in Translator.objects.select_related("person").order_by("pk"):
            self.translators.setdefault(translator.target_language, translator.person)

    # --- People -----------------------------------------------------------------------

    def person(self, org: Organisation, *roles: str) -> User:
        """The first person of the organisation holding one of these roles, in this order."""
        held = self.people.get(org.pk, {})
        for role in roles:
            if held.get(role):
                return held[role][0]
        return held[Membership.Role.ADMIN][0]

    def runner(self, org: Organisation) -> User:
        return self.person(org, Membership.Role.EDITOR, Membership.Role.ADMIN)

    def admin(self, org: Organisation) -> User:
        return self.person(org, Membership.Role.ADMIN)

    def ago(self, days: int, *, hours: tuple[int, int] = (1, 10)) -> datetime:
        return self.now - timedelta(
            days=days, hours=self.rng.randint(*hours), minutes=self.rng.randint(0, 59)
        )

    # --- Build ------------------------------------------------------------------------

    def build(self) -> dict:
        built: list[tuple[DemoCampaign, Campaign, list[tuple[DemoAction, Action]]]] = []
        for item in CAMPAIGNS:
            campaign, actions = self.campaign(item)
            built.append((item, campaign, actions))
        # Signatures last: no update is emailed to them, and the counters are set once.
        confirmed = pending = 0
        for item, _campaign, actions in built:
            for spec, action in actions:
                c, p = self.signatures(item, spec, action)
                confirmed, pending = confirmed + c, pending + p
        for item, campaign, actions in built:
            lead = self.orgs[item.org]
            for spec, action in actions:
                if spec.delivery:
                    self.deliver(lead, spec, action)
            if item.status in (WON, ENDED):
                services.set_outcome(by=self.runner(lead), campaign=campaign, status=item.status)
        statuses = [item.status for item in CAMPAIGNS]
        kinds = [spec.kind for item in CAMPAIGNS for spec in item.actions]
        return {
            "campaigns": len(CAMPAIGNS),
            "active": statuses.count(ACTIVE),
            "won": statuses.count(WON),
            "ended": statuses.count(ENDED),
            "proposed": statuses.count(PROPOSED),
            "actions": len(kinds),
            "petitions": kinds.count(PETITION),
            "letters": kinds.count(LETTER),
            "delivered": Action.objects.filter(status=Action.Status.DELIVERED).count(),
            "signatures": confirmed,
            "pending_signatures": pending,
            "endorsements": Endorsement.objects.count(),
            "endorsements_waiting": Endorsement.objects.filter(
                status=Endorsement.Status.REQUESTED
            ).count(),
            "messages": Message.objects.count(),
            "messages_waiting": Message.objects.filter(status=Message.Status.PENDING).count(),
        }

    def campaign(self, item: DemoCampaign) -> tuple[Campaign, list[tuple[DemoAction, Action]]]:
        lead = self.orgs[item.org]
        runner, admin = self.runner(lead), self.admin(lead)
        public = item.status != PROPOSED
        published = self.ago(item.days_ago)
        draft = services.CampaignDraft(
            title=item.title,
            story=item.story,
            original_language=item.language,
            summary=item.summary,
            demands=item.demands,
            strategy=item.strategy,
            pathways=[self.pathways[slug] for slug in item.pathways],
            governorates=[self.governorates[code] for code in item.governorates],
            starts_on=timezone.localtime(published).date() if public else None,
            ends_on=self.today + timedelta(days=item.ends_in_days)
            if item.ends_in_days is not None
            else None,
        )
        campaign = services.propose_campaign(by=runner, lead=lead, draft=draft)
        for language, (title, summary, story) in item.translations.items():
            campaign = services.translate_campaign(
                by=runner,
                campaign=campaign,
                language=language,
                title=title,
                summary=summary,
                story=story,
            )
        authorities = [
            services.add_authority(
                by=runner,
                campaign=campaign,
                kind=kind,
                name=name,
                governorate=self.governorates.get(code),
            )
            for kind, name, code in item.authorities
        ]
        if public:
            campaign = services.review_campaign(
                by=self.coordinator, campaign=campaign, approve=True
            )
            proposed = published - timedelta(
                days=self.rng.randint(2, 6), hours=self.rng.randint(0, 12)
            )
            Campaign.objects.filter(pk=campaign.pk).update(
                created_at=proposed,
                reviewed_at=published,
                published_at=published,
                updated_at=published,
            )
        else:
            Campaign.objects.filter(pk=campaign.pk).update(
                created_at=published, updated_at=published
            )
        campaign.refresh_from_db()

        for title, due_in, reached_ago in item.milestones:
            services.add_milestone(
                by=runner,
                campaign=campaign,
                title=title,
                due_on=self.today + timedelta(days=due_in),
                reached_on=self.today - timedelta(days=reached_ago)
                if reached_ago is not None
                else None,
            )
        for spec in item.indicators:
            indicator = services.add_indicator(
                by=runner,
                campaign=campaign,
                name=spec.name,
                unit=spec.unit,
                baseline=spec.baseline,
                target=spec.target,
                baseline_on=self.today - timedelta(days=spec.baseline_days_ago),
            )
            for days_ago, value, note in spec.measurements:
                services.record_measurement(
                    by=runner,
                    indicator=indicator,
                    measured_on=self.today - timedelta(days=days_ago),
                    value=value,
                    note=note,
                )
        if not public:
            return campaign, []

        for days_ago, language, title, body in item.updates:
            update = services.post_update(
                by=runner, campaign=campaign, title=title, body=body, language=language
            )
            Update.objects.filter(pk=update.pk).update(published_at=self.ago(days_ago))

        actions = []
        for spec in item.actions:
            opened = self.ago(spec.opened_days_ago)
            action = services.open_action(
                by=runner,
                campaign=campaign,
                draft=services.ActionDraft(
                    kind=spec.kind,
                    authority=authorities[spec.authority],
                    title=spec.title,
                    text=spec.text,
                    language=spec.language,
                    goal=spec.goal,
                    # A delivered action closes in the past: it was open until then (set below).
                    closes_at=self.now + timedelta(days=max(spec.closes_in_days, 1), hours=18),
                ),
            )
            Action.objects.filter(pk=action.pk).update(created_at=opened)
            action.refresh_from_db()
            actions.append((spec, action))

        for org_key, statement, accepted, days_ago in item.endorsements:
            organisation = self.orgs[org_key]
            endorsement = services.request_endorsement(
                by=self.admin(organisation),
                campaign=campaign,
                organisation=organisation,
                statement=statement,
            )
            asked = self.ago(days_ago)
            if accepted:
                services.decide_endorsement(by=admin, endorsement=endorsement, accept=True)
                decided = min(
                    self.now,
                    asked + timedelta(days=self.rng.randint(0, 3), hours=self.rng.randint(1, 20)),
                )
                Endorsement.objects.filter(pk=endorsement.pk).update(
                    created_at=asked, decided_at=decided
                )
            else:
                Endorsement.objects.filter(pk=endorsement.pk).update(created_at=asked)

        for spec in item.messages:
            self.message(campaign, lead, spec)
        return campaign, actions

    def message(self, campaign: Campaign, lead: Organisation, spec: DemoMessage) -> None:
        organisation = self.orgs[spec.org]
        author = self.person(organisation, spec.role)
        message = services.post_message(
            by=author,
            campaign=campaign,
            text=spec.text,
            language=spec.language,
            name=author.display_name,
            country=organisation.country.code,
            organisation=organisation if spec.on_behalf else None,
        )
        moderator = self.admin(lead)
        if spec.publish is not None:
            services.moderate_message(by=moderator, message=message, publish=spec.publish)
        for language, text in spec.translations.items():
            # A volunteer translator of the newsroom into that language, else the organisers.
            services.translate_message(
                by=self.translators.get(language, moderator),
                message=message,
                language=language,
                text=text,
            )
        written = self.ago(spec.days_ago)
        published = written + timedelta(hours=self.rng.randint(2, 30)) if spec.publish else None
        Message.objects.filter(pk=message.pk).update(
            created_at=written, published_at=min(published, self.now) if published else None
        )

    # --- Signatures -------------------------------------------------------------------

    def signatures(self, item: DemoCampaign, spec: DemoAction, action: Action) -> tuple[int, int]:
        """Confirmed signatures spread from the opening to the closing (or now), and a few
        waiting for confirmation; the counter is then set to the confirmed rows."""
        rng = self.rng
        start = action.created_at
        end = self.now - timedelta(minutes=5)
        if spec.closes_in_days < 0:
            end = self.now + timedelta(days=spec.closes_in_days)
        rows = []
        for index in range(spec.confirmed + spec.pending):
            confirmed = index < spec.confirmed
            name, email, country, governorate, language = self.signer(item, spec, action, index)
            moment = start + (end - start) * rng.betavariate(1.1, 1.6) if confirmed else None
            letter = ""
            if spec.kind == LETTER and spec.letters and rng.random() < 0.18:
                pool = (
                    spec.letters.get(language)
                    or spec.letters.get("en")
                    or next(iter(spec.letters.values()))
                )
                letter = rng.choice(pool)
            rows.append(
                Signature(
                    action=action,
                    name=name,
                    email=email,
                    email_key=services.email_key(email),
                    country=country,
                    governorate=governorate,
                    show_name=rng.random() < 0.62,
                    keep_informed=rng.random() < 0.4,
                    letter=letter,
                    language=language,
                    status=Signature.Status.CONFIRMED if confirmed else Signature.Status.PENDING,
                    nonce=f"{rng.getrandbits(64):016x}",
                    confirmed_at=moment,
                )
            )
        Signature.objects.bulk_create(rows, batch_size=2000)
        signed = Signature.objects.filter(action=action)
        # The confirmation email took a few minutes to be opened.
        signed.filter(status=Signature.Status.CONFIRMED).update(
            created_at=F("confirmed_at") - timedelta(minutes=7)
        )
        count = signed.filter(status=Signature.Status.CONFIRMED).count()
        Action.objects.filter(pk=action.pk).update(signature_count=count)
        services.rebuild_tallies(action)  # the momentum chart's daily counts
        return count, spec.pending

    def signer(self, item: DemoCampaign, spec: DemoAction, action: Action, index: int):
        rng = self.rng
        if rng.random() < spec.abroad:
            country = rng.choices(
                [c for c, _w in ABROAD_COUNTRIES], weights=[w for _c, w in ABROAD_COUNTRIES]
            )[0]
            governorate = None
            if rng.random() < 0.2:  # Iraqis and Kurds abroad
                tradition = rng.choice(["arabic", "arabic", "sorani", "kurmanji"])
                firsts, lasts = FIRST_NAMES[tradition], LAST_NAMES[tradition]
                language = TRADITION_LANGUAGE[tradition]
            elif country == "IT":
                firsts, lasts = FIRST_NAMES["italian"], LAST_NAMES["italian"]
                language = "it"
            else:
                firsts, lasts = ABROAD_NAMES[country]
                language = "en"
        else:
            country = "IQ"
            codes = item.governorates if rng.random() < 0.8 else list(self.governorates)
            code = rng.choice(codes)
            governorate = self.governorates[code]
            tradition = KURDISH_GOVERNORATES.get(code, "arabic")
            if code == "IQ-KI":
                tradition = rng.choice(["arabic", "sorani"])
            elif code == "IQ-NI" and rng.random() < 0.35:  # Yazidi families of Sinjar
                tradition = "kurmanji"
            firsts, lasts = FIRST_NAMES[tradition], LAST_NAMES[tradition]
            language = TRADITION_LANGUAGE[tradition]
        (first, first_shown), (last, last_shown) = rng.choice(firsts), rng.choice(lasts)
        email = f"{first}.{last}.{action.pk}-{index}@{rng.choice(EMAIL_DOMAINS)}"
        return f"{first_shown} {last_shown}", email, country, governorate, language

    def deliver(self, lead: Organisation, spec: DemoAction, action: Action) -> None:
        """The organisers closed the action and handed the signatures over; the authority answered."""
        runner = self.runner(lead)
        days_ago, delivered_to, response = spec.delivery
        action = services.close_action(by=runner, action=action)
        services.record_delivery(
            by=runner,
            action=action,
            delivered_on=self.today - timedelta(days=days_ago),
            delivered_to=delivered_to,
            response=response,
        )
        Action.objects.filter(pk=action.pk).update(
            closes_at=self.now + timedelta(days=spec.closes_in_days)
        )
