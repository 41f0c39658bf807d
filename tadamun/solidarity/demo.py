"""The demo solidarity: realistic but entirely FICTIONAL opportunities, needs, offers and
introductions of the demo network.

`load_demo_solidarity()` deletes every opportunity (with its applications), need, offer,
introduction, suggestion, matching profile and security note, and builds them again through
the solidarity services, acting as the demo organisations' editors and administrators and as
the demo coordinator, so that they obey the same rules as real ones:

- the coordinator's security notes: Nineveh and Anbar restricted, Diyala suspended (an
  opportunity that takes people there is left out of search), the other governorates open;
- opportunities of every kind, written in Arabic, Sorani, Kurmanji, English and Italian, with
  applications and expressions of interest shortlisted, accepted or declined with a message;
- needs of Iraqi organisations and offers of international (and a few Iraqi) ones, tagged with
  the shared vocabulary of skills, some of which genuinely match (the Shatt al-Arab Water Rights
  Network of Basra needs water research and media training, which the Italian Tigris and
  Euphrates Solidarity Network offers; that suggestion is left for the visitor to act on);
- every organisation's suggested counterparts, computed by `matching.rebuild_all()`;
- introductions accepted by both sides (between Iraqi governorates and Italy, the Netherlands,
  Switzerland, Spain, Belgium, Jordan, Lebanon, and between the Kurdistan Region and federal
  Iraq), waiting for an answer, declined, and one proposed by the coordinator.

No person, contact, project, course or answer here is real; the places and the UN and EU
institutions named are. Contacts use the reserved example.org domain. No email is queued for
the fictional people. Load the demo network first (`manage.py demo` does both).
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass, field, replace
from datetime import timedelta
from unittest import mock

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from tadamun.accounts.models import User
from tadamun.core.demo import quiet_log
from tadamun.network.demo import (
    _SILENT_TASKS,
    COORDINATOR_EMAIL,
    DIAL_CODES,
    FIRST_NAMES,
    LAST_NAMES,
    ORGANISATIONS,
    _no_email,
    _people_of,
    demo_slug,
)
from tadamun.network.models import Governorate, Membership, Organisation, WorkingLanguage
from tadamun.pathways.models import Pathway

from . import matching, queries, services
from .models import (
    Application,
    Introduction,
    Need,
    Offer,
    Opportunity,
    Profile,
    SecurityLevel,
    SecurityNote,
    Skill,
    Suggestion,
)

K = Opportunity.Kind
S = Application.Status
APPLY, INTEREST = Application.Kind.APPLICATION, Application.Kind.INTEREST
ADMIN, EDITOR, MEMBER = Membership.Role.ADMIN, Membership.Role.EDITOR, Membership.Role.MEMBER
ACCEPTED, PENDING, DECLINED = Introduction.Status.ACCEPTED, Introduction.Status.PENDING, Introduction.Status.DECLINED


@dataclass
class DemoNote:
    governorate: str  # ISO 3166-2 code
    level: str
    note: str
    notes: dict[str, str] = field(default_factory=dict)


@dataclass
class DemoApplication:
    org: str  # key of the applicant's organisation (tadamun.network.demo.ORGANISATIONS)
    role: str  # the applicant's role in it (its administrator when it has no one in that role)
    on_behalf: bool  # for the organisation, or for themselves
    kind: str
    message: str
    status: str  # what the publisher decided (SUBMITTED: not yet)
    answer: str = ""
    days_ago: int = 3


@dataclass
class DemoOpportunity:
    org: str
    kind: str
    language: str
    title: str
    description: str
    how_to_apply: str
    pathways: list[str]
    languages: list[str]
    governorates: list[str] = field(default_factory=list)
    remote: bool = False
    travel: bool = False  # takes people to the governorates listed
    starts_in: int | None = None  # days from today
    lasts: int | None = None  # days
    apply_in: int | None = None  # days from today to the date to apply by
    places: int | None = None
    days_ago: int = 10  # published that many days ago
    applications: list[DemoApplication] = field(default_factory=list)
    closed: bool = False  # closed by its publisher after the applications
    expired: int | None = None  # its date to apply by passed that many days ago


@dataclass
class DemoContribution:
    org: str
    language: str
    title: str
    description: str
    skills: list[str]  # slugs of the vocabulary
    pathways: list[str]
    governorates: list[str]
    days_ago: int = 20


@dataclass
class DemoIntroduction:
    requester: str  # the organisation that asks (or, proposed by the coordinator, the first)
    counterpart: str
    message: str
    outcome: str  # ACCEPTED, PENDING or DECLINED
    answer: str = ""  # the counterpart's words when it answers
    days_ago: int = 30  # asked that many days ago
    answered_after: int = 3  # days
    by_coordinator: bool = False


# fmt: off
SECURITY_NOTES: list[DemoNote] = [
    DemoNote(
        "IQ-NI", SecurityLevel.RESTRICTED,
        "Travel to Nineveh, Mosul and Sinjar included, only with a host member organisation that meets visitors "
        "on arrival and plans every movement. Checkpoints between Duhok and Sinjar may ask for a letter of "
        "invitation: carry one in Arabic and in Kurdish. Send your itinerary to the coordinators before you leave, "
        "and check in with your host every evening.",
        {
            "ar": "السفر إلى نينوى، ومنها الموصل وسنجار، ممكن فقط مع منظمة عضو مضيفة تستقبل الزوار عند وصولهم وتخطط لكل تنقّل. "
                  "قد تطلب نقاط التفتيش بين دهوك وسنجار رسالة دعوة: احملوا واحدة بالعربية وأخرى بالكردية. أرسلوا خط سيركم إلى "
                  "المنسقين قبل السفر، وتواصلوا مع الجهة المضيفة كل مساء.",
            "ckb": "گەشتکردن بۆ نەینەوا، لەوانە موسڵ و شنگال، تەنها لەگەڵ ڕێکخراوێکی ئەندامی میواندار دەکرێت کە لە کاتی گەیشتندا "
                   "پێشوازی لە میوانەکان دەکات و هەموو جووڵەیەک پلان دەکات. لەوانەیە خاڵەکانی پشکنین لە نێوان دهۆک و شنگال داوای "
                   "نامەی بانگهێشت بکەن: نامەیەک بە عەرەبی و یەکێک بە کوردی هەڵبگرن. پێش ڕۆیشتن خشتەی گەشتەکەتان بۆ هەماهەنگکاران "
                   "بنێرن و هەموو ئێوارەیەک پەیوەندی بە میواندارەکەتانەوە بکەن.",
            "kmr": "Çûna Neynewayê, bi Mûsil û Şengalê ve, tenê bi rêxistineke endam a mazûvan re dibe ku mêvanan di gihîştinê de "
                   "pêşwazî dike û her tevgerê plan dike. Dibe ku xalên kontrolê yên di navbera Dihok û Şengalê de nameya vexwendinê "
                   "bixwazin: yekê bi erebî û yekê bi kurdî bi xwe re hilgirin. Berî çûnê rêwîtiya xwe ji koordînatoran re bişînin, "
                   "û her êvar bi mazûvanê xwe re têkilî daynin.",
            "it": "Nel governatorato di Ninive, Mosul e Sinjar comprese, si viaggia solo con un'organizzazione membro che ospita, "
                  "accoglie i visitatori all'arrivo e pianifica ogni spostamento. Ai posti di controllo tra Duhok e Sinjar può essere "
                  "chiesta una lettera d'invito: portatene una in arabo e una in curdo. Inviate il vostro itinerario ai coordinatori "
                  "prima di partire e sentite chi vi ospita ogni sera.",
        },
    ),
    DemoNote(
        "IQ-AN", SecurityLevel.RESTRICTED,
        "Travel to Anbar only by day, on the Baghdad–Fallujah–Ramadi highway and with a host member organisation; "
        "no travel to the western districts (Al-Qa'im, Rutba) or on the desert roads. Tell the coordinators your "
        "dates at least a week ahead.",
        {
            "ar": "السفر إلى الأنبار نهاراً فقط، على الطريق السريع بغداد–الفلوجة–الرمادي، وبرفقة منظمة عضو مضيفة؛ ولا سفر إلى "
                  "الأقضية الغربية (القائم والرطبة) ولا على طرق الصحراء. أبلغوا المنسقين بمواعيدكم قبل أسبوع على الأقل.",
            "it": "Nell'Anbar si viaggia solo di giorno, sull'autostrada Baghdad–Falluja–Ramadi e con un'organizzazione membro che "
                  "ospita; niente viaggi nei distretti occidentali (al-Qa'im, Rutba) né sulle strade del deserto. Comunicate le "
                  "date ai coordinatori almeno una settimana prima.",
        },
    ),
    DemoNote(
        "IQ-DI", SecurityLevel.SUSPENDED,
        "Travel suspended: after renewed attacks on the roads between Baqubah, Muqdadiyah and Khanaqin, the "
        "coordinators ask member organisations not to bring visitors to Diyala for now. Opportunities that take "
        "people there take no applications while this note stands; it is reviewed every two weeks. The "
        "organisations based in Diyala carry on their work, and the network keeps in touch with them.",
        {
            "ar": "السفر معلّق: بعد تجدد الهجمات على الطرق بين بعقوبة والمقدادية وخانقين، يطلب المنسقون من المنظمات الأعضاء ألّا "
                  "تصطحب زواراً إلى ديالى في الوقت الحاضر. الفرص التي تأخذ الناس إلى هناك لا تقبل طلبات ما دامت هذه الملاحظة "
                  "قائمة، وتُراجَع كل أسبوعين. تواصل المنظمات العاملة في ديالى عملها، وتبقى الشبكة على تواصل معها.",
            "ckb": "گەشتکردن ڕاگیراوە: دوای هێرشە نوێیەکان لەسەر ڕێگاکانی نێوان بەعقووبە و موقدادیە و خانەقین، هەماهەنگکاران "
                   "داوا لە ڕێکخراوە ئەندامەکان دەکەن کە لە ئێستادا میوان نەبەنە دیالە. ئەو دەرفەتانەی خەڵک دەبەنە ئەوێ، تا ئەم "
                   "تێبینییە بمێنێت هیچ داواکارییەک وەرناگرن؛ هەموو دوو هەفتە جارێک پێداچوونەوەی بۆ دەکرێت.",
            "it": "Viaggi sospesi: dopo nuovi attacchi sulle strade tra Baquba, Muqdadiya e Khanaqin, i coordinatori chiedono alle "
                  "organizzazioni membro di non portare visitatori nel governatorato di Diyala per ora. Le opportunità che vi portano "
                  "persone non accettano candidature finché questa nota resta in vigore; viene riesaminata ogni due settimane.",
        },
    ),
]

OPPORTUNITIES: list[DemoOpportunity] = [
    # --- Joint projects -----------------------------------------------------------------
    DemoOpportunity(
        "tigri-eufrate", K.JOINT_PROJECT, "it",
        "Mappa aperta della salinità dello Shatt al-Arab: cerchiamo tre partner iracheni",
        """La Rete di solidarietà Tigri ed Eufrate cerca tre associazioni o gruppi del sud dell'Iraq per un progetto di due anni: una mappa aperta, aggiornata ogni mese, della salinità e della qualità dell'acqua lungo lo Shatt al-Arab, l'Eufrate e le paludi.

- I partner iracheni raccolgono i campioni con i propri volontari e decidono che cosa pubblicare.
- Noi mettiamo a disposizione i kit di analisi, una ricercatrice idrologa volontaria (a distanza) e la traduzione tra arabo, italiano e inglese.
- I dati restano dei partner e sono pubblicati con una licenza aperta.

Il progetto si svolge a distanza: nessuno deve viaggiare.""",
        "Scriveteci in arabo, in inglese o in italiano: chi siete, dove lavorate e quanti volontari potete coinvolgere.",
        ["heritage-environment"], ["it", "ar", "en"], ["IQ-BA", "IQ-DQ", "IQ-MA"], remote=True,
        starts_in=45, lasts=730, apply_in=30, places=3, days_ago=12,
        applications=[
            DemoApplication(
                "kahla-marshes", ADMIN, True, APPLY,
                "نحن مجموعة من أبناء الأهوار في العمارة، ولدينا خمسة عشر متطوعاً يجمعون عينات الماء من هور الكحلاء منذ سنتين. "
                "نريد أن تكون بياناتنا جزءاً من الخريطة، وأن نتعلم كيف نقرأها مع الباحثة.",
                S.ACCEPTED, "Benvenuti nel progetto! Vi scriviamo questa settimana per fissare la prima riunione online, con interpretazione in arabo.",
                days_ago=9,
            ),
            DemoApplication(
                "voice-of-marshes", EDITOR, True, APPLY,
                "إذاعتنا في الجبايش تستطيع أن تنشر نتائج الخريطة كل شهر بلغة يفهمها الناس، ولدينا مراسلون في الأهوار يمكنهم جمع العينات.",
                S.SHORTLISTED, days_ago=7,
            ),
            DemoApplication(
                "env-engineers", ADMIN, True, INTEREST,
                "Our engineers could review the sampling protocol and calibrate the kits before the first round of tests.",
                S.SUBMITTED, days_ago=2,
            ),
        ],
    ),
    DemoOpportunity(
        "sinjar-homecoming", K.JOINT_PROJECT, "kmr",
        "Projeya hevbeş: arşîva dengî ya malbatên ku vedigerin Şengalê",
        """Em li rêxistinekê digerin ku bi me re arşîveke dengî ava bike: çîrokên malbatên êzidî yên ku ji kampên Dihokê vedigerin gund û bajarên Şengalê, bi dengê wan bi xwe.

- Em hevpeyvînan li Şengalê û li kampan dikin, bi kurmancî û bi erebî.
- Hevkarê me alîkariya rêbazên dîroka devkî, parastina daneyan û wergerê dike.
- Endamên hevkar du caran serdana Şengalê dikin, bi me re û li gorî plana ewlehiyê.

Tenê ew çîrok têne weşandin ku xwediyên wan razî ne.""",
        "Bi kurmancî, erebî an îngilîzî ji me re binivîsin: hûn kî ne, û we berê bi dîroka devkî re çi kiriye.",
        ["minorities", "peacebuilding"], ["kmr", "ar", "en"], ["IQ-NI", "IQ-DA"], travel=True,
        starts_in=60, lasts=365, apply_in=40, places=1, days_ago=20,
        applications=[
            DemoApplication(
                "heritage-partnership", ADMIN, True, APPLY,
                "We have recorded oral histories in Mosul's old city since 2019; we can train interviewers, keep the recordings "
                "safe and help with the English translation.",
                S.ACCEPTED, "Spas ji bo peyama we! Em ê vê hefteyê ji bo civîna yekem û plana serdanê ji we re binivîsin.", days_ago=17,
            ),
            DemoApplication(
                "istanbul-refugees", EDITOR, True, INTEREST,
                "Many Yazidi families we support in Turkey ask about going back to Sinjar; we would like their voices in the archive too.",
                S.DECLINED,
                "Spas ji bo peyama we. Cihê hevkar niha hatiye dagirtin, lê em dixwazin di qonaxa duyem de dengên malbatên li "
                "Tirkiyeyê jî bigirin: em ê dîsa ji we re binivîsin.",
                days_ago=15,
            ),
        ],
    ),
    DemoOpportunity(
        "kurdistan-construction", K.JOINT_PROJECT, "ckb",
        "پرۆژەی هاوبەش: سەلامەتیی کرێکاران لە شوێنەکانی بیناسازی",
        """سەندیکای کرێکارانی بیناسازیی کوردستان بە دوای سەندیکایەکی نێودەوڵەتیدا دەگەڕێت بۆ پرۆژەیەکی یەک ساڵە دەربارەی سەلامەتیی کار لە شوێنەکانی بیناسازی لە سلێمانی و هەولێر.

- ڕاهێنانی نوێنەرانی سەلامەتی لە نێو کرێکاراندا؛
- تۆمارکردنی ڕووداوەکانی کار و بڵاوکردنەوەی ڕاپۆرتێکی ساڵانە؛
- داواکردن لە وەزارەتی کار بۆ پشکنینی ڕاستەقینە لە شوێنەکانی کار.

کۆبوونەوەکان بە کوردی و عەرەبی دەبن، لەگەڵ وەرگێڕان بۆ ئینگلیزی.""",
        "بە کوردی، عەرەبی یان ئینگلیزی بۆمان بنووسن: سەندیکاکەتان کێیە و چ ئەزموونێکی لە سەلامەتیی کاردا هەیە.",
        ["economic-social-rights"], ["ckb", "ar", "en"], ["IQ-SU", "IQ-AR"],
        starts_in=30, lasts=365, apply_in=25, places=2, days_ago=16,
        applications=[
            DemoApplication(
                "workers-twinning", ADMIN, True, APPLY,
                "The construction unions of our network in Gothenburg have trained safety representatives for forty years; two of our "
                "trainers could come to Sulaymaniyah twice a year.",
                S.ACCEPTED, "زۆر سوپاس! بەخێربێن بۆ پرۆژەکە. لە کۆبوونەوەی یەکەمدا خشتەی ڕاهێنانەکان دادەنێین.", days_ago=13,
            ),
            DemoApplication(
                "sindacati-in-rete", EDITOR, True, INTEREST,
                "Il sindacato edile della nostra rete a Genova segue da anni la sicurezza nei cantieri: vorremmo partecipare, almeno con una formazione online.",
                S.SHORTLISTED, days_ago=11,
            ),
        ],
    ),
    # --- Capacity building --------------------------------------------------------------
    DemoOpportunity(
        "geneva-defenders", K.CAPACITY_BUILDING, "en",
        "Online course: bringing cases to the UN special procedures",
        """Six online sessions for Iraqi defenders, lawyers and families of the disappeared who want to send information to the UN special rapporteurs and working groups.

- How the special procedures work, and which of them follow Iraq.
- Writing a submission: the facts, consent, and the safety of the people named.
- Following up: urgent appeals, communications, and the Human Rights Council's sessions.

Sessions in English with Arabic interpretation, on Tuesday evenings (Baghdad time). Fifteen places; two per organisation at most.""",
        "Apply in Arabic or English: tell us about the cases you follow (no names) and what you hope to bring to the UN.",
        ["human-rights-defenders"], ["en", "ar"], remote=True,
        starts_in=21, lasts=42, apply_in=14, places=15, days_ago=18,
        applications=[
            DemoApplication(
                "hilla-mothers", ADMIN, True, APPLY,
                "نحن أمهات المغيّبين في الحلة. نريد أن نتعلم كيف نرسل ملفات أبنائنا إلى الفريق الأممي المعني بحالات الاختفاء القسري.",
                S.ACCEPTED, "Welcome to the course. An interpreter will be with you in every session; the link comes a week before the first one.",
                days_ago=16,
            ),
            DemoApplication(
                "detainee-lawyers", ADMIN, True, APPLY,
                "يتابع محامو شبكتنا أكثر من مئتي ملف لمعتقلين بلا محاكمة، ونريد أن نرسل أخطر الحالات إلى المقرر الخاص المعني بالتعذيب.",
                S.ACCEPTED, "Welcome: we will ask you to present one anonymised case in the fourth session.", days_ago=14,
            ),
            DemoApplication(
                "haboubi-circle", EDITOR, False, APPLY,
                "أنا ناشط من الناصرية، اعتُقل ثلاثة من أصدقائي بعد احتجاجات تشرين، وأريد أن أتعلم كيف نوثّق حالاتهم ونرسلها.",
                S.SHORTLISTED, days_ago=6,
            ),
            DemoApplication(
                "tahrir-assembly", ADMIN, False, INTEREST,
                "I coordinate the legal committee of the assembly and would like to follow the course, even as an observer.",
                S.SUBMITTED, days_ago=1,
            ),
        ],
    ),
    DemoOpportunity(
        "kani-magazine", K.CAPACITY_BUILDING, "ckb",
        "خولی ڕۆژنامەنووسیی لێکۆڵینەوەیی بۆ ڕۆژنامەنووسانی گەنج",
        """گۆڤاری سەربەخۆی کانی خولێکی دوو هەفتەیی لە سلێمانی ڕێک دەخات بۆ ڕۆژنامەنووسانی گەنجی ڕێکخراوە ئەندامەکان، لە هەموو ناوچەکانی عێراقەوە.

- دۆزینەوەی بەڵگەنامە و خوێندنەوەی گرێبەستە گشتییەکان؛
- پاراستنی سەرچاوەکان و ئاسایشی دیجیتاڵی؛
- نووسینی چیرۆکێک و بڵاوکردنەوەی لە گۆڤارەکەدا.

وانەکان بە کوردی و عەرەبی دەبن. نیشتەجێبوون و خەرجیی گەشت بۆ بەشداربووانی دەرەوەی هەرێم دابین دەکرێت.""",
        "بە کوردی یان عەرەبی بۆمان بنووسن و دوو بابەتی بڵاوکراوەتان بنێرن.",
        ["democracy", "human-rights-defenders"], ["ckb", "ar"], ["IQ-SU"],
        starts_in=35, lasts=14, apply_in=18, places=8, days_ago=14,
        applications=[
            DemoApplication(
                "hadba-newsroom", ADMIN, True, APPLY,
                "ترشّح غرفة أخبار الحدباء صحفيتين شابتين تعملان على ملف إعادة إعمار الموصل القديمة وعقود المقاولين.",
                S.ACCEPTED, "بەخێربێن بۆ سلێمانی! نامەی بانگهێشت و زانیاریی نیشتەجێبوون بۆتان دەنێرین.", days_ago=10,
            ),
            DemoApplication(
                "anbar-voices", ADMIN, False, APPLY,
                "أعمل منتجاً في بودكاست أصوات الأنبار، وأريد أن أتعلم كيف أتحقق من عقود إعادة الإعمار في الفلوجة.",
                S.SHORTLISTED, days_ago=8,
            ),
        ],
    ),
    DemoOpportunity(
        "beirut-media-hub", K.CAPACITY_BUILDING, "en",
        "Mobile journalism bootcamp (online): filming, verifying, publishing safely",
        """Four weeks online for reporters of independent media and community newsrooms: filming with a phone, verifying footage before it spreads, and publishing without exposing sources.

Sessions in English and Arabic, twice a week. Each participant publishes one short video report at the end.""",
        "Send two links to your published work and a few lines on the story you want to tell.",
        ["democracy", "human-rights-defenders"], ["en", "ar"], remote=True,
        starts_in=-20, lasts=28, apply_in=-30, places=10, days_ago=60, closed=True,
        applications=[
            DemoApplication(
                "basra-investigations", ADMIN, True, APPLY,
                "مكتبنا ينشر تحقيقات مكتوبة عن عقود النفط والكهرباء في البصرة، ونريد أن نبدأ بالتقارير المصورة القصيرة.",
                S.ACCEPTED, "Welcome aboard: the first session is on Monday at 6 pm Baghdad time.", days_ago=55,
            ),
            DemoApplication(
                "voice-of-marshes", ADMIN, False, APPLY,
                "I present the morning programme of Voice of the Marshes Radio and would like to learn to film our reports on the marshes.",
                S.DECLINED,
                "Thank you for applying. This bootcamp is built for reporters who publish video; your radio work would fit our audio "
                "storytelling course in the spring better, and we will write to you when it opens.",
                days_ago=54,
            ),
        ],
    ),
    # --- Internships --------------------------------------------------------------------
    DemoOpportunity(
        "tigris-defenders", K.INTERNSHIP, "ar",
        "تدريب داخلي في بغداد: توثيق التهديدات ضد المدافعين عن حقوق الإنسان",
        """يستقبل مركز دجلة متدرباً أو متدربتين لمدة ثلاثة أشهر في مكتبه في بغداد، للعمل مع فريق التوثيق:

- تنظيم قاعدة بيانات التهديدات والاعتداءات (بأسماء مرمّزة)؛
- ترجمة التقارير الشهرية إلى الإنكليزية؛
- المشاركة في تدريبات الأمان الرقمي للمدافعين.

نفضّل من يتكلم العربية ويكتب الإنكليزية جيداً. السكن في بيت الضيافة التابع للمركز، ويرافق فريقنا المتدربين في كل تنقل.""",
        "أرسلوا رسالة قصيرة بالعربية أو الإنكليزية تشرح تجربتكم ولماذا تريدون العمل في التوثيق.",
        ["human-rights-defenders"], ["ar", "en"], ["IQ-BG"], travel=True,
        starts_in=70, lasts=90, apply_in=35, places=2, days_ago=9,
        applications=[
            DemoApplication(
                "mesopotamia-diritti", EDITOR, False, APPLY,
                "Studio diritti umani a Bologna e parlo arabo: vorrei fare il tirocinio con il vostro gruppo di documentazione per tre mesi.",
                S.ACCEPTED, "أهلاً بك في بغداد! سنرسل لك رسالة الدعوة وتفاصيل السكن خلال الأسبوع.", days_ago=6,
            ),
            DemoApplication(
                "collectif-mesopotamie", ADMIN, False, APPLY,
                "I am a French-Iraqi law graduate; I write English and French and I have translated reports on detention for our collective.",
                S.SHORTLISTED, days_ago=4,
            ),
        ],
    ),
    DemoOpportunity(
        "water-justice-lab", K.INTERNSHIP, "en",
        "Remote research internship: water quality data of southern Iraq",
        """Three months, part time and remote: clean and map the water quality measurements that member organisations collect in Basra, Dhi Qar and Maysan, and write a short public brief with our researchers.

Good for a student of environmental engineering or data science who reads Arabic.""",
        "Tell us about your studies and send one piece of work with data (a report, a map, a notebook).",
        ["heritage-environment"], ["en", "ar"], remote=True,
        starts_in=10, lasts=90, apply_in=10, places=1, days_ago=40, expired=5,
        applications=[
            DemoApplication(
                "samawa-green-belt", ADMIN, False, APPLY,
                "أدرس الهندسة البيئية في جامعة المثنى، وأتطوع في حملات التشجير منذ ثلاث سنوات، وأعرف العمل على الخرائط.",
                S.ACCEPTED, "Congratulations: you start with us in ten days. We will send the data and the tools beforehand.", days_ago=30,
            ),
            DemoApplication(
                "env-engineers", MEMBER, False, APPLY,
                "Environmental engineer in Baghdad, I analyse drinking water samples for the municipality and would like to work on open data.",
                S.DECLINED,
                "Thank you for your application. We chose a student for this round; we would be glad to have you review the public brief "
                "before it is published.",
                days_ago=29,
            ),
        ],
    ),
    # --- Cultural exchanges -------------------------------------------------------------
    DemoOpportunity(
        "euphrates-bridge", K.CULTURAL_EXCHANGE, "en",
        "Youth exchange Leipzig–Nasiriyah: street art and memory",
        """Ten young people from Leipzig travel to Nasiriyah for ten days in the spring, and ten young people from Dhi Qar come to Leipzig in the autumn. Together they paint the walls of a school, record the stories of their neighbourhoods, and show them in both cities.

We cover travel, visas and lodging. Interpretation between Arabic, German and English throughout.""",
        "Organisations apply for a group of their young people (18 to 25), or young people apply for themselves.",
        ["youth", "peacebuilding"], ["en", "ar", "de"], ["IQ-DQ"], travel=True,
        starts_in=90, lasts=10, apply_in=50, places=20, days_ago=7,
        applications=[
            DemoApplication(
                "haboubi-circle", ADMIN, True, APPLY,
                "حلقة شباب ساحة الحبوبي تستطيع أن تستقبل المجموعة في الناصرية، ولدينا رسامون شباب يرسمون على جدران المدينة منذ ٢٠١٩.",
                S.ACCEPTED, "Wonderful: you will host the group with us. We will plan the ten days together in our next call.", days_ago=5,
            ),
            DemoApplication(
                "diwaniyah-bikes", ADMIN, True, INTEREST,
                "نحن فتيات الدراجات في الديوانية، ونحب أن تشارك أربع منا في التبادل إن كانت هناك أماكن للفتيات من محافظات أخرى.",
                S.SUBMITTED, days_ago=2,
            ),
        ],
    ),
    DemoOpportunity(
        "hamrin-dialogue", K.CULTURAL_EXCHANGE, "ar",
        "مخيم صيفي للتبادل الثقافي في خانقين: موسيقى وحكايات من ديالى",
        """يدعو مركز حمرين شباباً من العراق ومن المنظمات الدولية الأعضاء إلى مخيم صيفي لمدة أسبوع في خانقين: ورش موسيقى عربية وكردية وتركمانية، وجلسات حكايات مع كبار السن، وحفلة ختامية في السوق القديم.

يتكفل المركز بالسكن والطعام، ونطلب من المنظمات الدولية تغطية تذاكر السفر.""",
        "اكتبوا إلينا بالعربية أو الكردية أو الإنكليزية.",
        ["peacebuilding", "youth"], ["ar", "ckb", "en"], ["IQ-DI"], travel=True,
        starts_in=75, lasts=7, apply_in=45, places=30, days_ago=25,
    ),
    # --- Calls for volunteers -----------------------------------------------------------
    DemoOpportunity(
        "shatt-water", K.VOLUNTEER_CALL, "ar",
        "مطلوب متطوعون لفحص مياه الإسالة في أبي الخصيب وشط العرب",
        """نبحث عن عشرة متطوعين ومتطوعات من البصرة ينضمون إلى فرق الفحص الشهرية:

- يوم سبت واحد كل شهر، من الصباح حتى الظهر؛
- ندرّبكم على أخذ العينات وقياس الملوحة والكلور؛
- تُنشر النتائج باسم الشبكة، ولا تُنشر أسماء المتطوعين أبداً.

لا نحتاج إلى خبرة سابقة، فقط الالتزام والدقة.""",
        "أرسلوا رسالة قصيرة: الحي الذي تسكنون فيه، وأي سبت يناسبكم.",
        ["heritage-environment"], ["ar"], ["IQ-BA"],
        places=10, days_ago=5,
        applications=[
            DemoApplication(
                "housing-right", ADMIN, False, APPLY,
                "أسكن في حي الحيانية، وجيراني يشترون ماء الشرب من السيارات الحوضية. أريد أن أتعلم الفحص وأن أنقل النتائج إلى أهل الحي.",
                S.ACCEPTED, "أهلاً بك معنا! أول سبت فحص بعد أسبوعين، وسنتواصل معك لتحديد المكان.", days_ago=4,
            ),
            DemoApplication(
                "rumaila-oil", EDITOR, False, APPLY,
                "أعمل فنياً في حقل الرميلة وأستطيع أن أتطوع في أيام العطلة، ولدي خبرة في قياس ملوحة المياه المصاحبة.",
                S.SHORTLISTED, days_ago=3,
            ),
            DemoApplication(
                "basra-investigations", EDITOR, False, INTEREST,
                "I would like to join one testing day to understand the method before we report on the results.",
                S.SUBMITTED, days_ago=1,
            ),
        ],
    ),
    DemoOpportunity(
        "sindacati-in-rete", K.VOLUNTEER_CALL, "it",
        "Cercasi volontari: traduzione arabo–italiano per il gemellaggio tra sindacati",
        """Il gemellaggio tra i portuali di Genova e quelli di Umm Qasr cresce: ogni mese ci scambiamo lettere, contratti e resoconti delle assemblee. Cerchiamo cinque volontarie e volontari che traducano dall'arabo all'italiano e viceversa, qualche ora al mese, da casa.""",
        "Scriveteci due righe su di voi e sulle lingue che conoscete.",
        ["economic-social-rights"], ["it", "ar"], remote=True,
        apply_in=60, places=5, days_ago=22,
        applications=[
            DemoApplication(
                "diaspora-women", EDITOR, False, APPLY,
                "Sono irachena e vivo a Berlino; traduco dall'arabo all'italiano per una cooperativa e vorrei dare qualche ora al mese al gemellaggio.",
                S.ACCEPTED, "Grazie di cuore! Ti mandiamo il primo resoconto da tradurre la settimana prossima.", days_ago=18,
            ),
        ],
    ),
]

NEEDS: list[DemoContribution] = [
    DemoContribution(
        "shatt-water", "ar", "بحث علمي عن ملوحة مياه شط العرب وأسبابها",
        "نفحص الماء كل شهر في أربعين بيتاً، لكننا نحتاج إلى باحثين يساعدوننا على تحليل بيانات سنتين من الفحوص، وفهم أثر السدود "
        "وتقدّم اللسان الملحي من الخليج، وكتابة تقرير علمي نقدمه إلى دائرة ماء البصرة.",
        ["research-on-water-and-environment", "research-and-data-analysis"], ["heritage-environment"], ["IQ-BA"], days_ago=30,
    ),
    DemoContribution(
        "shatt-water", "ar", "تدريب على الإعلام لإيصال نتائج فحوص الماء إلى الناس",
        "نريد أن يتعلم متطوعونا كيف يحوّلون أرقام الفحوص إلى قصص وصور وفيديوهات قصيرة، وكيف يتعاملون مع الصحفيين والقنوات المحلية "
        "من دون أن يعرّضوا أنفسهم للخطر.",
        ["media-and-communication"], ["heritage-environment"], ["IQ-BA"], days_ago=28,
    ),
    DemoContribution(
        "tigris-defenders", "ar", "محامون لمرافقة المدافعين المعتقلين",
        "يُعتقل ناشطون وصحفيون بتهم فضفاضة، وتمضي أيام قبل أن يصل إليهم محامٍ. نحتاج إلى دعم قانوني: محامين متطوعين، ومشورة في "
        "القانون الدولي، وتوثيق منهجي للانتهاكات يمكن تقديمه إلى المحاكم وإلى الأمم المتحدة.",
        ["legal-support-for-human-rights-defenders", "documentation-of-human-rights-violations"], ["human-rights-defenders"],
        ["IQ-BG", "IQ-WA"], days_ago=60,
    ),
    DemoContribution(
        "hilla-mothers", "ar", "مناصرة لدى هيئات الأمم المتحدة من أجل أبنائنا المغيّبين",
        "لدينا ملفات أكثر من ثمانين شاباً مغيّباً منذ سنوات. نحتاج إلى من يساعدنا على تقديمها إلى الفريق العامل المعني بحالات "
        "الاختفاء القسري، ومتابعتها في جنيف.",
        ["advocacy-at-un-bodies", "documentation-of-human-rights-violations"], ["human-rights-defenders"], ["IQ-BB"], days_ago=75,
    ),
    DemoContribution(
        "rewan-women", "ckb", "کۆکردنەوەی پارە بۆ پەناگەکە بەبێ پێشێلکردنی سیاسەتی بەخشەرانی تۆڕەکە",
        "پەناگەکەمان پێویستی بە داهاتێکی جێگیر هەیە. نامانەوێت پارە لە بەخشەرانێک وەربگرین کە لە جەنگ و چەک قازانج دەکەن. "
        "یارمەتیمان بدەن بۆ دۆزینەوەی سەرچاوەی تر: بەخشینی تاکەکەسی، سەندیکاکان، شارەوانییەکانی ئەورووپا.",
        ["fundraising-aligned-with-donor-policy", "financial-management-and-accounting"], ["women"], ["IQ-SU"], days_ago=50,
    ),
    DemoContribution(
        "sinjar-weavers", "kmr", "Piştgirî ji bo firotina xalîçeyên me li derveyî welat",
        "Koperatîfa me ji çil jinên êzidî pêk tê. Em dixwazin xalîçeyên xwe li Ewropayê bi bihayekî adil bifroşin, lê em nizanin "
        "çawa malperekê ava bikin û hesabên xwe birêve bibin.",
        ["website-and-software-development", "financial-management-and-accounting"], ["women", "economic-social-rights"],
        ["IQ-NI", "IQ-DA"], days_ago=35,
    ),
    DemoContribution(
        "haboubi-circle", "ar", "تدريب على الأمن الرقمي للناشطين الشباب",
        "تعرّضت حسابات عدد من أعضائنا للاختراق بعد احتجاجات تشرين. نحتاج إلى تدريب عملي على حماية الهواتف والحسابات والمراسلات.",
        ["digital-security"], ["youth", "human-rights-defenders"], ["IQ-DQ"], days_ago=12,
    ),
    DemoContribution(
        "kahla-marshes", "ar", "بيانات عن انحسار المياه في هور الكحلاء",
        "نرى الهور يجفّ عاماً بعد عام، لكننا لا نملك قياسات ولا صوراً فضائية نقدمها إلى وزارة الموارد المائية. نحتاج إلى بحث "
        "وتحليل بيانات عن منسوب المياه وملوحتها.",
        ["research-on-water-and-environment", "research-and-data-analysis"], ["heritage-environment"], ["IQ-MA"], days_ago=90,
    ),
    DemoContribution(
        "umm-qasr-dockers", "ar", "تدريب على التنظيم النقابي والمفاوضة الجماعية",
        "نصف عمال الميناء يعملون بعقود يومية. نحتاج إلى تدريب مندوبينا على التنظيم النقابي والمفاوضة الجماعية، وإلى تدريب مدربين "
        "من بين العمال أنفسهم.",
        ["trade-union-organising", "training-of-trainers"], ["economic-social-rights"], ["IQ-BA"], days_ago=80,
    ),
    DemoContribution(
        "journalists-safety", "ar", "تدريب على الصحافة الاستقصائية الآمنة",
        "يريد أعضاؤنا التحقيق في الفساد من دون أن يعرّضوا أنفسهم ومصادرهم للخطر: نحتاج إلى تدريب على الصحافة الاستقصائية والأمن الرقمي.",
        ["investigative-journalism-training", "digital-security"], ["human-rights-defenders", "democracy"], ["IQ-BG", "IQ-NI"],
        days_ago=45,
    ),
    DemoContribution(
        "kirkuk-radio", "ar", "ترجمة برامجنا إلى التركمانية والكردية والإنكليزية",
        "نبث بالعربية والكردية والتركمانية، ونريد أن نترجم حلقاتنا عن التعايش في كركوك وننشرها مكتوبة بالإنكليزية أيضاً.",
        ["translation-and-interpretation"], ["minorities"], ["IQ-KI"], days_ago=40,
    ),
    DemoContribution(
        "najaf-disability", "ar", "موقع إلكتروني يسهل الوصول إليه للأشخاص ذوي الإعاقة البصرية",
        "موقعنا الحالي لا تقرؤه برامج قراءة الشاشة. نحتاج إلى مطورين يعيدون بناءه وفق معايير سهولة الوصول.",
        ["website-and-software-development"], ["economic-social-rights"], ["IQ-NA"], days_ago=25,
    ),
    DemoContribution(
        "salary-rights", "ckb", "داکۆکیکاری لە دامەزراوەکانی یەکێتیی ئەورووپا بۆ مافی مووچە",
        "فەرمانبەرانی هەرێم مانگانێکە مووچەکانیان دواکەوتووە. دەمانەوێت پەرلەمانی ئەورووپا و کۆمیسیۆن ئاگادار بکەینەوە و "
        "ستراتیژییەکی هەڵمەت دابنێین.",
        ["advocacy-with-eu-institutions", "campaign-strategy"], ["economic-social-rights", "democracy"], ["IQ-SU"], days_ago=70,
    ),
    DemoContribution(
        "anbar-bridges", "ar", "تيسير الحوار ودعم نفسي للعائلات العائدة",
        "نحتاج إلى ميسّرين مدرَّبين على الحوار المجتمعي، وإلى دعم نفسي واجتماعي للأطفال والنساء في العائلات العائدة إلى الفلوجة والرمادي.",
        ["peacebuilding-and-dialogue-facilitation", "psychosocial-support"], ["peacebuilding"], ["IQ-AN"], days_ago=85,
    ),
    DemoContribution(
        "basra-investigations", "ar", "تدريب على التحقيق في عقود النفط والكهرباء",
        "نريد أن نتعلم قراءة عقود جولات التراخيص والكهرباء وتحليل بياناتها، حتى نكتب تحقيقات يفهمها الناس.",
        ["investigative-journalism-training", "research-and-data-analysis"], ["democracy", "economic-social-rights"], ["IQ-BA"],
        days_ago=100,
    ),
    DemoContribution(
        "duhok-ecotourism", "kmr", "Şêwirmendî ji bo rêveberiya projeyan û hesabdariyê",
        "Koperatîfa me ya geştiyariya çiyayî mezin dibe. Em şêwirmendiyê dixwazin ji bo rêveberiya projeyan, hesabdariyê û "
        "amadekirina daxwazên fonê.",
        ["project-management", "mentoring-of-organisations"], ["economic-social-rights"], ["IQ-DA"], days_ago=15,
    ),
]

OFFERS: list[DemoContribution] = [
    DemoContribution(
        "tigri-eufrate", "it", "Ricerca sull'acqua e formazione ai media per le associazioni del sud dell'Iraq",
        "Una ricercatrice idrologa e due giornaliste della nostra rete offrono, a distanza e in arabo con interpreti, l'analisi dei "
        "dati sulla salinità e sulla qualità dell'acqua di Bassora, e laboratori per raccontarne i risultati: grafici, brevi video, "
        "comunicati per la stampa locale.",
        ["research-on-water-and-environment", "research-and-data-analysis", "media-and-communication"], ["heritage-environment"],
        ["IQ-BA", "IQ-DQ", "IQ-MA"], days_ago=21,
    ),
    DemoContribution(
        "mesopotamia-diritti", "it", "Supporto legale e advocacy all'ONU per difensori e difensore dei diritti umani",
        "Le nostre avvocate seguono i casi di difensori minacciati o detenuti e preparano le comunicazioni ai relatori speciali "
        "dell'ONU, insieme alle organizzazioni irachene.",
        ["legal-support-for-human-rights-defenders", "advocacy-at-un-bodies"], ["human-rights-defenders", "women"],
        ["IQ-BG", "IQ-SU"], days_ago=65,
    ),
    DemoContribution(
        "sindacati-in-rete", "it", "Formazione sindacale: contrattazione collettiva e sicurezza nei porti",
        "I portuali di Genova offrono corsi per delegati e formatori: organizzazione sindacale, contratti collettivi, sicurezza sul lavoro.",
        ["trade-union-organising", "training-of-trainers"], ["economic-social-rights"], ["IQ-BA"], days_ago=95,
    ),
    DemoContribution(
        "geneva-defenders", "en", "Accompanying submissions to UN special procedures and the Human Rights Council",
        "We help Iraqi organisations document cases to the UN's standards, send them to the special rapporteurs and working "
        "groups, and speak at the Human Rights Council's sessions.",
        ["advocacy-at-un-bodies", "documentation-of-human-rights-violations"], ["human-rights-defenders"], [], days_ago=110,
    ),
    DemoContribution(
        "water-justice-lab", "en", "Satellite and field data on the rivers and marshes of southern Iraq",
        "Our researchers analyse satellite images and field measurements of water levels and salinity, and monitor change over "
        "time with the communities who collect the samples.",
        ["research-on-water-and-environment", "research-and-data-analysis", "monitoring-and-evaluation"], ["heritage-environment"],
        ["IQ-DQ", "IQ-MA", "IQ-BA"], days_ago=120,
    ),
    DemoContribution(
        "red-agua-viva", "en", "Mentoring on fundraising that respects the network's donor policy",
        "We raise our own budget from members, cooperatives and municipalities, never from arms or oil money, and mentor small "
        "organisations to do the same.",
        ["fundraising-aligned-with-donor-policy", "mentoring-of-organisations"], ["economic-social-rights"], [], days_ago=55,
    ),
    DemoContribution(
        "beirut-media-hub", "en", "Digital security clinics and investigative journalism training",
        "Monthly online clinics on securing phones and accounts, and training in investigative methods for reporters under pressure.",
        ["digital-security", "investigative-journalism-training"], ["human-rights-defenders", "democracy"], [], days_ago=48,
    ),
    DemoContribution(
        "brussels-desk", "en", "Meetings and briefings with EU institutions in Brussels",
        "We organise meetings with Members of the European Parliament and the European Commission's Iraq desk, and help prepare "
        "briefings and campaign plans.",
        ["advocacy-with-eu-institutions", "campaign-strategy"], ["democracy", "human-rights-defenders"], [], days_ago=130,
    ),
    DemoContribution(
        "workers-twinning", "en", "Twinning with Nordic unions: organising, bargaining, safety representatives",
        "Swedish and Norwegian unions twin with Iraqi unions: exchanges of organisers, training of safety representatives, support "
        "in collective bargaining.",
        ["trade-union-organising"], ["economic-social-rights"], ["IQ-SU", "IQ-BA"], days_ago=140,
    ),
    DemoContribution(
        "amman-mediators", "en", "Training women mediators and dialogue facilitators",
        "A six-month programme for women who mediate in their communities: facilitation, negotiation, and women's rights in "
        "customary settlements.",
        ["peacebuilding-and-dialogue-facilitation", "womens-rights-and-gender-expertise"], ["peacebuilding", "women"],
        ["IQ-AN", "IQ-NI"], days_ago=100,
    ),
    DemoContribution(
        "collectif-mesopotamie", "en", "Volunteer translators: French, Arabic and Sorani Kurdish",
        "Our volunteers translate reports, letters and subtitles between French, Arabic, Sorani Kurdish and English.",
        ["translation-and-interpretation"], ["women", "democracy"], [], days_ago=60,
    ),
    DemoContribution(
        "euphrates-bridge", "en", "Hosting young volunteers and interns in Leipzig",
        "We host young volunteers and interns from Iraqi member organisations for three to six months, with a youth exchange every year.",
        ["hosting-interns-and-volunteers", "youth-participation", "cultural-and-artistic-exchange"], ["youth"], ["IQ-DQ"],
        days_ago=33,
    ),
    DemoContribution(
        "heritage-partnership", "en", "Oral history and heritage documentation methods",
        "Training and guidance in recording oral histories and documenting damaged heritage sites, and in keeping archives safe.",
        ["research-and-data-analysis", "cultural-and-artistic-exchange"], ["heritage-environment", "minorities"], ["IQ-NI"],
        days_ago=70,
    ),
    DemoContribution(
        "diaspora-women", "ar", "خبرة في حقوق المرأة وجمع التمويل من مؤسسات أوروبية تحترم سياسة المانحين",
        "عضواتنا في ألمانيا يعرفن المؤسسات والبلديات الأوروبية التي تموّل مشاريع النساء من دون شروط، ويساعدن المنظمات العراقية على "
        "كتابة الطلبات.",
        ["womens-rights-and-gender-expertise", "fundraising-aligned-with-donor-policy"], ["women"], ["IQ-BG", "IQ-BA"], days_ago=42,
    ),
    DemoContribution(
        "peace-accountability", "en", "Websites and data tools for campaigns",
        "Volunteer developers build accessible websites, petition pages and data dashboards for member organisations.",
        ["website-and-software-development", "research-and-data-analysis"], ["democracy"], [], days_ago=38,
    ),
    # Iraqi organisations offer too: across the regions of Iraq.
    DemoContribution(
        "kani-magazine", "ckb", "ڕاهێنانی ڕۆژنامەنووسیی لێکۆڵینەوەیی بۆ ڕێکخراوەکانی باشووری عێراق",
        "ڕۆژنامەنووسانی گۆڤاری کانی ئامادەن ڕاهێنان بە ڕۆژنامەنووسانی بەسرە و ناسریە و عەمارە بدەن، بە عەرەبی: لێکۆڵینەوە، "
        "پشکنینی بەڵگەنامە، و ڕاگەیاندن.",
        ["investigative-journalism-training", "media-and-communication"], ["democracy"], ["IQ-SU", "IQ-BA"], days_ago=58,
    ),
    DemoContribution(
        "young-doctors", "ckb", "پشتگیریی دەروونی و کۆمەڵایەتی و ڕاهێنانی ڕاهێنەران",
        "پزیشکە گەنجەکانمان ڕاهێنان لەسەر پشتگیریی دەروونی و کۆمەڵایەتی دەدەن بە کارمەندانی ڕێکخراوەکان لە هەموو عێراقدا.",
        ["psychosocial-support", "training-of-trainers"], ["youth", "economic-social-rights"], ["IQ-AR", "IQ-DA", "IQ-AN"],
        days_ago=77,
    ),
    DemoContribution(
        "tigris-defenders", "ar", "تدريب المدافعين على الأمن الرقمي والجسدي",
        "يقدم فريقنا تدريبات عملية على الأمن الرقمي والجسدي للمدافعين والمحامين والصحفيين، ويدرّب مدربين في المحافظات.",
        ["digital-security", "training-of-trainers"], ["human-rights-defenders"], ["IQ-BG"], days_ago=52,
    ),
    DemoContribution(
        "rewan-women", "ckb", "شوێنی کۆبوونەوە و شارەزایی لە مافەکانی ژنان لە سلێمانی",
        "ناوەندەکەمان هۆڵێکی کۆبوونەوە و ستۆدیۆیەکی بچووک بۆ پۆدکاست پێشکەش دەکات، لەگەڵ شارەزایی لە مافەکانی ژنان.",
        ["office-or-meeting-space", "womens-rights-and-gender-expertise"], ["women"], ["IQ-SU"], days_ago=44,
    ),
]

INTRODUCTIONS: list[DemoIntroduction] = [
    # Accepted by both: Iraqi governorates with several countries, and the regions of Iraq.
    DemoIntroduction(
        "hilla-mothers", "geneva-defenders",
        "نبحث عن شريك يساعدنا على إيصال ملفات أبنائنا المغيّبين إلى الأمم المتحدة في جنيف.",
        ACCEPTED, "We would be honoured to work with you. Our Arabic-speaking colleague will call you this week.", days_ago=120,
    ),
    DemoIntroduction(
        "tigris-defenders", "mesopotamia-diritti",
        "نحتاج إلى محامين يتابعون معنا قضايا المدافعين المعتقلين، وقرأنا أنكم تقدمون الدعم القانوني والمناصرة لدى الأمم المتحدة.",
        ACCEPTED, "Con piacere: la nostra avvocata che parla arabo sarà il vostro contatto.", days_ago=150,
    ),
    DemoIntroduction(
        "sindacati-in-rete", "umm-qasr-dockers",
        "Siamo i portuali di Genova: vorremmo conoscervi e proporvi un gemellaggio e una formazione sui contratti collettivi.",
        ACCEPTED, "أهلاً بكم، يسعدنا التوأمة مع عمال ميناء جنوة.", days_ago=200,
    ),
    DemoIntroduction(
        "kahla-marshes", "water-justice-lab",
        "نحتاج إلى بيانات عن انحسار المياه في هور الكحلاء، ونستطيع أن نجمع القياسات في الميدان.",
        ACCEPTED, "Yes: your field measurements and our satellite data belong together.", days_ago=80,
    ),
    DemoIntroduction(
        "rewan-women", "red-agua-viva",
        "We are looking for a partner to help us fund our shelter without breaking the network's donor policy.",
        ACCEPTED, "Happy to: we will share how we raise money from cooperatives and municipalities.", days_ago=45,
    ),
    DemoIntroduction(
        "brussels-desk", "salary-rights",
        "We would like to bring your campaign on public salaries in the Kurdistan Region to the European Parliament.",
        ACCEPTED, "سوپاس، ئامادەین لەگەڵتان کار بکەین.", days_ago=60,
    ),
    DemoIntroduction(
        "kani-magazine", "basra-investigations",
        "دەمانەوێت ڕاهێنانی ڕۆژنامەنووسیی لێکۆڵینەوەیی لەگەڵ هاوکارانمان لە بەسرە بکەین، بە عەرەبی.",
        ACCEPTED, "يسعدنا ذلك: نقترح ورشة أولى في البصرة عن عقود النفط.", days_ago=90,
    ),
    DemoIntroduction(
        "anbar-bridges", "amman-mediators",
        "نحتاج إلى ميسّرات مدرَّبات على الحوار للعمل مع النساء في العائلات العائدة إلى الفلوجة.",
        ACCEPTED, "We would be glad to train women mediators in Fallujah and Ramadi with you.", days_ago=110,
    ),
    DemoIntroduction(
        "young-doctors", "anbar-bridges",
        "ئامادەین ڕاهێنانی پشتگیریی دەروونی و کۆمەڵایەتی بە ستافەکەتان بدەین.",
        ACCEPTED, "شكراً لكم، الأطفال في العائلات العائدة بحاجة ماسة إلى هذا الدعم.", days_ago=70,
    ),
    DemoIntroduction(
        "journalists-safety", "beirut-media-hub",
        "The coordinators introduce you: the Iraqi Journalists' Safety Association needs digital security and investigative "
        "journalism training, which the Beirut Hub offers.",
        ACCEPTED, "Thank you for the introduction; we have already planned a first clinic.", days_ago=50, by_coordinator=True,
    ),
    # Waiting for the counterpart's answer.
    DemoIntroduction(
        "shatt-water", "water-justice-lab",
        "نبحث عن باحثين يساعدوننا على تحليل بيانات سنتين من فحوص الماء في البصرة.",
        PENDING, days_ago=4,
    ),
    DemoIntroduction(
        "najaf-disability", "peace-accountability",
        "نحتاج إلى مطورين يعيدون بناء موقعنا ليكون في متناول الأشخاص ذوي الإعاقة البصرية.",
        PENDING, days_ago=6,
    ),
    DemoIntroduction(
        "haboubi-circle", "beirut-media-hub",
        "نحتاج إلى تدريب على الأمن الرقمي لأعضائنا الشباب في الناصرية.",
        PENDING, days_ago=2,
    ),
    # Declined, with the counterpart's reason.
    DemoIntroduction(
        "kirkuk-radio", "collectif-mesopotamie",
        "نحتاج إلى ترجمة برامجنا من التركمانية والكردية إلى الإنكليزية.",
        DECLINED,
        "Thank you for asking. Our volunteers translate French, Arabic and Sorani, but none of us knows Turkmen, and we could not "
        "do your programmes justice. We hope another member can help.",
        days_ago=35, answered_after=5,
    ),
    # Proposed by the coordinator, waiting for both.
    DemoIntroduction(
        "sinjar-weavers", "diaspora-women",
        "The coordinators propose this link: the Sinjar weavers look for fair buyers and funding in Europe, and the Network of "
        "Iraqi Women Abroad knows the European foundations and municipalities that fund women's cooperatives without conditions.",
        PENDING, days_ago=3, by_coordinator=True,
    ),
]
# fmt: on


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


def _always(*args, **kwargs) -> bool:
    return True


def _nothing(*args, **kwargs) -> None:
    return None


def remove_demo_solidarity() -> dict[str, int]:
    """Delete every opportunity (with its applications), need, offer, introduction, suggestion,
    matching profile and security note. The vocabulary of skills stays."""
    removed = {
        "applications": Application.objects.all().delete()[1].get("solidarity.Application", 0),
        "opportunities": Opportunity.objects.all().delete()[1].get("solidarity.Opportunity", 0),
        "needs": Need.objects.all().delete()[1].get("solidarity.Need", 0),
        "offers": Offer.objects.all().delete()[1].get("solidarity.Offer", 0),
        "introductions": Introduction.objects.all().delete()[1].get("solidarity.Introduction", 0),
        "suggestions": Suggestion.objects.all().delete()[1].get("solidarity.Suggestion", 0),
        "profiles": Profile.objects.all().delete()[1].get("solidarity.Profile", 0),
        "security_notes": SecurityNote.objects.all().delete()[1].get("solidarity.SecurityNote", 0),
    }
    return {name: count for name, count in removed.items() if count}


def load_demo_solidarity(*, stdout=None) -> dict:
    """(Re)build the fictional demo solidarity; the demo network must be loaded. Returns counts."""
    # As for the other loaders: the services' emails are not queued, anything else queued meets
    # the dummy task backend, and the rate limits meant for people do not count the demo. The
    # suggestions are computed once at the end, not once per need or offer.
    with (
        override_settings(TASKS=_SILENT_TASKS),
        mock.patch.object(services, "email_later", _no_email),
        mock.patch.object(services, "within_rate", _always),
        mock.patch.object(services, "suggestions_changed", _nothing),
        quiet_log("tadamun.solidarity"),
        transaction.atomic(),
    ):
        removed = remove_demo_solidarity()
        if removed:
            _say(stdout, "Removed the previous solidarity: " + ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in removed.items()) + ".")
        result = _Builder().build()
    _say(
        stdout,
        f"Demo solidarity loaded: {result['security_notes']} security notes ({result['restricted']} restricted, "
        f"{result['suspended']} suspended), {result['opportunities']} opportunities of {result['kinds']} kinds "
        f"({result['hidden']} hidden from search where travel is suspended, {result['closed']} closed) with "
        f"{result['applications']} applications ({result['accepted_applications']} accepted), {result['needs']} needs, "
        f"{result['offers']} offers, {result['suggestions']} suggested counterparts, {result['introductions']} introductions "
        f"({result['accepted']} accepted, {result['pending']} waiting for the counterpart, {result['proposed']} proposed by "
        f"the coordinator, {result['declined']} declined).",
    )
    if result["water_admin"]:
        _say(
            stdout,
            f"Suggested counterparts and introductions: log in as {result['water_admin']}, an administrator of the "
            "Shatt al-Arab Water Rights Network (Basra).",
        )
    return result


class _Builder:
    def __init__(self) -> None:
        self.rng = random.Random(2026)
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.coordinator = User.objects.filter(email=COORDINATOR_EMAIL, is_staff=True).first()
        self.demo_orgs = {o.key: o for o in ORGANISATIONS}
        keys = {o.org for o in OPPORTUNITIES} | {a.org for o in OPPORTUNITIES for a in o.applications}
        keys |= {c.org for c in NEEDS + OFFERS} | {i.requester for i in INTRODUCTIONS} | {i.counterpart for i in INTRODUCTIONS}
        slugs = {key: demo_slug(self.demo_orgs[key]) for key in keys}
        found = {
            o.slug: o
            for o in Organisation.objects.filter(slug__in=slugs.values(), status=Organisation.Status.APPROVED)
        }
        missing = sorted(key for key, slug in slugs.items() if slug not in found)
        if self.coordinator is None or missing:
            raise RuntimeError(
                "Load the demo network before the demo solidarity (manage.py demo); missing: "
                + ", ".join(missing or [COORDINATOR_EMAIL])
            )
        self.orgs = {key: found[slug] for key, slug in slugs.items()}
        self.people: dict[int, dict[str, list[User]]] = {}
        for membership in Membership.objects.filter(organisation__in=found.values()).select_related("person").order_by("pk"):
            self.people.setdefault(membership.organisation_id, {}).setdefault(membership.role, []).append(membership.person)
        self.pathways = {p.slug: p for p in Pathway.objects.all()}
        self.governorates = {g.iso_code: g for g in Governorate.objects.all()}
        self.languages = {w.code: w for w in WorkingLanguage.objects.all()}
        self.skills = {s.slug: s for s in Skill.objects.filter(is_active=True)}
        wanted = {slug for c in NEEDS + OFFERS for slug in c.skills}
        if wanted - set(self.skills):
            raise RuntimeError(
                "The vocabulary of skills lacks " + ", ".join(sorted(wanted - set(self.skills))) + ": run the migrations."
            )

    # --- People -----------------------------------------------------------------------

    def person(self, key: str, *roles: str) -> User:
        """The first person of the organisation holding one of these roles, in this order."""
        held = self.people.get(self.orgs[key].pk, {})
        for role in roles:
            if held.get(role):
                return held[role][0]
        return held[ADMIN][0]

    def runner(self, key: str) -> User:
        return self.person(key, EDITOR, ADMIN)

    def admin(self, key: str) -> User:
        return self.person(key, ADMIN)

    def contact(self, key: str) -> services.Contact:
        """A fictional contact person of the organisation, at its example.org address."""
        demo = self.demo_orgs[key]
        tradition = _people_of(demo)
        (first, first_shown), (last, last_shown) = self.rng.choice(FIRST_NAMES[tradition]), self.rng.choice(LAST_NAMES[tradition])
        domain = demo_slug(demo)[:40].strip("-")
        phone = ""
        if self.rng.random() < 0.6:
            dial = DIAL_CODES.get(demo.country, "+964 7")
            phone = f"{dial}{self.rng.randint(10, 99)} {self.rng.randint(100, 999)} {self.rng.randint(1000, 9999)}"
        return services.Contact(name=f"{first_shown} {last_shown}", email=f"{first}.{last}@{domain}.example.org", phone=phone)

    def ago(self, days: float):
        return self.now - timedelta(days=days, hours=self.rng.randint(0, 10), minutes=self.rng.randint(0, 59))

    # --- Building ---------------------------------------------------------------------

    def build(self) -> dict:
        # Setting a note is logged as a warning (an audit trail); the demo's need not be shown.
        log, level = logging.getLogger("tadamun.solidarity"), logging.getLogger("tadamun.solidarity").level
        log.setLevel(logging.ERROR)
        try:
            for note in SECURITY_NOTES:
                services.set_security_note(
                    by=self.coordinator, governorate=self.governorates[note.governorate], level=note.level,
                    note=note.note, notes=note.notes,
                )
        finally:
            log.setLevel(level)
        opportunities = [self.opportunity(demo) for demo in OPPORTUNITIES]
        for side, contributions in ((Need, NEEDS), (Offer, OFFERS)):
            for demo in contributions:
                self.contribution(side, demo)
        # Every organisation's suggested counterparts, as the nightly rebuild computes them.
        matching.forget_index()
        matching.rebuild_all()
        for demo in INTRODUCTIONS:
            self.introduction(demo)
        return self.counts(opportunities)

    def opportunity(self, demo: DemoOpportunity) -> Opportunity:
        starts = self.today + timedelta(days=demo.starts_in) if demo.starts_in is not None else None
        draft = services.OpportunityDraft(
            kind=demo.kind, title=demo.title, description=demo.description, original_language=demo.language,
            how_to_apply=demo.how_to_apply,
            languages=[self.languages[code] for code in demo.languages if code in self.languages],
            pathways=[self.pathways[slug] for slug in demo.pathways],
            governorates=[self.governorates[code] for code in demo.governorates],
            remote=demo.remote, travel_to_iraq=demo.travel, starts_on=starts,
            ends_on=starts + timedelta(days=demo.lasts) if starts and demo.lasts else None,
            # Applications are made while it is open; a date already passed is set afterwards.
            apply_by=self.today + timedelta(days=max(demo.apply_in, 1)) if demo.apply_in is not None else None,
            places=demo.places,
        )
        publisher = self.runner(demo.org)
        opportunity = services.publish_opportunity(by=publisher, organisation=self.orgs[demo.org], draft=draft)
        decider = self.admin(demo.org)
        for application in demo.applications:
            made = services.apply(
                by=self.person(application.org, application.role), opportunity=opportunity, message=application.message,
                kind=application.kind, organisation=self.orgs[application.org] if application.on_behalf else None,
            )
            created = self.ago(application.days_ago)
            decided = None
            if application.status != S.SUBMITTED:
                services.decide_application(by=decider, application=made, status=application.status, answer=application.answer)
                decided = min(created + timedelta(days=self.rng.randint(1, 3)), self.now)
            Application.objects.filter(pk=made.pk).update(created_at=created, decided_at=decided)
        if demo.expired is not None or (demo.apply_in is not None and demo.apply_in < 1):
            passed = demo.expired if demo.expired is not None else -demo.apply_in
            opportunity = services.update_opportunity(
                by=publisher, opportunity=opportunity, draft=replace(draft, apply_by=self.today - timedelta(days=passed))
            )
        if demo.closed:
            opportunity = services.close_opportunity(by=publisher, opportunity=opportunity)
        Opportunity.objects.filter(pk=opportunity.pk).update(created_at=self.ago(demo.days_ago))
        return opportunity

    def contribution(self, side: type[Need] | type[Offer], demo: DemoContribution) -> Need | Offer:
        made = services.state(
            by=self.runner(demo.org), organisation=self.orgs[demo.org], side=side,
            draft=services.ContributionDraft(
                title=demo.title, original_language=demo.language, description=demo.description,
                skills=[self.skills[slug] for slug in demo.skills],
                pathways=[self.pathways[slug] for slug in demo.pathways],
                governorates=[self.governorates[code] for code in demo.governorates],
            ),
        )
        side.objects.filter(pk=made.pk).update(created_at=self.ago(demo.days_ago))
        return made

    def introduction(self, demo: DemoIntroduction) -> Introduction:
        first, second = self.orgs[demo.requester], self.orgs[demo.counterpart]
        asked = self.ago(demo.days_ago)
        answered = min(asked + timedelta(days=demo.answered_after), self.now)
        dates: dict = {"created_at": asked}
        if demo.by_coordinator:
            made = services.propose_introduction(by=self.coordinator, first=first, second=second, message=demo.message)
            if demo.outcome == ACCEPTED:
                made = services.answer_introduction(
                    by=self.admin(demo.counterpart), introduction=made, accept=True, contact=self.contact(demo.counterpart),
                    answer=demo.answer,
                )
                made = services.answer_introduction(
                    by=self.admin(demo.requester), introduction=made, accept=True, contact=self.contact(demo.requester),
                )
                dates.update(requester_accepted_at=answered, counterpart_accepted_at=answered - timedelta(hours=5), accepted_at=answered)
        else:
            made = services.request_introduction(
                by=self.admin(demo.requester), requester=first, counterpart=second, contact=self.contact(demo.requester),
                message=demo.message,
            )
            dates["requester_accepted_at"] = asked
            if demo.outcome == ACCEPTED:
                made = services.answer_introduction(
                    by=self.admin(demo.counterpart), introduction=made, accept=True, contact=self.contact(demo.counterpart),
                    answer=demo.answer,
                )
                dates.update(counterpart_accepted_at=answered, accepted_at=answered)
            elif demo.outcome == DECLINED:
                made = services.answer_introduction(
                    by=self.admin(demo.counterpart), introduction=made, accept=False, answer=demo.answer
                )
        Introduction.objects.filter(pk=made.pk).update(**dates)
        return made

    def counts(self, opportunities: list[Opportunity]) -> dict:
        notes = list(SecurityNote.objects.values_list("level", flat=True))
        introductions = list(Introduction.objects.values_list("status", "proposed_by_coordinator"))
        visible = set(queries.opportunities(queries.OpportunityFilters(include_closed=True)).values_list("pk", flat=True))
        return {
            "security_notes": len(notes),
            "restricted": notes.count(SecurityLevel.RESTRICTED),
            "suspended": notes.count(SecurityLevel.SUSPENDED),
            "opportunities": len(opportunities),
            "kinds": len({o.kind for o in opportunities}),
            "hidden": sum(1 for o in opportunities if o.pk not in visible),
            "closed": Opportunity.objects.filter(status=Opportunity.Status.CLOSED).count(),
            "applications": Application.objects.count(),
            "accepted_applications": Application.objects.filter(status=S.ACCEPTED).count(),
            "needs": Need.objects.count(),
            "offers": Offer.objects.count(),
            "suggestions": Suggestion.objects.count(),
            "introductions": len(introductions),
            "accepted": sum(1 for status, _proposed in introductions if status == ACCEPTED),
            "pending": introductions.count((PENDING, False)),
            "proposed": introductions.count((PENDING, True)),
            "declined": sum(1 for status, _proposed in introductions if status == DECLINED),
            "water_admin": self.admin("shatt-water").email,
        }
