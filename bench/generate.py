"""Fill the database with N member organisations, fast, for the benchmarks.

Names and descriptions are composed from word lists in Arabic, Sorani and English (some
Italian), spread over the governorates, pathways, working languages and countries, all
approved. Rows go in with `bulk_create` in batches, many-to-many rows too. Every name,
name key and slug is unique, and `name_key`/`search_text` are computed exactly as the
services compute them.

`generate_articles` then fills the newsroom: published articles of those organisations in
Arabic, Sorani, Kurmanji, English and Italian, composed from word lists the same way.

`generate_campaigns` then adds campaigns led by the Iraqi ones, each with a petition and a
letter, and a million confirmed signatures (half of them on one busy petition), with
every action's counter exact.

`generate_consultation` adds a consultation (5,000 participants x 500 statements, 30% of
the votes cast) with planted groups of opinion, its counters exact.

`generate_decisions` adds the groups that decide together: a General Assembly of 1,000 member
organisations (a seat and a delegate each) with an open consensus proposal most of them took
a position on (blocks, proxies), an anonymous proposal and a poll; the coordination committee
and the working groups; a register of 20,000 decisions in Arabic, English and Sorani; and a
coming conference with 30 sessions and 5,000 registrations.

    python bench/generate.py --count 10000 [--articles 100000] [--campaigns 200 --signatures 1000000]
        [--participants 5000 --statements 500 --density 0.3] [--seats 1000 --decisions 20000 --registrations 5000]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (prefix ar, prefix ckb (with ezafe), prefix en, prefix it) by kind of organisation
PREFIXES = {
    "ngo": [
        ("جمعية", "کۆمەڵەی", "Association", "Associazione"),
        ("منظمة", "ڕێکخراوی", "Organisation", "Organizzazione"),
        ("مركز", "ناوەندی", "Centre", "Centro"),
        ("مؤسسة", "دەزگای", "Foundation", "Fondazione"),
        ("رابطة", "یەکێتیی", "League", "Lega"),
    ],
    "trade_union": [
        ("نقابة عمال", "سەندیکای کرێکارانی", "Workers' Union", "Sindacato dei lavoratori"),
        ("اتحاد عمال", "یەکێتیی کرێکارانی", "Workers' Federation", "Federazione dei lavoratori"),
        ("لجنة عمال", "لیژنەی کرێکارانی", "Workers' Committee", "Comitato dei lavoratori"),
        ("نقابة موظفي", "سەندیکای فەرمانبەرانی", "Employees' Union", "Sindacato dei dipendenti"),
    ],
    "professional_association": [
        ("جمعية محامي", "کۆمەڵەی پارێزەرانی", "Lawyers' Association", "Associazione degli avvocati"),
        ("رابطة معلمي", "یەکێتیی مامۆستایانی", "Teachers' League", "Lega degli insegnanti"),
        ("جمعية أطباء", "کۆمەڵەی پزیشکانی", "Doctors' Association", "Associazione dei medici"),
        ("ملتقى صحفيي", "کۆڕی ڕۆژنامەنووسانی", "Journalists' Forum", "Forum dei giornalisti"),
        ("جمعية مهندسي", "کۆمەڵەی ئەندازیارانی", "Engineers' Society", "Società degli ingegneri"),
    ],
    "grassroots_group": [
        ("مبادرة", "دەستپێشخەریی", "Initiative", "Iniziativa"),
        ("متطوعو", "خۆبەخشانی", "Volunteers", "Volontari"),
        ("حلقة", "بازنەی", "Circle", "Circolo"),
        ("فريق", "تیمی", "Team", "Squadra"),
        ("أصدقاء", "هاوڕێیانی", "Friends", "Amici"),
    ],
    "social_movement": [
        ("حراك", "بزووتنەوەی", "Movement", "Movimento"),
        ("حملة", "هەڵمەتی", "Campaign", "Campagna"),
        ("تنسيقية", "هەماهەنگیی", "Coordination", "Coordinamento"),
        ("تجمع", "کۆبوونەوەی", "Gathering", "Raggruppamento"),
    ],
    "independent_media": [
        ("راديو", "ڕادیۆی", "Radio", "Radio"),
        ("مجلة", "گۆڤاری", "Magazine", "Rivista"),
        ("غرفة أخبار", "ژووری هەواڵی", "Newsroom", "Redazione"),
        ("بودكاست", "پۆدکاستی", "Podcast", "Podcast"),
        ("منصة", "سەکۆی", "Platform", "Piattaforma"),
    ],
    "social_economy": [
        ("تعاونية", "هاوبەشیی", "Cooperative", "Cooperativa"),
        ("مشروع", "پڕۆژەی", "Social Enterprise", "Impresa sociale"),
        ("ورشة", "کارگەی", "Workshop", "Laboratorio"),
        ("سوق", "بازاڕی", "Market", "Mercato"),
    ],
    "international": [
        ("شبكة", "تۆڕی", "Network", "Rete"),
        ("تحالف", "هاوپەیمانیی", "Coalition", "Coalizione"),
        ("جمعية", "کۆمەڵەی", "Association", "Associazione"),
        ("منتدى", "کۆڕی", "Forum", "Forum"),
        ("مبادرة", "دەستپێشخەریی", "Initiative", "Iniziativa"),
    ],
}
KIND_WEIGHTS = {
    "ngo": 28, "trade_union": 8, "professional_association": 8, "grassroots_group": 16,
    "social_movement": 8, "independent_media": 9, "social_economy": 8, "international": 15,
}

# (topic ar, topic ckb, topic en, topic it, pathways, what we do: ar, ckb, en)
TOPICS = [
    ("للحق في المياه", "بۆ مافی ئاو", "for the Right to Water", "per il diritto all'acqua", ["heritage-environment", "economic-social-rights"],
     "نفحص مياه الشرب وننشر النتائج ونطالب بإصلاح شبكات الإسالة", "ئاوی خواردنەوە دەپشکنین و ئەنجامەکان بڵاو دەکەینەوە", "We test drinking water, publish the results and press for the repair of water networks"),
    ("لحماية النساء", "بۆ پاراستنی ژنان", "for Women's Protection", "per la protezione delle donne", ["women", "human-rights-defenders"],
     "ندعم الناجيات من العنف الأسري بالإيواء والمساعدة القانونية", "پشتگیریی ڕزگاربووانی توندوتیژیی خێزانی دەکەین بە پەناگە و یارمەتیی یاسایی", "We support survivors of domestic violence with shelter and legal aid"),
    ("لمشاركة الشباب", "بۆ بەشداریی گەنجان", "for Youth Participation", "per la partecipazione dei giovani", ["youth", "democracy"],
     "ندرب الشباب على المناصرة ونفتح لهم أبواب المجالس المحلية", "ڕاهێنان بە گەنجان دەکەین لەسەر داکۆکیکردن و دەرگای ئەنجومەنە خۆجێییەکانیان بۆ دەکەینەوە", "We train young people in advocacy and open the doors of local councils to them"),
    ("لحقوق الإنسان", "بۆ مافەکانی مرۆڤ", "for Human Rights", "per i diritti umani", ["human-rights-defenders"],
     "نوثق الانتهاكات ونحمي المدافعين المهددين", "پێشێلکارییەکان تۆمار دەکەین و بەرگری لە داکۆکیکارە هەڕەشەلێکراوەکان دەکەین", "We document abuses and protect threatened defenders"),
    ("للرقابة على الانتخابات", "بۆ چاودێریی هەڵبژاردن", "for Election Monitoring", "per il monitoraggio elettorale", ["democracy"],
     "نراقب الانتخابات المحلية وننشر تقارير مستقلة", "چاودێریی هەڵبژاردنە خۆجێییەکان دەکەین و ڕاپۆرتی سەربەخۆ بڵاو دەکەینەوە", "We observe local elections and publish independent reports"),
    ("للسلام والمصالحة", "بۆ ئاشتی و ئاشتەوایی", "for Peace and Reconciliation", "per la pace e la riconciliazione", ["peacebuilding"],
     "نجمع العائلات والوجهاء لحل النزاعات دون عنف", "خێزانەکان و ڕیشسپییەکان کۆ دەکەینەوە بۆ چارەسەرکردنی ناکۆکییەکان بێ توندوتیژی", "We bring families and elders together to settle disputes without violence"),
    ("لنزع السلاح", "بۆ چەکداماڵین", "for Disarmament", "per il disarmo", ["demilitarization", "peacebuilding"],
     "نطالب بحصر السلاح بيد الدولة ونرسم خرائط مخلفات الحرب", "داوای کۆنترۆڵکردنی چەک لەلایەن دەوڵەتەوە دەکەین و نەخشەی پاشماوەکانی جەنگ دەکێشین", "We call for the state alone to hold arms and map the remnants of war"),
    ("لحقوق الأقليات", "بۆ مافی کەمینەکان", "for Minority Rights", "per i diritti delle minoranze", ["minorities"],
     "ندافع عن حقوق الإيزيديين والمسيحيين والتركمان والصابئة المندائيين", "بەرگری لە مافی ئێزدی و مەسیحی و تورکمان و سابیئە مەندائییەکان دەکەین", "We defend the rights of Yazidis, Christians, Turkmen and Sabean Mandaeans"),
    ("للعمل اللائق", "بۆ کاری شایستە", "for Decent Work", "per il lavoro dignitoso", ["economic-social-rights"],
     "ننظم العمال من أجل عقود مكتوبة وأجور عادلة وسلامة مهنية", "کرێکاران ڕێک دەخەین بۆ گرێبەستی نووسراو و کرێی دادپەروەرانە و سەلامەتیی کار", "We organise workers for written contracts, fair pay and safety at work"),
    ("لحماية التراث", "بۆ پاراستنی کەلەپوور", "for Heritage Protection", "per la tutela del patrimonio", ["heritage-environment"],
     "نوثق المواقع الأثرية المتضررة وندرب الحرفيين على الترميم", "شوێنەوارە زیانلێکەوتووەکان تۆمار دەکەین و ڕاهێنان بە وەستاکان دەکەین لەسەر نۆژەنکردنەوە", "We document damaged heritage sites and train craftspeople in restoration"),
    ("للبيئة النظيفة", "بۆ ژینگەیەکی پاک", "for a Clean Environment", "per un ambiente pulito", ["heritage-environment"],
     "نقيس تلوث الهواء ونزرع الأشجار ونطالب بوقف حرق الغاز", "پیسبوونی هەوا دەپێوین و دار دەچێنین و داوای ڕاگرتنی سووتاندنی گاز دەکەین", "We measure air pollution, plant trees and demand an end to gas flaring"),
    ("للتعليم للجميع", "بۆ خوێندن بۆ هەمووان", "for Education for All", "per l'istruzione per tutti", ["youth", "economic-social-rights"],
     "نعيد الأطفال المتسربين إلى المدارس ونطالب بأبنية مدرسية كافية", "منداڵانی وازهێنەر دەگەڕێنینەوە بۆ قوتابخانە و داوای بینای قوتابخانەی پێویست دەکەین", "We bring children who dropped out back to school and call for enough school buildings"),
    ("للحق في الصحة", "بۆ مافی تەندروستی", "for the Right to Health", "per il diritto alla salute", ["economic-social-rights"],
     "نشغل عيادات متنقلة ونراقب توفر الأدوية في المستشفيات العامة", "کلینیکی گەڕۆک بەڕێوە دەبەین و چاودێریی بوونی دەرمان لە نەخۆشخانە گشتییەکان دەکەین", "We run mobile clinics and monitor the supply of medicines in public hospitals"),
    ("لحرية الصحافة", "بۆ ئازادیی ڕۆژنامەگەری", "for Press Freedom", "per la libertà di stampa", ["democracy", "human-rights-defenders"],
     "ندرب الصحفيين على السلامة ونرصد الاعتداءات على الصحافة", "ڕاهێنان بە ڕۆژنامەنووسان دەکەین لەسەر سەلامەتی و پەلامارەکانی سەر ڕۆژنامەگەری تۆمار دەکەین", "We train journalists in safety and record attacks on the press"),
    ("لكشف مصير المفقودين", "بۆ دۆزینەوەی بێسەروشوێنەکان", "for the Missing", "per le persone scomparse", ["human-rights-defenders", "peacebuilding"],
     "نجمع شهادات عائلات المفقودين ونطالب بفتح المقابر الجماعية", "شایەتیی خێزانی بێسەروشوێنەکان کۆ دەکەینەوە و داوای کردنەوەی گۆڕە بەکۆمەڵەکان دەکەین", "We collect testimonies from families of the missing and call for mass graves to be opened"),
    ("لعودة النازحين", "بۆ گەڕانەوەی ئاوارەکان", "for the Return of Displaced People", "per il ritorno degli sfollati", ["peacebuilding", "minorities"],
     "نساعد العائلات النازحة على العودة إلى بيوتها واستعادة وثائقها", "یارمەتیی خێزانە ئاوارەکان دەدەین بۆ گەڕانەوە بۆ ماڵەکانیان و وەرگرتنەوەی بەڵگەنامەکانیان", "We help displaced families return home and recover their documents"),
    ("للحق في السكن", "بۆ مافی نیشتەجێبوون", "for the Right to Housing", "per il diritto alla casa", ["economic-social-rights"],
     "نقف مع سكان العشوائيات ضد الإخلاء القسري", "لەگەڵ دانیشتووانی گەڕەکە هەڕەمەکییەکان دژی دەرکردنی بەزۆر دەوەستین", "We stand with residents of informal settlements against forced eviction"),
    ("لحقوق ذوي الإعاقة", "بۆ مافی کەمئەندامان", "for Disability Rights", "per i diritti delle persone con disabilità", ["economic-social-rights", "democracy"],
     "نطالب بمبانٍ عامة يسهل الوصول إليها وبإعانات عادلة", "داوای بینای گشتیی گونجاو و یارمەتیی دادپەروەرانە دەکەین", "We press for accessible public buildings and fair allowances"),
    ("لإحياء الأهوار", "بۆ زیندووکردنەوەی زەلکاوەکان", "for Reviving the Marshes", "per far rivivere le paludi", ["heritage-environment", "economic-social-rights"],
     "نسجل مناسيب المياه ونطالب بإطلاقات عادلة من السدود", "ئاستی ئاو تۆمار دەکەین و داوای بەردانی دادپەروەرانەی ئاو لە بەنداوەکان دەکەین", "We record water levels and demand fair releases from the dams"),
    ("للزراعة المستدامة", "بۆ کشتوکاڵی بەردەوام", "for Sustainable Farming", "per l'agricoltura sostenibile", ["heritage-environment", "economic-social-rights"],
     "ندرب الفلاحين على الري بالتنقيط ونحمي البساتين من التجريف", "ڕاهێنان بە جووتیاران دەکەین لەسەر ئاودێریی دڵۆپەیی و باخەکان لە وێرانکردن دەپارێزین", "We train farmers in drip irrigation and protect orchards from being bulldozed"),
    ("لحقوق النساء السياسية", "بۆ مافی سیاسیی ژنان", "for Women's Political Rights", "per i diritti politici delle donne", ["women", "democracy"],
     "نرافق المرشحات ونطالب باحترام حصة النساء", "هاوکاریی کاندیدە ژنەکان دەکەین و داوای ڕێزگرتن لە پشکی ژنان دەکەین", "We accompany women candidates and demand that the women's quota be respected"),
]

# A branch in a district: more unique names, and realistic ones.
DISTRICTS = {
    "IQ-AN": [("الفلوجة", "فەلووجە", "Fallujah"), ("هيت", "هیت", "Hit"), ("القائم", "قائیم", "al-Qaim")],
    "IQ-BB": [("المسيب", "موسەیەب", "Musayyib"), ("المحاويل", "مەحاویل", "Mahawil"), ("الهاشمية", "هاشمیە", "Hashimiya")],
    "IQ-BG": [("الكرادة", "کەڕادە", "Karrada"), ("الأعظمية", "ئەعزەمیە", "Adhamiya"), ("الكاظمية", "کازمیە", "Kadhimiya"), ("المنصور", "مەنسوور", "Mansour")],
    "IQ-BA": [("الزبير", "زوبەیر", "Zubair"), ("أبو الخصيب", "ئەبو خەسیب", "Abu al-Khasib"), ("القرنة", "قورنە", "Qurna"), ("الفاو", "فاو", "Faw")],
    "IQ-DQ": [("الشطرة", "شەترە", "Shatra"), ("الرفاعي", "ڕیفاعی", "Rifai"), ("الجبايش", "چەبایش", "Chibayish")],
    "IQ-DI": [("خانقين", "خانەقین", "Khanaqin"), ("المقدادية", "موقدادیە", "Muqdadiya"), ("بلدروز", "بەلەدڕووز", "Baladrooz")],
    "IQ-DA": [("زاخو", "زاخۆ", "Zakho"), ("العمادية", "ئامێدی", "Amadiya"), ("سميل", "سێمێل", "Semel")],
    "IQ-AR": [("سوران", "سۆران", "Soran"), ("كويه", "کۆیە", "Koya"), ("شقلاوة", "شەقڵاوە", "Shaqlawa")],
    "IQ-KA": [("عين التمر", "عەین تەمر", "Ain al-Tamr"), ("الهندية", "هیندیە", "Hindiya")],
    "IQ-KI": [("الحويجة", "حەویجە", "Hawija"), ("داقوق", "داقووق", "Daquq"), ("دبس", "دوبز", "Dibis")],
    "IQ-MA": [("المجر الكبير", "مەجەڕی گەورە", "Majar al-Kabir"), ("علي الغربي", "عەلی غەربی", "Ali al-Gharbi"), ("قلعة صالح", "قەڵای ساڵح", "Qalat Salih")],
    "IQ-MU": [("الرميثة", "ڕومەیسە", "Rumaitha"), ("الخضر", "خدر", "Khidhir")],
    "IQ-NA": [("الكوفة", "کووفە", "Kufa"), ("المناذرة", "مەناذرە", "Manathera")],
    "IQ-NI": [("سنجار", "شنگال", "Sinjar"), ("تلعفر", "تەلەعفەر", "Tal Afar"), ("الحمدانية", "حەمدانیە", "Hamdaniya"), ("تلكيف", "تلکێف", "Tel Keppe")],
    "IQ-QA": [("الشامية", "شامیە", "Shamiya"), ("عفك", "عەفەک", "Afak")],
    "IQ-SD": [("سامراء", "سامەڕا", "Samarra"), ("بيجي", "بێجی", "Baiji"), ("طوزخورماتو", "دووزخورماتوو", "Tuz Khurmatu")],
    "IQ-SU": [("حلبجة", "هەڵەبجە", "Halabja"), ("رانية", "ڕانیە", "Ranya"), ("جمجمال", "چەمچەماڵ", "Chamchamal"), ("كلار", "کەلار", "Kalar")],
    "IQ-WA": [("الصويرة", "سوێرە", "Suwaira"), ("النعمانية", "نوعمانیە", "Numaniya"), ("الحي", "حەی", "al-Hay")],
}
KURDISTAN = {"IQ-AR", "IQ-SU", "IQ-DA"}

# Cities of organisations based abroad: (country, city en, ar, it, weight)
ABROAD = [
    ("IT", "Rome", "روما", "Roma", 6), ("IT", "Milan", "ميلانو", "Milano", 3), ("IT", "Florence", "فلورنسا", "Firenze", 2),
    ("FR", "Paris", "باريس", "Parigi", 4), ("FR", "Lyon", "ليون", "Lione", 2), ("DE", "Berlin", "برلين", "Berlino", 4),
    ("DE", "Cologne", "كولونيا", "Colonia", 2), ("GB", "London", "لندن", "Londra", 4), ("GB", "Manchester", "مانشستر", "Manchester", 1),
    ("ES", "Madrid", "مدريد", "Madrid", 2), ("ES", "Barcelona", "برشلونة", "Barcellona", 2), ("NO", "Oslo", "أوسلو", "Oslo", 2),
    ("SE", "Stockholm", "ستوكهولم", "Stoccolma", 2), ("SE", "Malmö", "مالمو", "Malmö", 2), ("US", "New York", "نيويورك", "New York", 2),
    ("US", "Chicago", "شيكاغو", "Chicago", 1), ("BE", "Brussels", "بروكسل", "Bruxelles", 3), ("CH", "Geneva", "جنيف", "Ginevra", 3),
    ("NL", "Amsterdam", "أمستردام", "Amsterdam", 2), ("NL", "The Hague", "لاهاي", "L'Aia", 1), ("TR", "Istanbul", "إسطنبول", "Istanbul", 2),
    ("LB", "Beirut", "بيروت", "Beirut", 2), ("JO", "Amman", "عمّان", "Amman", 2), ("DK", "Copenhagen", "كوبنهاغن", "Copenaghen", 1),
    ("AT", "Vienna", "فيينا", "Vienna", 1),
]
EXTRA_LANGUAGES = ["syr", "tk", "hy", "fa", "tr", "fr", "de", "es", "kmr", "it"]


def _setup_django() -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tadamun.settings")
    import django

    django.setup()


def _place_names(governorates) -> dict[str, tuple[str, str, str]]:
    return {
        g.iso_code: (g.capital.get("ar") or g.names["ar"], g.capital.get("ckb") or g.names["ckb"], g.capital.get("en") or g.names["en"])
        for g in governorates
    }


def generate(count: int = 10_000, *, seed: int = 2026, batch_size: int = 1000, stdout=None) -> dict:
    """Add `count` approved organisations (with governorates, pathways, languages and two
    contact details each). Can be called again: new names never clash with existing ones."""
    from django.db import transaction
    from django.utils import timezone
    from django.utils.text import slugify

    from tadamun.core.text import normalise
    from tadamun.network.models import (
        ContactDetail,
        Governorate,
        Organisation,
        Visibility,
        WorkingLanguage,
    )
    from tadamun.pathways.models import Pathway

    started = time.perf_counter()
    rng = random.Random(seed + Organisation.objects.count())
    governorates = list(Governorate.objects.all())
    gov_by_code = {g.iso_code: g for g in governorates}
    places = _place_names(governorates)
    pathways = {p.slug: p for p in Pathway.objects.all()}
    pathway_slugs = list(pathways)
    languages = {w.code: w for w in WorkingLanguage.objects.all()}
    taken_keys = set(Organisation.objects.values_list("name_key", flat=True))
    taken_slugs = set(Organisation.objects.values_list("slug", flat=True))
    kinds, weights = zip(*KIND_WEIGHTS.items(), strict=True)
    abroad, abroad_weights = [row[:4] for row in ABROAD], [row[4] for row in ABROAD]
    now = timezone.now()
    codes = sorted(gov_by_code)

    def unique_slug(base: str) -> str:
        base = slugify(base)[:64].strip("-") or "organisation"
        slug, n = base, 1
        while slug in taken_slugs:
            n += 1
            slug = f"{base}-{n}"
        taken_slugs.add(slug)
        return slug

    def compose(kind: str, iso: str, topic, district, city):
        p_ar, p_ckb, p_en, p_it = rng.choice(PREFIXES[kind])
        t_ar, t_ckb, t_en, t_it = topic[:4]
        c_ar, c_ckb, c_en = places[iso]
        if city:
            _country, city_en, city_ar, city_it = city
            names = {"en": f"{city_en} {p_en} {t_en}", "ar": f"{p_ar} {city_ar} {t_ar}"}
            if _country == "IT":
                names["it"] = f"{p_it} di {city_it} {t_it}"
        else:
            names = {"ar": f"{p_ar} {c_ar} {t_ar}", "ckb": f"{p_ckb} {c_ckb} {t_ckb}", "en": f"{c_en} {p_en} {t_en}"}
            if district:
                d_ar, d_ckb, d_en = district
                names["ar"] += f" – فرع {d_ar}"
                names["ckb"] += f" – لقی {d_ckb}"
                names["en"] += f", {d_en} branch"
        return names

    made = 0
    orgs_total = 0
    with transaction.atomic():
        while made < count:
            chunk = min(batch_size, count - made)
            batch: list[Organisation] = []
            relations: list[tuple[list[str], list[str], list[str]]] = []
            while len(batch) < chunk:
                kind = rng.choices(kinds, weights)[0]
                based_abroad = kind == "international" or rng.random() < 0.03
                iso = rng.choice(codes)
                topic = rng.choice(TOPICS)
                district = rng.choice([None, *DISTRICTS[iso]]) if not based_abroad else None
                country, city = "IQ", None
                if based_abroad:
                    city = rng.choices(abroad, abroad_weights)[0]
                    country = city[0]
                names = compose(kind, iso, topic, district, city)
                if based_abroad:
                    original = "it" if country == "IT" and rng.random() < 0.6 else ("ar" if kind != "international" else "en")
                elif iso in KURDISTAN:
                    original = "ckb" if rng.random() < 0.8 else "ar"
                else:
                    original = "ar" if rng.random() < 0.95 else "ckb"
                name = names[original]
                key = normalise(name)
                if key in taken_keys:
                    # The same composition again: number it.
                    n = 2
                    while normalise(f"{name} {n}") in taken_keys:
                        n += 1
                    names = {lang: f"{text} {n}" for lang, text in names.items()}
                    name = names[original]
                    key = normalise(name)
                taken_keys.add(key)
                year = rng.randint(1958, 2024) if kind == "trade_union" else rng.randint(1995, 2025)
                where_ar, where_ckb, where_en = places[iso]
                if city:
                    where_en, where_ar, where_ckb = city[1], city[2], city[1]
                texts = {
                    "ar": f"{topic[5]} في {where_ar}. تأسسنا عام {year} ونعمل مع شركاء في محافظات العراق وخارجه.",
                    "ckb": f"{topic[6]} لە {where_ckb}. لە ساڵی {year} دامەزراوین و لەگەڵ هاوبەشان لە پارێزگاکانی عێراق و دەرەوە کار دەکەین.",
                    "en": f"{topic[7]} in {where_en}. Founded in {year}, we work with partners across Iraq's governorates and abroad.",
                }
                if original == "it":
                    texts["it"] = f"Lavoriamo a {city[3]} {topic[3]}. Fondata nel {year}, collaboriamo con partner in Iraq e in Europa."
                description = texts[original]
                descriptions = {lang: text for lang, text in texts.items() if lang != original and (lang != "ckb" or iso in KURDISTAN or rng.random() < 0.3)}
                other_names = {lang: text for lang, text in names.items() if lang != original}
                search_text = normalise(" ".join([name, *other_names.values(), description, *descriptions.values()]))
                slug = unique_slug(names.get("en") or name)
                reviewed = now - timedelta(days=rng.randint(0, 1500), minutes=rng.randint(0, 1439))
                batch.append(
                    Organisation(
                        slug=slug,
                        name=name,
                        name_key=key,
                        names=other_names,
                        original_language=original,
                        description=description,
                        descriptions=descriptions,
                        kind=kind,
                        country=country,
                        year_founded=year,
                        website=f"https://{slug}.example.org",
                        search_text=search_text,
                        status=Organisation.Status.APPROVED,
                        is_trusted=rng.random() < 0.05,
                        reviewed_at=reviewed,
                    )
                )
                govs = [iso, *rng.sample(codes, rng.choice([0, 0, 1, 2]))]
                paths = list(dict.fromkeys([*topic[4], *rng.sample(pathway_slugs, rng.choice([0, 1, 2]))]))[:4]
                base_langs = {"ckb": ["ckb", "ar"], "ar": ["ar"], "en": ["en", "ar"], "it": ["it", "en"]}[original]
                langs = list(dict.fromkeys([*base_langs, rng.choice(["en", *EXTRA_LANGUAGES])]))[:3]
                relations.append((list(dict.fromkeys(govs)), paths, langs))
            created = Organisation.objects.bulk_create(batch)
            gov_rows, path_rows, lang_rows, contacts = [], [], [], []
            for org, (govs, paths, langs) in zip(created, relations, strict=True):
                gov_rows += [Organisation.governorates.through(organisation_id=org.pk, governorate_id=gov_by_code[c].pk) for c in govs]
                path_rows += [Organisation.pathways.through(organisation_id=org.pk, pathway_id=pathways[s].pk) for s in paths]
                lang_rows += [Organisation.languages.through(organisation_id=org.pk, workinglanguage_id=languages[c].pk) for c in langs]
                contacts.append(ContactDetail(organisation_id=org.pk, kind="email", value=f"info@{org.slug}.example.org", visibility=Visibility.PUBLIC, position=0))
                contacts.append(ContactDetail(organisation_id=org.pk, kind="phone", value=f"+964 7{rng.randint(700000000, 999999999)}", visibility=Visibility.MEMBERS, position=1))
            Organisation.governorates.through.objects.bulk_create(gov_rows, batch_size=batch_size)
            Organisation.pathways.through.objects.bulk_create(path_rows, batch_size=batch_size)
            Organisation.languages.through.objects.bulk_create(lang_rows, batch_size=batch_size)
            ContactDetail.objects.bulk_create(contacts, batch_size=batch_size)
            made += chunk
            orgs_total += len(created)
            if stdout is not None:
                stdout.write(f"  {made}/{count} organisations\n")
    seconds = time.perf_counter() - started
    return {"organisations": orgs_total, "seconds": round(seconds, 2)}


# --- The newsroom: articles -------------------------------------------------------------------

ARTICLE_LANGUAGES = ["ar", "ckb", "kmr", "en", "it"]
# Language of an article not written in its organisation's own language.
ARTICLE_LANGUAGE_WEIGHTS = {"ar": 45, "ckb": 20, "en": 18, "kmr": 10, "it": 7}
# Language of a published version (a translation), by weight.
VERSION_LANGUAGE_WEIGHTS = {"en": 40, "ar": 30, "ckb": 15, "it": 10, "kmr": 5}
ARTICLE_KIND_WEIGHTS = {"news": 50, "report": 15, "statement": 15, "interview": 8, "story": 12}
VERSION_SHARE = 0.10
BODY_VARIANTS = 5  # distinct bodies per (language, topic): 12 topics x 5 languages x 5 = 300

# By language: the title of each kind ({h} headline, {H} the same capitalised, {p} a place).
TITLES = {
    "ar": {"news": "{h} في {p}", "report": "تقرير: {h} في {p}", "statement": "بيان بشأن {h} في {p}",
           "interview": "حوار: {h} في {p}", "story": "قصة من {p}: {h}"},
    "ckb": {"news": "{h} لە {p}", "report": "ڕاپۆرت: {h} لە {p}", "statement": "ڕاگەیەندراو دەربارەی {h} لە {p}",
            "interview": "چاوپێکەوتن: {h} لە {p}", "story": "چیرۆکێک لە {p}: {h}"},
    "kmr": {"news": "{H} li {p}", "report": "Rapor: {h} li {p}", "statement": "Daxuyanî li ser {h} li {p}",
            "interview": "Hevpeyvîn: {h} li {p}", "story": "Çîrokek ji {p}: {h}"},
    "en": {"news": "{H} in {p}", "report": "Report: {h} in {p}", "statement": "Statement on {h} in {p}",
           "interview": "Interview: {h} in {p}", "story": "A story from {p}: {h}"},
    "it": {"news": "{H} a {p}", "report": "Rapporto: {h} a {p}", "statement": "Dichiarazione su {h} a {p}",
           "interview": "Intervista: {h} a {p}", "story": "Una storia da {p}: {h}"},
}
HEADINGS = {
    "ar": ["ماذا نطالب", "ما الذي حدث", "الخطوات القادمة"],
    "ckb": ["داواکارییەکانمان", "چی ڕوویدا", "هەنگاوەکانی داهاتوو"],
    "kmr": ["Daxwazên me", "Çi qewimî", "Gavên pêş"],
    "en": ["What we ask", "What happened", "Next steps"],
    "it": ["Cosa chiediamo", "Cosa è successo", "I prossimi passi"],
}
COMMON_SENTENCES = {
    "ar": [
        "شارك في النشاط متطوعون من عدة محافظات.", "نشكر كل من ساهم في هذا العمل.",
        "للمزيد من المعلومات تواصلوا معنا عبر صفحة المنظمة.", "سنواصل العمل مع شركائنا في شبكة تضامن.",
        "ندعو المؤسسات الحكومية إلى الاستماع إلى أصوات الناس.", "هذا العمل ممكن بفضل دعم المتبرعين والمتطوعين.",
    ],
    "ckb": [
        "خۆبەخشان لە چەند پارێزگایەکەوە بەشدارییان کرد.", "سوپاسی هەموو ئەوانە دەکەین کە یارمەتییان دا.",
        "بۆ زانیاریی زیاتر پەیوەندیمان پێوە بکەن.", "لەگەڵ هاوبەشەکانمان لە تۆڕی تەزامون بەردەوام دەبین.",
        "داوا لە دامەزراوە حکومییەکان دەکەین گوێ لە دەنگی خەڵک بگرن.", "ئەم کارە بە پشتگیریی خۆبەخشان ئەنجام درا.",
    ],
    "kmr": [
        "Dilxwazên ji çend parêzgehan beşdarî çalakiyê bûn.", "Em spasiya hemû kesên ku alîkarî kirin dikin.",
        "Ji bo agahiyên zêdetir bi me re têkilî daynin.", "Em ê bi hevkarên xwe yên di tora Tadamun de berdewam bikin.",
        "Em ji saziyên hikûmetê dixwazin ku guh bidin dengê xelkê.", "Ev kar bi piştgiriya dilxwazan pêk hat.",
    ],
    "en": [
        "Volunteers from several governorates took part.", "We thank everyone who contributed to this work.",
        "For more information, contact us through the organisation's page.",
        "We will keep working with our partners in the Tadamun network.",
        "We call on public institutions to listen to people's voices.",
        "This work is possible thanks to donors and volunteers.",
    ],
    "it": [
        "Hanno partecipato volontari di diversi governatorati.", "Ringraziamo tutte le persone che hanno contribuito.",
        "Per saperne di più, scriveteci dalla pagina dell'organizzazione.",
        "Continueremo a lavorare con i partner della rete Tadamun.",
        "Chiediamo alle istituzioni di ascoltare la voce delle persone.",
        "Questo lavoro è possibile grazie a donatori e volontari.",
    ],
}
# (pathways, {language: (headline, sentences)})
ARTICLE_TOPICS = [
    (["heritage-environment", "economic-social-rights"], {
        "ar": ("أزمة مياه الشرب", [
            "انقطعت مياه الشرب عن أحياء كاملة منذ أكثر من أسبوعين.",
            "فحص متطوعونا عينات من المياه ووجدوا تلوثاً يتجاوز الحدود المسموح بها.",
            "نطالب دائرة الماء بإصلاح شبكات الإسالة ونشر نتائج الفحوص للناس.",
            "تضطر العائلات إلى شراء المياه من الصهاريج بأسعار لا تقدر عليها."]),
        "ckb": ("قەیرانی ئاوی خواردنەوە", [
            "زیاتر لە دوو هەفتەیە ئاوی خواردنەوە لە چەند گەڕەکێک بڕاوە.",
            "خۆبەخشەکانمان نموونەی ئاویان پشکنی و پیسبوونیان دۆزییەوە.",
            "داوا لە بەڕێوەبەرایەتیی ئاو دەکەین تۆڕەکان چاک بکاتەوە.",
            "خێزانەکان ناچارن ئاو بە نرخی گران بکڕن."]),
        "kmr": ("krîza ava vexwarinê", [
            "Zêdetirî du hefteyan e ku ava vexwarinê li çend taxan nayê.",
            "Dilxwazên me nimûneyên avê kontrol kirin û qirêjiyek mezin dîtin.",
            "Em ji rêveberiya avê dixwazin ku toran tamîr bike.",
            "Malbat neçar in ku avê bi bihayekî giran bikirin."]),
        "en": ("the drinking water crisis", [
            "Whole neighbourhoods have been without drinking water for more than two weeks.",
            "Our volunteers tested water samples and found contamination above the permitted limits.",
            "We call on the water directorate to repair the networks and publish the test results.",
            "Families are forced to buy water from tankers at prices they cannot afford."]),
        "it": ("la crisi dell'acqua potabile", [
            "Interi quartieri sono senza acqua potabile da più di due settimane.",
            "I nostri volontari hanno analizzato campioni d'acqua e trovato contaminazioni oltre i limiti.",
            "Chiediamo alla direzione dell'acqua di riparare le reti e pubblicare i risultati delle analisi.",
            "Le famiglie sono costrette a comprare l'acqua dalle autobotti a prezzi insostenibili."]),
    }),
    (["women", "human-rights-defenders"], {
        "ar": ("حماية النساء من العنف", [
            "استقبل مركزنا هذا الشهر عشرات النساء الناجيات من العنف الأسري.",
            "تقدم المحاميات المتطوعات استشارات قانونية مجانية في المحاكم.",
            "نطالب بإقرار قانون الحماية من العنف الأسري دون تأخير.",
            "تحتاج دور الإيواء إلى تمويل ثابت وموظفات مدربات."]),
        "ckb": ("پاراستنی ژنان لە توندوتیژی", [
            "ئەم مانگە دەیان ژنی ڕزگاربوو لە توندوتیژیی خێزانی سەردانی ناوەندەکەمانیان کرد.",
            "پارێزەرە خۆبەخشەکان ڕاوێژی یاسایی بێبەرامبەر پێشکەش دەکەن.",
            "داوای پەسەندکردنی یاسای پاراستن لە توندوتیژیی خێزانی دەکەین.",
            "پەناگەکان پێویستیان بە پارەی جێگیر و کارمەندی ڕاهێنراو هەیە."]),
        "kmr": ("parastina jinan ji tundiyê", [
            "Vê mehê bi dehan jinên ku ji tundiya malbatî rizgar bûne serdana navenda me kirin.",
            "Parêzerên dilxwaz şêwirmendiya hiqûqî belaş didin.",
            "Em dixwazin ku qanûna parastinê ji tundiya malbatî bê pejirandin.",
            "Stargeh hewcedarî fînansekî domdar in."]),
        "en": ("protecting women from violence", [
            "This month dozens of women who survived domestic violence came to our centre.",
            "Volunteer lawyers give free legal advice in the courts.",
            "We call for the law against domestic violence to be passed without delay.",
            "Shelters need stable funding and trained staff."]),
        "it": ("proteggere le donne dalla violenza", [
            "Questo mese decine di donne sopravvissute alla violenza domestica sono venute al nostro centro.",
            "Avvocate volontarie offrono consulenza legale gratuita nei tribunali.",
            "Chiediamo che la legge contro la violenza domestica sia approvata senza ritardi.",
            "Le case rifugio hanno bisogno di fondi stabili e di personale formato."]),
    }),
    (["youth", "democracy"], {
        "ar": ("مشاركة الشباب في المجالس المحلية", [
            "شارك أكثر من مئة شاب وشابة في ورشة المناصرة.",
            "عرض الشباب مطالبهم على أعضاء المجلس المحلي في جلسة مفتوحة.",
            "نريد أن يكون للشباب صوت في قرارات الميزانية.",
            "تعلم المشاركون كيف يكتبون عريضة ويجمعون التواقيع."]),
        "ckb": ("بەشداریی گەنجان لە ئەنجومەنە خۆجێییەکان", [
            "زیاتر لە سەد گەنج بەشدارییان لە وۆرکشۆپی داکۆکیکردن کرد.",
            "گەنجەکان داواکارییەکانیان بە ئەندامانی ئەنجومەن ڕاگەیاند.",
            "دەمانەوێت گەنجان دەنگیان لە بڕیارەکانی بودجەدا هەبێت.",
            "بەشداربووان فێربوون چۆن داواکارییەک بنووسن."]),
        "kmr": ("beşdariya ciwanan di meclîsên herêmî de", [
            "Zêdetirî sed ciwan beşdarî atolyeya parêzvaniyê bûn.",
            "Ciwanan daxwazên xwe pêşkêşî endamên meclîsê kirin.",
            "Em dixwazin ku dengê ciwanan di biryarên budçeyê de hebe.",
            "Beşdaran fêr bûn ka çawa daxwaznameyek binivîsin."]),
        "en": ("young people in local councils", [
            "More than a hundred young women and men took part in the advocacy workshop.",
            "The young people presented their demands to council members in an open session.",
            "We want young people to have a say in budget decisions.",
            "Participants learned how to write a petition and collect signatures."]),
        "it": ("i giovani nei consigli locali", [
            "Più di cento ragazze e ragazzi hanno partecipato al laboratorio di advocacy.",
            "I giovani hanno presentato le loro richieste ai consiglieri in una seduta aperta.",
            "Vogliamo che i giovani abbiano voce nelle decisioni sul bilancio.",
            "I partecipanti hanno imparato a scrivere una petizione e a raccogliere firme."]),
    }),
    (["democracy"], {
        "ar": ("مراقبة الانتخابات المحلية", [
            "نشر فريقنا مراقبين مستقلين في مراكز الاقتراع.",
            "رصد المراقبون حالات شراء أصوات وضغط على الناخبين.",
            "ندعو المفوضية إلى نشر النتائج لكل محطة اقتراع.",
            "سننشر تقريرنا الكامل بعد انتهاء الطعون."]),
        "ckb": ("چاودێریی هەڵبژاردنە خۆجێییەکان", [
            "تیمەکەمان چاودێری سەربەخۆی لە بنکەکانی دەنگدان دانا.",
            "چاودێران کڕینی دەنگ و فشار لەسەر دەنگدەرانیان تۆمار کرد.",
            "داوا لە کۆمسیۆن دەکەین ئەنجامی هەموو وێستگەیەک بڵاو بکاتەوە.",
            "ڕاپۆرتە تەواوەکەمان دوای تانەکان بڵاو دەکەینەوە."]),
        "kmr": ("çavdêriya hilbijartinên herêmî", [
            "Tîma me çavdêrên serbixwe li navendên dengdanê bi cih kirin.",
            "Çavdêran kirîna dengan û zextê li ser dengdêran tomar kirin.",
            "Em ji komîsyonê dixwazin ku encamên her sindoqê belav bike.",
            "Em ê rapora xwe ya temam piştî îtirazan belav bikin."]),
        "en": ("monitoring the local elections", [
            "Our team placed independent observers in polling stations.",
            "Observers recorded vote buying and pressure on voters.",
            "We call on the commission to publish results for every polling station.",
            "We will publish our full report once appeals are over."]),
        "it": ("l'osservazione delle elezioni locali", [
            "La nostra squadra ha inviato osservatori indipendenti nei seggi.",
            "Gli osservatori hanno registrato compravendita di voti e pressioni sugli elettori.",
            "Chiediamo alla commissione di pubblicare i risultati di ogni seggio.",
            "Pubblicheremo il rapporto completo dopo i ricorsi."]),
    }),
    (["peacebuilding"], {
        "ar": ("الحوار والمصالحة بين العشائر", [
            "جلس وجهاء العشائر والعائلات إلى طاولة واحدة لأول مرة منذ سنوات.",
            "اتفق الحاضرون على حل النزاع على الأرض دون سلاح.",
            "تقود النساء والشباب لجان المصالحة في القرى.",
            "السلام يبنى في الأحياء قبل أن يكتب في الاتفاقات."]),
        "ckb": ("دیالۆگ و ئاشتەوایی", [
            "ڕیشسپییەکان و خێزانەکان بۆ یەکەمجار دوای چەند ساڵ لە دەوری یەک مێز دانیشتن.",
            "ئامادەبووان ڕێککەوتن ناکۆکییەکە بێ چەک چارەسەر بکەن.",
            "ژنان و گەنجان سەرکردایەتیی لیژنەکانی ئاشتەوایی دەکەن.",
            "ئاشتی لە گەڕەکەکاندا بنیات دەنرێت."]),
        "kmr": ("diyalog û lihevhatin", [
            "Rîspî û malbat piştî çend salan cara yekem li dora heman maseyê rûniştin.",
            "Beşdaran li hev kirin ku nakokiyê bê çek çareser bikin.",
            "Jin û ciwan rêberiya komîteyên lihevhatinê dikin.",
            "Aştî li taxan tê avakirin."]),
        "en": ("dialogue and reconciliation", [
            "Elders and families sat at one table for the first time in years.",
            "Those present agreed to settle the land dispute without weapons.",
            "Women and young people lead the reconciliation committees in the villages.",
            "Peace is built in neighbourhoods before it is written in agreements."]),
        "it": ("dialogo e riconciliazione", [
            "Anziani e famiglie si sono seduti allo stesso tavolo per la prima volta da anni.",
            "I presenti hanno concordato di risolvere la disputa sulla terra senza armi.",
            "Donne e giovani guidano i comitati di riconciliazione nei villaggi.",
            "La pace si costruisce nei quartieri prima di scriverla negli accordi."]),
    }),
    (["demilitarization", "peacebuilding"], {
        "ar": ("إزالة الألغام ومخلفات الحرب", [
            "ما زالت الألغام تمنع الفلاحين من العودة إلى أراضيهم.",
            "رسم فريقنا خريطة للمناطق الملوثة بمخلفات الحرب.",
            "نطالب بحصر السلاح بيد الدولة وتعويض الضحايا.",
            "تعلم الأطفال في المدارس كيف يتجنبون الأجسام الغريبة."]),
        "ckb": ("پاککردنەوەی مین و پاشماوەکانی جەنگ", [
            "مینەکان هێشتا ڕێگە لە گەڕانەوەی جووتیاران دەگرن.",
            "تیمەکەمان نەخشەی ناوچە پیسبووەکانی کێشا.",
            "داوای کۆنترۆڵکردنی چەک لەلایەن دەوڵەتەوە دەکەین.",
            "منداڵان لە قوتابخانەکان فێر دەبن چۆن خۆیان بپارێزن."]),
        "kmr": ("paqijkirina mayînan", [
            "Mayîn hê jî rê li ber vegera cotkaran digirin.",
            "Tîma me nexşeya herêmên qirêj amade kir.",
            "Em dixwazin ku çek tenê di destê dewletê de be.",
            "Zarok li dibistanan fêr dibin ka çawa xwe biparêzin."]),
        "en": ("clearing mines and the remnants of war", [
            "Mines still keep farmers from returning to their land.",
            "Our team mapped the areas contaminated by the remnants of war.",
            "We call for arms to be held by the state alone and for victims to be compensated.",
            "Children learn at school how to stay away from unknown objects."]),
        "it": ("lo sminamento e i residuati bellici", [
            "Le mine impediscono ancora ai contadini di tornare alle loro terre.",
            "La nostra squadra ha mappato le aree contaminate dai residuati bellici.",
            "Chiediamo che le armi siano solo nelle mani dello Stato e che le vittime siano risarcite.",
            "A scuola i bambini imparano a stare lontani dagli oggetti sconosciuti."]),
    }),
    (["minorities"], {
        "ar": ("حقوق الأقليات", [
            "التقينا بعائلات إيزيدية ومسيحية عادت إلى قراها.",
            "يجب أن تحترم المناهج الدراسية لغات الأقليات وأديانها.",
            "وثقنا الاستيلاء على بيوت العائدين وأراضيهم.",
            "التنوع ثروة العراق وليس تهديداً له."]),
        "ckb": ("مافی کەمینەکان", [
            "لەگەڵ خێزانە ئێزدی و مەسیحییەکان کۆبووینەوە کە گەڕاونەتەوە گوندەکانیان.",
            "پێویستە پرۆگرامی خوێندن ڕێز لە زمان و ئایینی کەمینەکان بگرێت.",
            "داگیرکردنی ماڵ و زەویی گەڕاوەکانمان تۆمار کرد.",
            "فرەچەشنی سامانی عێراقە."]),
        "kmr": ("mafên kêmneteweyan", [
            "Em bi malbatên êzidî û xiristiyan re civiyan ku vegeriyane gundên xwe.",
            "Divê bernameya xwendinê rêzê li ziman û olên kêmneteweyan bigire.",
            "Me desteserkirina mal û erdên vegeriyayan tomar kir.",
            "Cihêrengî dewlemendiya Iraqê ye."]),
        "en": ("minority rights", [
            "We met Yazidi and Christian families who have returned to their villages.",
            "School curricula must respect the languages and faiths of minorities.",
            "We documented the seizure of returnees' homes and land.",
            "Diversity is Iraq's wealth, not a threat to it."]),
        "it": ("i diritti delle minoranze", [
            "Abbiamo incontrato famiglie yazide e cristiane tornate nei loro villaggi.",
            "I programmi scolastici devono rispettare le lingue e le fedi delle minoranze.",
            "Abbiamo documentato l'occupazione delle case e delle terre di chi è tornato.",
            "La diversità è la ricchezza dell'Iraq, non una minaccia."]),
    }),
    (["economic-social-rights"], {
        "ar": ("حقوق العمال والأجور العادلة", [
            "أضرب عمال المعمل للمطالبة بعقود مكتوبة وأجور متأخرة.",
            "سجلت النقابة عشرات إصابات العمل هذا العام.",
            "نطالب بتطبيق قانون العمل على القطاع الخاص.",
            "العمل اللائق حق لكل عامل وعاملة."]),
        "ckb": ("مافی کرێکاران و کرێی دادپەروەرانە", [
            "کرێکارانی کارگەکە مانیان گرت بۆ گرێبەستی نووسراو.",
            "سەندیکاکە دەیان ڕووداوی کاری ئەمساڵ تۆمار کرد.",
            "داوای جێبەجێکردنی یاسای کار لە کەرتی تایبەت دەکەین.",
            "کاری شایستە مافی هەموو کرێکارێکە."]),
        "kmr": ("mafên karkeran û mûçeyên adil", [
            "Karkerên kargehê ji bo peymanên nivîskî dest ji kar berdan.",
            "Sendîkayê bi dehan qezayên kar îsal tomar kirin.",
            "Em dixwazin ku qanûna kar li sektora taybet bê cîbicîkirin.",
            "Karê bi rûmet mafê her karkerî ye."]),
        "en": ("workers' rights and fair wages", [
            "Workers at the factory went on strike for written contracts and unpaid wages.",
            "The union recorded dozens of workplace injuries this year.",
            "We call for the labour law to be applied in the private sector.",
            "Decent work is the right of every worker."]),
        "it": ("i diritti dei lavoratori e salari giusti", [
            "I lavoratori della fabbrica hanno scioperato per contratti scritti e salari arretrati.",
            "Il sindacato ha registrato decine di infortuni sul lavoro quest'anno.",
            "Chiediamo che la legge sul lavoro sia applicata nel settore privato.",
            "Il lavoro dignitoso è un diritto di ogni lavoratore."]),
    }),
    (["heritage-environment"], {
        "ar": ("تلوث الهواء وحرق الغاز", [
            "قاس متطوعونا تلوث الهواء قرب حقول النفط.",
            "زرعنا ألف شجرة على ضفاف النهر مع طلاب المدارس.",
            "نطالب بوقف حرق الغاز المصاحب وحماية صحة السكان.",
            "يحتاج التراث والبيئة إلى حماية من التجريف."]),
        "ckb": ("پیسبوونی هەوا و سووتاندنی گاز", [
            "خۆبەخشەکانمان پیسبوونی هەوایان لە نزیک کێڵگە نەوتییەکان پێوا.",
            "لەگەڵ قوتابیان هەزار دارمان لە کەناری ڕووبار چاند.",
            "داوای ڕاگرتنی سووتاندنی گاز دەکەین.",
            "کەلەپوور و ژینگە پێویستیان بە پاراستنە."]),
        "kmr": ("qirêjiya hewayê û şewitandina gazê", [
            "Dilxwazên me qirêjiya hewayê li nêzî zeviyên petrolê pîvandin.",
            "Me bi xwendekaran re hezar dar li ber çem çandin.",
            "Em dixwazin ku şewitandina gazê bê rawestandin.",
            "Mîrate û jîngeh hewcedarî parastinê ne."]),
        "en": ("air pollution and gas flaring", [
            "Our volunteers measured air pollution near the oil fields.",
            "With school pupils we planted a thousand trees along the river.",
            "We call for an end to gas flaring to protect people's health.",
            "Heritage and the environment need protection from bulldozers."]),
        "it": ("l'inquinamento dell'aria e il gas flaring", [
            "I nostri volontari hanno misurato l'inquinamento dell'aria vicino ai pozzi di petrolio.",
            "Con gli studenti abbiamo piantato mille alberi lungo il fiume.",
            "Chiediamo di fermare la combustione del gas per proteggere la salute.",
            "Il patrimonio e l'ambiente vanno protetti dalle ruspe."]),
    }),
    (["democracy", "human-rights-defenders"], {
        "ar": ("حرية الصحافة وسلامة الصحفيين", [
            "تعرض صحفيون للاعتداء أثناء تغطية الاحتجاجات.",
            "ندرب الصحفيين على السلامة الرقمية والميدانية.",
            "نرصد الانتهاكات ضد الصحافة وننشرها كل شهر.",
            "لا ديمقراطية دون صحافة حرة."]),
        "ckb": ("ئازادیی ڕۆژنامەگەری", [
            "ڕۆژنامەنووسان لە کاتی ڕووماڵکردنی خۆپیشاندانەکان پەلاماریان درا.",
            "ڕاهێنان بە ڕۆژنامەنووسان دەکەین لەسەر سەلامەتی.",
            "هەموو مانگێک پێشێلکارییەکان بڵاو دەکەینەوە.",
            "بێ ڕۆژنامەگەریی ئازاد دیموکراسی نییە."]),
        "kmr": ("azadiya çapemeniyê", [
            "Rojnamevan di dema şopandina xwepêşandanan de rastî êrîşan hatin.",
            "Em perwerdeya ewlehiyê didin rojnamevanan.",
            "Em her meh binpêkirinên li dijî çapemeniyê belav dikin.",
            "Bê çapemeniya azad demokrasî nabe."]),
        "en": ("press freedom and the safety of journalists", [
            "Journalists were attacked while covering the protests.",
            "We train journalists in digital and field safety.",
            "We record violations against the press and publish them every month.",
            "There is no democracy without a free press."]),
        "it": ("la libertà di stampa", [
            "Alcuni giornalisti sono stati aggrediti mentre seguivano le proteste.",
            "Formiamo i giornalisti alla sicurezza digitale e sul campo.",
            "Registriamo le violazioni contro la stampa e le pubblichiamo ogni mese.",
            "Non c'è democrazia senza una stampa libera."]),
    }),
    (["human-rights-defenders", "peacebuilding"], {
        "ar": ("كشف مصير المفقودين", [
            "جمعنا شهادات عشرات العائلات التي تبحث عن أبنائها.",
            "نطالب بفتح المقابر الجماعية بحضور العائلات.",
            "تستحق كل عائلة أن تعرف الحقيقة.",
            "سلمنا ملفات المفقودين إلى اللجنة المختصة."]),
        "ckb": ("چارەنووسی بێسەروشوێنەکان", [
            "شایەتیی دەیان خێزانمان کۆکردەوە کە بەدوای کوڕەکانیاندا دەگەڕێن.",
            "داوای کردنەوەی گۆڕە بەکۆمەڵەکان دەکەین بە ئامادەبوونی خێزانەکان.",
            "هەموو خێزانێک شایەنی زانینی ڕاستییە.",
            "دۆسیەی بێسەروشوێنەکانمان ڕادەستی لیژنەکە کرد."]),
        "kmr": ("çarenûsa windayan", [
            "Me şahidiyên bi dehan malbatan berhev kirin ku li zarokên xwe digerin.",
            "Em dixwazin ku gorên komî bi amadebûna malbatan bên vekirin.",
            "Her malbat heq dike ku rastiyê bizane.",
            "Me dosyayên windayan radestî komîteyê kirin."]),
        "en": ("the fate of the missing", [
            "We collected testimonies from dozens of families searching for their sons.",
            "We call for mass graves to be opened in the presence of families.",
            "Every family deserves to know the truth.",
            "We handed the files of the missing to the competent committee."]),
        "it": ("la sorte degli scomparsi", [
            "Abbiamo raccolto le testimonianze di decine di famiglie che cercano i loro figli.",
            "Chiediamo che le fosse comuni siano aperte alla presenza delle famiglie.",
            "Ogni famiglia ha diritto di conoscere la verità.",
            "Abbiamo consegnato i fascicoli degli scomparsi alla commissione competente."]),
    }),
    (["women", "democracy"], {
        "ar": ("مشاركة النساء السياسية", [
            "رافقنا المرشحات في حملاتهن الانتخابية.",
            "نطالب باحترام حصة النساء في المجالس.",
            "تحدثت النساء عن التهديدات التي يواجهنها على الإنترنت.",
            "القيادة النسائية تغير السياسة المحلية."]),
        "ckb": ("بەشداریی سیاسیی ژنان", [
            "هاوکاریی کاندیدە ژنەکانمان لە هەڵمەتەکانیاندا کرد.",
            "داوای ڕێزگرتن لە پشکی ژنان لە ئەنجومەنەکان دەکەین.",
            "ژنان باسی ئەو هەڕەشانەیان کرد کە لە ئینتەرنێت ڕووبەڕوویان دەبێتەوە.",
            "سەرکردایەتیی ژنان سیاسەتی خۆجێیی دەگۆڕێت."]),
        "kmr": ("beşdariya siyasî ya jinan", [
            "Me di kampanyayên berbijarên jin de piştgirî da wan.",
            "Em dixwazin ku rêjeya jinan di meclîsan de bê parastin.",
            "Jinan behsa gefên ku li ser înternetê rû bi rû dimînin kirin.",
            "Rêberiya jinan siyaseta herêmî diguherîne."]),
        "en": ("women's political participation", [
            "We accompanied women candidates in their campaigns.",
            "We call for the women's quota in councils to be respected.",
            "Women spoke about the threats they face online.",
            "Women's leadership is changing local politics."]),
        "it": ("la partecipazione politica delle donne", [
            "Abbiamo accompagnato le candidate nelle loro campagne.",
            "Chiediamo il rispetto della quota femminile nei consigli.",
            "Le donne hanno parlato delle minacce che ricevono in rete.",
            "La leadership delle donne sta cambiando la politica locale."]),
    }),
]


def _compose_body(rng: random.Random, language: str, sentences: list[str]) -> str:
    """2–4 Markdown paragraphs of the topic's and the common sentences: a bold lead,
    sometimes a heading or a list."""
    common = COMMON_SENTENCES[language]
    blocks: list[str] = []
    for i in range(rng.randint(2, 4)):
        picked = rng.sample(sentences, rng.randint(1, 2)) + rng.sample(common, rng.randint(1, 2))
        rng.shuffle(picked)
        if i == 0:
            picked[0] = f"**{picked[0]}**"
        blocks.append(" ".join(picked))
    if rng.random() < 0.4:
        blocks.insert(len(blocks) - 1, f"## {rng.choice(HEADINGS[language])}")
    if rng.random() < 0.3:
        blocks.append("\n".join(f"- {s}" for s in rng.sample(sentences, 3)))
    return "\n\n".join(blocks)


def _body_pool(rng: random.Random) -> dict[tuple[str, int], list[tuple[str, str, str]]]:
    """(language, topic) -> [(body, body_html, normalised body)], BODY_VARIANTS each:
    rendering and normalising a few hundred bodies instead of every article's."""
    from tadamun.core import markdown
    from tadamun.core.text import normalise

    pool = {}
    for topic_index, (_pathways, texts) in enumerate(ARTICLE_TOPICS):
        for language in ARTICLE_LANGUAGES:
            bodies = [_compose_body(rng, language, texts[language][1]) for _ in range(BODY_VARIANTS)]
            pool[language, topic_index] = [(body, markdown.render(body), normalise(body)) for body in bodies]
    return pool


def _compose_title(language: str, kind: str, headline: str, place: str) -> str:
    return TITLES[language][kind].format(h=headline, H=headline[:1].upper() + headline[1:], p=place)


def _fts_has_insert_trigger(connection) -> bool:
    """SQLite: whether the trigger that indexes new articles for search is there."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = %s", ["newsroom_article_search_insert"]
        )
        return cursor.fetchone() is not None


def generate_articles(
    count: int = 100_000, *, seed: int = 2026, batch_size: int = 2000, stdout=None
) -> dict:
    """Add `count` published articles of the approved organisations (which must exist), in
    Arabic, Sorani, Kurmanji, English and Italian, with 1–2 pathways and 0–2 governorates
    each, published over the last five years; a tenth have a published version in another
    language. `body_html` and `search_text` are what the services compute. Can be called
    again: slugs never clash.

    On SQLite the FTS insert trigger indexes the rows as they go in (measured: taking it
    away and indexing each batch with one INSERT … SELECT is no faster, about 12 s of the
    total for 100,000 either way). Should the trigger be missing (a migration that rebuilt
    the table dropped it), the rows are indexed here all the same, so that search is still
    measured, and `fts_trigger_missing` says so."""
    from django.db import connection, transaction
    from django.utils import timezone
    from django.utils.text import slugify

    from tadamun.core.text import normalise
    from tadamun.network.models import Governorate, Organisation
    from tadamun.newsroom.models import Article, Version
    from tadamun.pathways.models import Pathway

    started = time.perf_counter()
    rng = random.Random(seed + Article.objects.count())
    organisations = list(
        Organisation.objects.filter(status=Organisation.Status.APPROVED)
        .order_by("pk")
        .values_list("pk", "slug", "original_language")
    )
    if not organisations:
        raise ValueError("No approved organisation to write articles: generate organisations first.")
    governorates = list(Governorate.objects.all())
    gov_pk = {g.iso_code: g.pk for g in governorates}
    codes = sorted(gov_pk)
    places = _place_names(governorates)
    org_govs: dict[int, list[str]] = {}
    for org_id, code in Organisation.governorates.through.objects.values_list("organisation_id", "governorate__iso_code"):
        org_govs.setdefault(org_id, []).append(code)
    pathway_pk = dict(Pathway.objects.values_list("slug", "pk"))
    pathway_slugs = sorted(pathway_pk)
    pool = _body_pool(random.Random(seed))
    taken_slugs = set(Article.objects.values_list("slug", flat=True))
    now = timezone.now()
    five_years = 5 * 365 * 86400

    # A few organisations write a lot (about 30% of the articles from 2% of them).
    weights = [20 if rng.random() < 0.02 else 1 for _ in organisations]
    authors = rng.choices(organisations, weights=weights, k=count)
    kinds, kind_weights = zip(*ARTICLE_KIND_WEIGHTS.items(), strict=True)
    languages, language_weights = zip(*ARTICLE_LANGUAGE_WEIGHTS.items(), strict=True)
    version_languages, version_weights = zip(*VERSION_LANGUAGE_WEIGHTS.items(), strict=True)

    def place_in(code: str, language: str) -> str:
        ar, ckb, en = places[code]
        return {"ar": ar, "ckb": ckb}.get(language, en)

    def unique_slug(title: str, org_slug: str) -> str:
        base = slugify(title)[:70].strip("-") or org_slug[:60] or "article"
        while (slug := f"{base}-{rng.getrandbits(24):06x}") in taken_slugs:
            pass
        taken_slugs.add(slug)
        return slug

    def texts(language: str, topic_index: int, kind: str, code: str):
        headline, sentences = ARTICLE_TOPICS[topic_index][1][language]
        place = place_in(code, language)
        title = _compose_title(language, kind, headline, place)
        summary = f"{place}: {rng.choice(sentences)}"
        body, body_html, body_key = rng.choice(pool[language, topic_index])
        return title, summary, body, body_html, body_key

    sqlite = connection.vendor == "sqlite"
    index_here = sqlite and not _fts_has_insert_trigger(connection)
    made = versions_made = 0
    with transaction.atomic():
        while made < count:
            chunk = authors[made : made + batch_size]
            batch: list[Article] = []
            relations: list[tuple[list[str], list[str], tuple | None]] = []
            for org_id, org_slug, org_language in chunk:
                own = org_govs.get(org_id) or [rng.choice(codes)]
                if "IQ-DA" in own and rng.random() < 0.5:
                    language = "kmr"
                elif rng.random() < 0.65:
                    language = org_language if org_language in ARTICLE_LANGUAGES else "ar"
                else:
                    language = rng.choices(languages, language_weights)[0]
                topic_index = rng.randrange(len(ARTICLE_TOPICS))
                topic_paths = ARTICLE_TOPICS[topic_index][0]
                kind = rng.choices(kinds, kind_weights)[0]
                govs = list(dict.fromkeys([*own[:1], *rng.sample(codes, 1)]))[: rng.choice([0, 1, 1, 2])]
                paths = list(topic_paths[: rng.choice([1, 2])])
                if len(paths) == 1 and rng.random() < 0.3:
                    paths = list(dict.fromkeys([*paths, rng.choice(pathway_slugs)]))
                title, summary, body, body_html, body_key = texts(language, topic_index, kind, (govs or own)[0])
                published_at = now - timedelta(seconds=rng.uniform(0, five_years))
                batch.append(
                    Article(
                        organisation_id=org_id,
                        slug=unique_slug(title, org_slug),
                        kind=kind,
                        original_language=language,
                        title=title,
                        summary=summary,
                        body=body,
                        body_html=body_html,
                        status=Article.Status.PUBLISHED,
                        submitted_at=published_at - timedelta(hours=rng.uniform(1, 72)),
                        published_at=published_at,
                        # = normalise(" ".join([title, summary, body])), as the services
                        # compute it: the parts are normalised apart (the body once).
                        search_text=f"{normalise(title)} {normalise(summary)} {body_key}",
                    )
                )
                version = None
                if rng.random() < VERSION_SHARE:
                    target = language
                    while target == language:
                        target = rng.choices(version_languages, version_weights)[0]
                    v_title, v_summary, v_body, v_html, _key = texts(target, topic_index, kind, (govs or own)[0])
                    version = (target, v_title, v_summary, v_body, v_html,
                               min(now, published_at + timedelta(days=rng.uniform(0.5, 30))))
                relations.append((govs, paths, version))
            created = Article.objects.bulk_create(batch)
            gov_rows, path_rows, versions = [], [], []
            for article, (govs, paths, version) in zip(created, relations, strict=True):
                gov_rows += [Article.governorates.through(article_id=article.pk, governorate_id=gov_pk[c]) for c in govs]
                path_rows += [Article.pathways.through(article_id=article.pk, pathway_id=pathway_pk[s]) for s in paths]
                if version:
                    language, title, summary, body, body_html, published_at = version
                    versions.append(
                        Version(
                            article_id=article.pk, language=language, status=Version.Status.PUBLISHED,
                            origin=Version.Origin.MACHINE if rng.random() < 0.2 else Version.Origin.HUMAN,
                            title=title, summary=summary, body=body, body_html=body_html,
                            submitted_at=published_at - timedelta(hours=rng.uniform(1, 48)),
                            published_at=published_at,
                        )
                    )
            Article.governorates.through.objects.bulk_create(gov_rows, batch_size=batch_size)
            Article.pathways.through.objects.bulk_create(path_rows, batch_size=batch_size)
            Version.objects.bulk_create(versions, batch_size=batch_size)
            if index_here:
                with connection.cursor() as cursor:
                    cursor.execute(
                        "INSERT INTO newsroom_article_search(rowid, search_text) "
                        "SELECT id, search_text FROM newsroom_article WHERE id BETWEEN %s AND %s",
                        [created[0].pk, created[-1].pk],
                    )
            made += len(chunk)
            versions_made += len(versions)
            if stdout is not None:
                stdout.write(f"  {made}/{count} articles\n")
    seconds = time.perf_counter() - started
    return {
        "articles": made,
        "versions": versions_made,
        "seconds": round(seconds, 2),
        "fts_trigger_missing": index_here,
    }


# --- Campaigns: campaigns, their petitions and letters, a million signatures ------------------

# By ARTICLE_TOPICS index: what the campaign asks ({p}: a place), in Arabic, Sorani and
# English, and the authority it addresses: (kind, ar, ckb, en) ({p} again for a council).
CAMPAIGN_AIMS = [
    (("مياه صالحة للشرب في {p}", "ئاوی خواردنەوەی پاک بۆ {p}", "Safe drinking water for {p}"),
     ("ministry", "وزارة الموارد المائية", "وەزارەتی سەرچاوەکانی ئاو", "Ministry of Water Resources")),
    (("من {p}: قانون الحماية من العنف الأسري الآن", "لە {p}ەوە: یاسای پاراستن لە توندوتیژیی خێزانی ئێستا", "From {p}: a law against domestic violence, now"),
     ("parliament_committee", "لجنة المرأة والأسرة والطفولة النيابية", "لیژنەی ئافرەت و خێزان و منداڵی پەرلەمان", "Parliament's Committee on Women, Family and Childhood")),
    (("صوت للشباب في مجلس {p}", "دەنگێک بۆ گەنجان لە ئەنجومەنی {p}", "A voice for young people on the {p} council"),
     ("governorate_council", "مجلس محافظة {p}", "ئەنجومەنی پارێزگای {p}", "{p} Governorate Council")),
    (("انتخابات شفافة في {p}", "هەڵبژاردنی ڕوون لە {p}", "Transparent elections in {p}"),
     ("other", "المفوضية العليا المستقلة للانتخابات", "کۆمسیۆنی باڵای سەربەخۆی هەڵبژاردنەکان", "Independent High Electoral Commission")),
    (("السلام يبدأ من {p}", "ئاشتی لە {p} دەست پێدەکات", "Peace starts in {p}"),
     ("governorate_council", "مجلس محافظة {p}", "ئەنجومەنی پارێزگای {p}", "{p} Governorate Council")),
    (("أرض بلا ألغام في {p}", "زەوییەکی بێ مین لە {p}", "Mine-free land in {p}"),
     ("ministry", "دائرة شؤون الألغام", "بەڕێوەبەرایەتیی کاروباری مین", "Directorate of Mine Action")),
    (("حقوق متساوية للأقليات في {p}", "مافی یەکسان بۆ کەمینەکان لە {p}", "Equal rights for minorities in {p}"),
     ("international_body", "بعثة الأمم المتحدة لمساعدة العراق", "نێردەی نەتەوە یەکگرتووەکان بۆ یارمەتیدانی عێراق", "United Nations Assistance Mission for Iraq")),
    (("أجور عادلة وعقود مكتوبة لعمال {p}", "کرێی دادپەروەرانە و گرێبەستی نووسراو بۆ کرێکارانی {p}", "Fair pay and written contracts for the workers of {p}"),
     ("ministry", "وزارة العمل والشؤون الاجتماعية", "وەزارەتی کار و کاروباری کۆمەڵایەتی", "Ministry of Labour and Social Affairs")),
    (("أوقفوا حرق الغاز قرب {p}", "سووتاندنی گاز لە نزیک {p} ڕابگرن", "Stop gas flaring near {p}"),
     ("ministry", "وزارة النفط", "وەزارەتی نەوت", "Ministry of Oil")),
    (("حماية الصحفيين في {p}", "پاراستنی ڕۆژنامەنووسان لە {p}", "Protect journalists in {p}"),
     ("parliament_committee", "لجنة حقوق الإنسان النيابية", "لیژنەی مافەکانی مرۆڤی پەرلەمان", "Parliament's Human Rights Committee")),
    (("الحقيقة لعائلات المفقودين في {p}", "ڕاستی بۆ خێزانی بێسەروشوێنەکانی {p}", "The truth for the families of the missing of {p}"),
     ("parliament_committee", "لجنة حقوق الإنسان النيابية", "لیژنەی مافەکانی مرۆڤی پەرلەمان", "Parliament's Human Rights Committee")),
    (("نساء في مجلس {p}", "ژنان لە ئەنجومەنی {p}", "Women on the {p} council"),
     ("other", "المفوضية العليا المستقلة للانتخابات", "کۆمسیۆنی باڵای سەربەخۆی هەڵبژاردنەکان", "Independent High Electoral Commission")),
]
KURDISTAN_AUTHORITY = ("kurdistan_region", "برلمان إقليم كوردستان", "پەرلەمانی کوردستان", "Kurdistan Parliament")
CAMPAIGN_DEMANDS = {
    "ar": ["نشر البيانات كاملة للرأي العام", "تخصيص بند واضح في موازنة هذا العام", "لقاء علني مع منظمات المجتمع المدني خلال ثلاثين يوماً",
           "محاسبة المسؤولين عن التقصير", "إشراك النساء والشباب في اللجان المختصة"],
    "ckb": ["بڵاوکردنەوەی تەواوی داتاکان بۆ ڕای گشتی", "تەرخانکردنی بڕگەیەکی ڕوون لە بودجەی ئەمساڵ", "کۆبوونەوەیەکی ئاشکرا لەگەڵ ڕێکخراوەکانی کۆمەڵگەی مەدەنی لە ماوەی سی ڕۆژدا",
            "لێپرسینەوە لە بەرپرسانی کەمتەرخەم", "بەشداریپێکردنی ژنان و گەنجان لە لیژنە پەیوەندیدارەکان"],
    "en": ["Publish the full data", "A clear line in this year's budget", "A public meeting with civil society within thirty days",
           "Hold those responsible to account", "Women and young people on the committees"],
}
CAMPAIGN_WORDS = {  # petition title, letter title, petition opening, letter opening, closing, strategy
    "ar": ("عريضة: {aim}", "رسالة إلى {a}", "نحن الموقعين أدناه نطالب {a} بما يلي:", "السادة في {a} المحترمون،", "مع التقدير،",
           "نجمع التواقيع في {p} وخارجها، ونسلمها إلى {a}، ونطلب لقاءً علنياً نعرض فيه مطالبنا."),
    "ckb": ("داواکارینامە: {aim}", "نامە بۆ {a}", "ئێمەی واژۆکەران داوا لە {a} دەکەین:", "بەڕێزان لە {a}،", "لەگەڵ ڕێزدا،",
            "واژۆ لە {p} و دەرەوە کۆ دەکەینەوە، ڕادەستی {a}ی دەکەین و داوای کۆبوونەوەیەکی ئاشکرا دەکەین."),
    "en": ("Petition: {aim}", "Letter to the {a}", "We, the undersigned, ask the {a}:", "To the {a},", "Yours sincerely,",
           "We collect signatures in {p} and beyond, hand them to the {a} and ask for a public meeting."),
}
MILESTONES = {
    "ar": ["إطلاق الحملة", "تسليم التواقيع", "لقاء مع الجهة المعنية", "جلسة استماع علنية"],
    "ckb": ["دەستپێکردنی هەڵمەت", "ڕادەستکردنی واژۆکان", "کۆبوونەوە لەگەڵ لایەنی پەیوەندیدار", "دانیشتنی گوێگرتنی ئاشکرا"],
    "en": ["Launch of the campaign", "Signatures handed over", "Meeting with the authority", "Public hearing"],
}
INDICATORS = {  # (name, unit, baseline, target) by language
    "ar": [("الأسر المستفيدة", "أسرة", 0, 5000), ("الاجتماعات مع المسؤولين", "اجتماع", 0, 12), ("التغطية الإعلامية", "مقال", 2, 60)],
    "ckb": [("خێزانە سوودمەندەکان", "خێزان", 0, 5000), ("کۆبوونەوە لەگەڵ بەرپرسان", "کۆبوونەوە", 0, 12), ("بڵاوکردنەوە لە میدیا", "وتار", 2, 60)],
    "en": [("Families reached", "families", 0, 5000), ("Meetings with officials", "meetings", 0, 12), ("Media coverage", "articles", 2, 60)],
}
UPDATE_TITLES = {
    "ar": ["وصلنا إلى {n} توقيع", "سلمنا مطالبنا", "ما الجديد في الحملة", "شكراً لكل من وقّع"],
    "ckb": ["گەیشتینە {n} واژۆ", "داواکارییەکانمان ڕادەست کرد", "چی نوێیە لە هەڵمەتەکەدا", "سوپاس بۆ هەموو واژۆکەران"],
    "en": ["We reached {n} signatures", "We handed over our demands", "What is new in the campaign", "Thank you to everyone who signed"],
}
SOLIDARITY = {  # (language, text): {c} a city
    "en": "From {c}, we stand with you. Your struggle is ours, and we will keep sharing your petition.",
    "it": "Da {c} siamo con voi. La vostra lotta è anche la nostra: continueremo a diffondere la petizione.",
    "ar": "من {c} نقف معكم. نضالكم نضالنا، وسنواصل نشر عريضتكم.",
    "ckb": "لە {c}ەوە لەگەڵتانین. خەباتی ئێوە خەباتی ئێمەشە و بەردەوام دەبین لە بڵاوکردنەوەی داواکارییەکەتان.",
    "kmr": "Ji {c} em bi we re ne. Têkoşîna we ya me ye jî, em ê daxwaznameya we belav bikin.",
}
# Signers' names by script/language: (first names, family names, language of the emails).
SIGNER_NAMES = {
    "ar": (["محمد", "علي", "حسين", "فاطمة", "زينب", "مريم", "أحمد", "عمر", "نور", "سارة", "حيدر", "رقية", "مصطفى", "هدى",
            "يوسف", "ليلى", "عباس", "آمنة", "كرار", "دعاء", "سجاد", "بتول", "ياسر", "رشا"],
           ["الجبوري", "العبيدي", "الساعدي", "الموسوي", "التميمي", "الدليمي", "الربيعي", "الخفاجي", "الزبيدي", "الشمري",
            "الحسيني", "الكعبي", "العزاوي", "البدري", "الأسدي", "المالكي"]),
    "ckb": (["ئازاد", "هێمن", "شیلان", "ژیلا", "کاروان", "ڕێباز", "دیلان", "هاوژین", "سۆران", "نەسرین", "بەهار", "ئاراس",
             "گۆران", "ڤیان", "شنە", "بێستون"],
            ["ئەحمەد", "مەحموود", "عەبدوڵڵا", "ڕەشید", "کەریم", "عوسمان", "حەسەن", "قادر", "سەعید", "ئیبراهیم"]),
    "kmr": (["Azad", "Berfîn", "Dilovan", "Rojda", "Şêrko", "Zozan", "Hejar", "Nazê", "Baran", "Jiyan", "Xebat", "Hêvî"],
            ["Xelîl", "Silêman", "Ehmed", "Mîro", "Botanî", "Zaxoyî", "Şêxo", "Hesen", "Qasim", "Elî"]),
    "en": (["Giulia", "Marco", "Anna", "Luca", "Sara", "Emma", "Jonas", "Léa", "Omar", "Noah", "Maria", "Elena", "Lina",
            "Samir", "Hannah", "Karim", "Sofia", "David"],
           ["Rossi", "Bianchi", "Müller", "Dupont", "Andersson", "Smith", "García", "Jansen", "Al-Hashimi", "Karimi",
            "Haddad", "Nielsen", "Ferrari", "Schmidt", "O'Brien", "Yousif"]),
}
SIGNER_SCRIPT_WEIGHTS = {"ar": 55, "ckb": 18, "kmr": 7, "en": 20}
DIASPORA = ["DE", "SE", "GB", "NL", "US", "IT", "FR", "NO", "DK", "BE", "CH", "AT", "CA", "AU", "TR", "JO", "LB", "ES", "FI"]
EMAIL_DOMAINS = ["example.org", "example.net", "example.com"]
BUSY_SHARE = 0.55  # of all confirmed signatures, on the busy petition
PENDING_SHARE = 0.02  # unconfirmed signatures on top of the confirmed ones (never counted)
WITHDRAWN_SHARE = 0.005  # withdrawn ones, their details erased (never counted)
SIGNATURE_COLUMNS = (
    "action_id", "name", "email", "email_key", "country", "governorate_id", "show_name", "keep_informed", "letter",
    "language", "status", "nonce", "created_at", "confirmed_at", "withdrawn_at",
)


class _OwnTimestamps:
    """Let bulk_create keep the dates we set on `auto_now_add` fields (they mean "when it
    happened", and generated rows happened over months)."""

    def __init__(self, *fields) -> None:
        self.fields = fields

    def __enter__(self):
        for field in self.fields:
            field.auto_now_add = False

    def __exit__(self, *exc):
        for field in self.fields:
            field.auto_now_add = True

def email_key_function():
    """`services.email_key` with its HMAC key derived once, not at every call (it is
    `salted_hmac("tadamun.campaigns.email", address, algorithm="sha256")`)."""
    import hashlib
    import hmac

    from django.conf import settings

    key = hashlib.sha256(b"tadamun.campaigns.email" + settings.SECRET_KEY.encode()).digest()

    def email_key(email: str) -> str:
        return hmac.digest(key, email.strip().lower().encode(), "sha256").hex()

    return email_key


def _in(language: str, triple: tuple) -> str:
    """The Arabic, Sorani or English one of (ar, ckb, en)."""
    return triple[{"ar": 0, "ckb": 1}.get(language, 2)]


def _campaign_words(rng: random.Random, language: str, place: tuple, texts: dict, aims: tuple, authority: tuple) -> dict:
    """A campaign's texts in `language`: its aim at `place` (ar, ckb, en), the topic's sentences."""
    where = _in(language, place)
    sentences = texts[language][1]
    return {
        "title": _in(language, aims).format(p=where),
        "summary": sentences[0],
        "story": _compose_body(rng, language, sentences),
        "authority": _in(language, authority[1:]).format(p=where),
        "place": where,
        "demands": [sentences[2], *rng.sample(CAMPAIGN_DEMANDS[language], 2)],
    }


def _make_campaigns(count: int, *, seed: int) -> int:
    """`count` active campaigns, each with its authority, petition, letter, milestones, an
    indicator with measurements, updates, endorsements and messages of solidarity. The very
    first campaign generated (topic water, Basra, Arabic) holds the busy petition."""
    from django.db import transaction
    from django.utils import timezone
    from django.utils.text import slugify

    from tadamun.campaigns.models import (
        Action,
        Authority,
        Campaign,
        Endorsement,
        Indicator,
        Measurement,
        Message,
        Milestone,
        Update,
    )
    from tadamun.core import markdown
    from tadamun.core.text import normalise
    from tadamun.network.models import Governorate, Organisation
    from tadamun.pathways.models import Pathway

    rng = random.Random(seed)
    first = not Campaign.objects.exists()
    approved = Organisation.objects.filter(status=Organisation.Status.APPROVED).order_by("pk")
    iraqi = list(approved.filter(country="IQ").values_list("pk", "slug", "original_language"))
    if not iraqi:
        raise ValueError("No approved Iraqi organisation to lead campaigns: generate organisations first.")
    everyone = list(approved.values_list("pk", flat=True))
    org_govs: dict[int, list[str]] = {}
    for org_id, code in Organisation.governorates.through.objects.values_list("organisation_id", "governorate__iso_code"):
        org_govs.setdefault(org_id, []).append(code)
    governorates = list(Governorate.objects.all())
    gov_pk = {g.iso_code: g.pk for g in governorates}
    codes = sorted(gov_pk)
    places = _place_names(governorates)
    pathway_pk = dict(Pathway.objects.values_list("slug", "pk"))
    taken = set(Campaign.objects.values_list("slug", flat=True))
    now = timezone.now()
    today = timezone.localdate()
    leads = rng.sample(iraqi, count) if count <= len(iraqi) else [rng.choice(iraqi) for _ in range(count)]
    if first:  # the busy campaign: an Arabic-speaking organisation of Basra, if there is one
        basra = [o for o in iraqi if "IQ-BA" in org_govs.get(o[0], []) and o[2] == "ar"]
        if basra:
            leads[0] = basra[0]
    cities = [row[1] for row in ABROAD]

    campaigns, relations = [], []
    for i, (lead_id, lead_slug, lead_language) in enumerate(leads):
        busy = first and i == 0
        language = lead_language if lead_language in ("ar", "ckb") else "ar"
        topic_index = 0 if busy else rng.randrange(len(ARTICLE_TOPICS))
        topic_paths, texts = ARTICLE_TOPICS[topic_index]
        own = org_govs.get(lead_id) or [rng.choice(codes)]
        code = "IQ-BA" if busy else own[0]
        aims, authority = CAMPAIGN_AIMS[topic_index]
        if code in KURDISTAN and authority[0] in ("ministry", "parliament_committee") and rng.random() < 0.5:
            authority = KURDISTAN_AUTHORITY

        own_words = _campaign_words(rng, language, places[code], texts, aims, authority)
        translations = {}
        if busy or rng.random() < 0.3:
            en = _campaign_words(rng, "en", places[code], texts, aims, authority)
            translations["en"] = {
                "title": en["title"], "summary": en["summary"], "story": en["story"],
                "story_html": markdown.render(en["story"]),
            }
        demands = "\n".join(own_words["demands"])
        index_texts = [own_words["title"], own_words["summary"], own_words["story"], demands]
        for translated in translations.values():
            index_texts += [translated["title"], translated["summary"]]
        base = slugify(own_words["title"])[:70] or lead_slug[:60]
        while (slug := f"{base}-{rng.getrandbits(24):06x}") in taken:
            pass
        taken.add(slug)
        published_at = now - timedelta(days=120 if busy else rng.uniform(10, 420), minutes=rng.randint(0, 1439))
        starts_on = published_at.date()
        strategy = CAMPAIGN_WORDS[language][5].format(p=own_words["place"], a=own_words["authority"])
        campaigns.append(
            Campaign(
                slug=slug, lead_id=lead_id, original_language=language, title=own_words["title"],
                summary=own_words["summary"], story=own_words["story"], story_html=markdown.render(own_words["story"]),
                translations=translations, demands=demands, strategy=strategy, strategy_html=markdown.render(strategy),
                starts_on=starts_on, ends_on=starts_on + timedelta(days=rng.randint(180, 540)) if rng.random() < 0.7 else None,
                status=Campaign.Status.ACTIVE, reviewed_at=published_at, published_at=published_at,
                # = services._index: the texts and the translations' titles and summaries.
                search_text=normalise(" ".join(index_texts)),
                created_at=published_at - timedelta(days=rng.uniform(1, 10)),
            )
        )
        paths = list(dict.fromkeys([*topic_paths, *rng.sample(sorted(pathway_pk), rng.choice([0, 0, 1]))]))[:3]
        govs = list(dict.fromkeys([code, *rng.sample(codes, rng.choice([0, 0, 1]))]))
        relations.append((busy, language, own_words, authority, paths, govs))

    with transaction.atomic(), _OwnTimestamps(
        Campaign._meta.get_field("created_at"), Action._meta.get_field("created_at"),
        Update._meta.get_field("published_at"), Endorsement._meta.get_field("created_at"),
        Message._meta.get_field("created_at"),
    ):
        created = Campaign.objects.bulk_create(campaigns)
        Campaign.pathways.through.objects.bulk_create(
            [Campaign.pathways.through(campaign_id=c.pk, pathway_id=pathway_pk[s]) for c, r in zip(created, relations, strict=True) for s in r[4]]
        )
        Campaign.governorates.through.objects.bulk_create(
            [Campaign.governorates.through(campaign_id=c.pk, governorate_id=gov_pk[g]) for c, r in zip(created, relations, strict=True) for g in r[5]]
        )
        authorities = Authority.objects.bulk_create(
            [
                Authority(
                    campaign_id=c.pk, kind=r[3][0], name=r[2]["authority"][:200],
                    governorate_id=gov_pk[r[5][0]] if r[3][0] == "governorate_council" else None,
                )
                for c, r in zip(created, relations, strict=True)
            ]
        )
        actions, milestones, indicators, updates, endorsements, messages = [], [], [], [], [], []
        for campaign, authority, (busy, language, own_words, _authority, _paths, _govs) in zip(created, authorities, relations, strict=True):
            petition_title, letter_title, petition_opening, letter_opening, closing, _strategy = CAMPAIGN_WORDS[language]
            bullets = "\n".join(f"- {d}" for d in own_words["demands"])
            opened = campaign.published_at + timedelta(hours=rng.uniform(1, 48))
            for kind in (Action.Kind.PETITION, Action.Kind.LETTER):
                petition = kind == Action.Kind.PETITION
                closed = not busy and rng.random() < 0.08
                actions.append(
                    Action(
                        campaign_id=campaign.pk, kind=kind, authority_id=authority.pk, language=language,
                        title=(petition_title.format(aim=own_words["title"]) if petition else letter_title.format(a=own_words["authority"]))[:200],
                        text=(
                            f"{petition_opening.format(a=own_words['authority'])}\n\n{bullets}\n\n{own_words['summary']}" if petition
                            else f"{letter_opening.format(a=own_words['authority'])}\n\n{own_words['summary']}\n\n{bullets}\n\n{closing}"
                        ),
                        goal=1_000_000 if busy else rng.choice([1000, 2500, 5000, 10_000, 25_000, 50_000] if petition else [500, 1000, 2500, 5000]),
                        closes_at=now + timedelta(days=rng.uniform(30, 365)),
                        status=Action.Status.CLOSED if closed else Action.Status.OPEN,
                        created_at=opened, signature_count=0,
                    )
                )
            for k, title in enumerate(MILESTONES[language][:3]):
                due_on = campaign.starts_on + timedelta(days=60 * k)
                milestones.append(
                    Milestone(campaign_id=campaign.pk, title=title, due_on=due_on,
                              reached_on=due_on if due_on <= today and rng.random() < 0.8 else None)
                )
            for name, unit, baseline, target in INDICATORS[language][: 2 if busy else 1]:
                indicators.append(Indicator(campaign_id=campaign.pk, name=name, unit=unit, baseline=Decimal(baseline),
                                            target=Decimal(target), baseline_on=campaign.starts_on))
            moments = sorted(
                campaign.published_at + (now - campaign.published_at) * rng.random() for _ in range(12 if busy else rng.randint(1, 4))
            )
            for n, moment in enumerate(moments):
                body = " ".join(rng.sample(ARTICLE_TOPICS[0][1][language][1] if busy else [own_words["summary"], *own_words["demands"]], 2))
                updates.append(
                    Update(campaign_id=campaign.pk, language=language,
                           title=rng.choice(UPDATE_TITLES[language]).format(n=f"{1000 * (n + 1):,}"),
                           body=body, body_html=markdown.render(body), published_at=moment)
                )
            supporters = [pk for pk in rng.sample(everyone, min(len(everyone), 21 if busy else 5)) if pk != campaign.lead_id]
            for org_id in supporters[: 20 if busy else rng.randint(0, 4)]:
                decided = campaign.published_at + (now - campaign.published_at) * rng.random()
                endorsements.append(
                    Endorsement(campaign_id=campaign.pk, organisation_id=org_id, status=Endorsement.Status.ACCEPTED,
                                statement=own_words["demands"][0] if rng.random() < 0.5 else "",
                                created_at=decided - timedelta(days=rng.uniform(0.1, 5)), decided_at=decided)
                )
            for _ in range(25 if busy else rng.randint(0, 5)):
                message_language = rng.choice(sorted(SOLIDARITY))
                first_names, families = SIGNER_NAMES["en" if message_language == "it" else message_language]
                moment = campaign.published_at + (now - campaign.published_at) * rng.random()
                messages.append(
                    Message(campaign_id=campaign.pk, name=f"{rng.choice(first_names)} {rng.choice(families)}",
                            country=rng.choice(DIASPORA), language=message_language,
                            text=SOLIDARITY[message_language].format(c=rng.choice(cities)),
                            status=Message.Status.PUBLISHED, created_at=moment - timedelta(hours=rng.uniform(1, 48)),
                            published_at=moment)
                )
        Action.objects.bulk_create(actions)
        Milestone.objects.bulk_create(milestones)
        measurements = []
        for indicator in Indicator.objects.bulk_create(indicators):
            days = max(1, (today - indicator.baseline_on).days)
            steps = rng.randint(3, 5)
            for k in range(1, steps + 1):
                share = Decimal(min(1.0, k / (steps + 1) + rng.uniform(-0.05, 0.1)))
                measurements.append(
                    Measurement(indicator_id=indicator.pk, measured_on=indicator.baseline_on + timedelta(days=days * k // (steps + 1)),
                                value=(indicator.baseline + (indicator.target - indicator.baseline) * share).quantize(Decimal("0.01")))
                )
        Measurement.objects.bulk_create(measurements)
        Update.objects.bulk_create(updates)
        Endorsement.objects.bulk_create(endorsements)
        Message.objects.bulk_create(messages)
    return len(created)


def _signer_profiles(rng: random.Random, gov_pk: dict[str, int], size: int = 4096) -> list[tuple[str, str, str, int | None]]:
    """(name, language, country, governorate id) of `size` signers, drawn from for every row."""
    codes = sorted(gov_pk)
    arab = [c for c in codes if c not in KURDISTAN]
    kurdish = sorted(KURDISTAN)
    scripts, weights = zip(*SIGNER_SCRIPT_WEIGHTS.items(), strict=True)
    home = {"ar": 0.88, "ckb": 0.85, "kmr": 0.75, "en": 0.10}
    profiles = []
    for _ in range(size):
        script = rng.choices(scripts, weights)[0]
        first_names, families = SIGNER_NAMES[script]
        name = f"{rng.choice(first_names)} {rng.choice(families)}"
        country, governorate, language = rng.choice(DIASPORA), None, script
        if rng.random() < home[script]:
            country = "IQ"
            if script == "kmr":
                governorate = "IQ-DA" if rng.random() < 0.7 else rng.choice(kurdish)
            elif script == "ckb":
                governorate = rng.choice(kurdish) if rng.random() < 0.8 else rng.choice(codes)
            else:
                governorate = rng.choice(arab) if rng.random() < 0.9 else rng.choice(codes)
        elif script == "en":
            language = "it" if country == "IT" else "en"
        profiles.append((name, language, country, gov_pk[governorate] if governorate else None))
    return profiles


def _signature_targets(actions: list[tuple[int, str]], busy_id: int, total: int, seed: int) -> dict[int, int]:
    """How many confirmed signatures each action holds when `total` are there in all: the busy
    petition BUSY_SHARE of them, the others a heavy tail (Zipf over ranks the seed fixes; a
    letter a third of a petition), the same shape whatever the total."""
    others = [(pk, kind) for pk, kind in actions if pk != busy_id]
    ranks = list(range(len(others)))
    random.Random(seed).shuffle(ranks)
    weights = {pk: (1.0 if kind == "petition" else 0.35) / (rank + 1) ** 1.1 for (pk, kind), rank in zip(others, ranks, strict=True)}
    scale = sum(weights.values()) or 1.0
    rest = total - round(total * BUSY_SHARE) if others else 0
    targets = {pk: int(rest * weight / scale) for pk, weight in weights.items()}
    targets[busy_id] = total - sum(targets.values())
    return targets


def generate_campaigns(
    campaigns: int = 200, signatures: int = 1_000_000, *, seed: int = 2026, batch_size: int = 50_000, stdout=None
) -> dict:
    """Bring the database to `campaigns` generated campaigns holding `signatures` confirmed
    signatures (both totals: called again with a larger `signatures`, it grows the same
    campaigns' signatures; it never removes anything).

    The campaigns are active, approved over the last fourteen months, each led by an Iraqi
    member organisation from `generate` (which must run first), with 1–3 pathways, 1–2
    governorates, one authority, a petition and a letter to it, three milestones, an indicator
    with measurements, updates, endorsements and messages of solidarity. The first campaign's
    petition is the busy one: BUSY_SHARE of the signatures; the other actions share the rest
    with a heavy tail. Signers have Arabic, Sorani, Kurmanji or Latin names; ~30% show their
    name; confirmations are spread over the months since their campaign was approved. On top of
    the confirmed signatures, a few pending and withdrawn ones (which never count). Every
    action's `signature_count` is its exact number of confirmed rows, its daily tallies (when
    the model has them) those rows counted per local day of confirmation, and `email_key` is
    what `services.email_key` computes (addresses are unique: s<number>@example.org/.net/.com).

    Signatures go in with COPY on PostgreSQL; on SQLite with executemany in one transaction,
    with a 256 MB page cache while the indexes grow."""
    from django.db import connection, transaction
    from django.db.models import F, Max
    from django.utils import timezone

    from tadamun.campaigns import models as campaign_models
    from tadamun.campaigns.models import Action, Campaign, Signature
    from tadamun.network.models import Governorate

    Tally = getattr(campaign_models, "Tally", None)  # noqa: N806 (daily counts of confirmed signatures)
    started = time.perf_counter()
    existing = Campaign.objects.filter(status=Campaign.Status.ACTIVE).count()
    made = _make_campaigns(campaigns - existing, seed=seed + existing) if campaigns > existing else 0
    actions = list(
        Action.objects.filter(campaign__status=Campaign.Status.ACTIVE)
        .order_by("pk")
        .values_list("pk", "kind", "signature_count", "campaign__published_at", "campaign_id")
    )
    busy_id = next(pk for pk, kind, *_rest in actions if kind == Action.Kind.PETITION)
    have = {pk: count for pk, _kind, count, *_rest in actions}
    current = sum(have.values())
    total = max(signatures, current)
    targets = _signature_targets([(pk, kind) for pk, kind, *_rest in actions], busy_id, total, seed)
    # What each action lacks; when signatures came another way (an action above its share),
    # the lacks add up to more than is needed: each gets its part, rounded down.
    needed = total - current
    lacking = {pk: max(0, targets[pk] - have[pk]) for pk in targets}
    scale = sum(lacking.values())
    adding = {pk: n * needed // scale if scale > needed else n for pk, n in lacking.items()}
    adding[busy_id] += needed - sum(adding.values())  # what rounding left over (never negative)
    campaign_govs: dict[int, list[int]] = {}
    for campaign_id, governorate_id in Campaign.governorates.through.objects.values_list("campaign_id", "governorate_id"):
        campaign_govs.setdefault(campaign_id, []).append(governorate_id)
    info = {pk: (kind, published_at, campaign_govs.get(campaign_id, [])) for pk, kind, _n, published_at, campaign_id in actions}

    rng = random.Random(seed + 7 + current)
    now = timezone.now()
    profiles = _signer_profiles(rng, dict(Governorate.objects.values_list("iso_code", "pk")))
    email_key = email_key_function()
    first_number = (Signature.objects.aggregate(n=Max("pk"))["n"] or 0) + 1
    letters = {
        "ar": "أضم صوتي إلى هذه الرسالة: عائلتي تعيش هذه المشكلة كل يوم.",
        "ckb": "دەنگی خۆم دەخەمە پاڵ ئەم نامەیە: خێزانەکەم هەموو ڕۆژێک ئەم کێشەیە دەژی.",
        "kmr": "Ez dengê xwe li vê nameyê zêde dikim: malbata min her roj vê pirsgirêkê dijî.",
        "en": "I add my voice to this letter: my family lives with this problem every day.",
        "it": "Aggiungo la mia voce a questa lettera: la mia famiglia vive questo problema ogni giorno.",
    }
    sqlite = connection.vendor == "sqlite"
    confirmed, pending, withdrawn = Signature.Status.CONFIRMED, Signature.Status.PENDING, Signature.Status.WITHDRAWN
    now_ts = now.timestamp()
    local = timezone.get_current_timezone()
    days: dict[tuple[int, object], int] = {}  # (action, local day of confirmation) -> confirmed signatures

    def stamp(moment: datetime):
        # SQLite stores naive UTC text, as Django writes it; psycopg adapts aware datetimes.
        return str(moment.replace(tzinfo=None)) if sqlite else moment

    def rows():
        random_, randrange, getrandbits = rng.random, rng.randrange, rng.getrandbits
        n_profiles = len(profiles)
        number = first_number
        for action_id, count in adding.items():
            kind, published_at, action_govs = info[action_id]
            start = published_at.timestamp()
            span = max(3600.0, now_ts - start - 600)
            letter_action = kind == Action.Kind.LETTER
            n_pending, n_withdrawn = int(count * PENDING_SHARE), int(count * WITHDRAWN_SHARE)
            for i in range(count + n_pending + n_withdrawn):
                name, language, country, governorate_id = profiles[randrange(n_profiles)]
                if governorate_id and action_govs and random_() < 0.5:  # many sign from where the campaign is
                    governorate_id = action_govs[randrange(len(action_govs))]
                email = f"s{number}@{EMAIL_DOMAINS[number % 3]}"
                number += 1
                key = email_key(email)
                nonce = f"{getrandbits(64):016x}"
                if i < count:  # confirmed, more of them lately
                    confirmed_at = datetime.fromtimestamp(start + span * random_() ** 0.7, UTC)
                    created_at = confirmed_at - timedelta(seconds=60 + 3600 * random_())
                    day = (action_id, confirmed_at.astimezone(local).date())
                    days[day] = days.get(day, 0) + 1
                    letter = letters[language] if letter_action and random_() < 0.05 else ""
                    yield (action_id, name, email, key, country, governorate_id, random_() < 0.3, random_() < 0.4,
                           letter, language, confirmed, nonce, stamp(created_at), stamp(confirmed_at), None)
                elif i < count + n_pending:  # asked in the last three days, not confirmed (yet)
                    created_at = now - timedelta(seconds=259_000 * random_())
                    yield (action_id, name, email, key, country, governorate_id, random_() < 0.3, random_() < 0.4,
                           "", language, pending, nonce, stamp(created_at), None, None)
                else:  # confirmed, then withdrawn: the details erased, the key kept
                    confirmed_at = datetime.fromtimestamp(start + span * random_(), UTC)
                    withdrawn_at = confirmed_at + (now - confirmed_at) * random_()
                    created_at = confirmed_at - timedelta(seconds=60 + 3600 * random_())
                    yield (action_id, "", "", key, country, None, False, False, "", language, withdrawn, nonce,
                           stamp(created_at), stamp(confirmed_at), stamp(withdrawn_at))

    with transaction.atomic(), connection.cursor() as cursor:
        inserted = _bulk_insert(cursor, "campaigns_signature", SIGNATURE_COLUMNS, rows(), batch_size, stdout, "signatures")
        for action_id, count in adding.items():
            if count:
                Action.objects.filter(pk=action_id).update(signature_count=F("signature_count") + count)
        if Tally is not None and days:
            # What the services keep as each signature is confirmed: the count per local day.
            for action_id, day, n in Tally.objects.filter(action_id__in=list(adding)).values_list("action_id", "day", "count"):
                if (action_id, day) in days:
                    days[action_id, day] += n
            Tally.objects.bulk_create(
                [Tally(action_id=action_id, day=day, count=n) for (action_id, day), n in days.items()],
                batch_size=2000, update_conflicts=True, unique_fields=["action", "day"], update_fields=["count"],
            )
    busy = Action.objects.select_related("campaign").get(pk=busy_id)
    return {
        "campaigns": made,
        "campaigns_total": Campaign.objects.filter(status=Campaign.Status.ACTIVE).count(),
        "actions": len(actions),
        "signatures": sum(adding.values()),
        "signatures_total": total,
        "rows": inserted,
        "busy_action": busy_id,
        "busy_campaign": busy.campaign.slug,
        "busy_url": busy.get_absolute_url(),
        "busy_signatures": busy.signature_count,
        "seconds": round(time.perf_counter() - started, 2),
    }


# --- Consultations: a large one with planted opinion groups ----------------------------------

# (ar, ckb, en) proposals, each said of a place and a time frame (CONSULTATION_WHEN).
CONSULTATION_PROPOSALS = [
    ("يجب أن تجعل الشبكة مياه الشرب حملتها الأولى", "تۆڕەکە دەبێت ئاوی خواردنەوە بکاتە یەکەم هەڵمەتی", "The network should make drinking water its first campaign"),
    ("يجب أن نعمل مع الوزارات بدل الاحتجاج ضدها", "دەبێت لەگەڵ وەزارەتەکان کار بکەین نەک دژیان خۆپیشاندان بکەین", "We should work with the ministries rather than protest against them"),
    ("الاحتجاج في الشارع ما زال أقوى أداة لدينا", "خۆپیشاندان لە شەقام هێشتا بەهێزترین ئامرازمانە", "Street protest is still the strongest tool we have"),
    ("يجب أن تقود النساء نصف حملات الشبكة", "دەبێت ژنان نیوەی هەڵمەتەکانی تۆڕەکە ڕابەرایەتی بکەن", "Women should lead half of the network's campaigns"),
    ("يجب أن نقبل تمويلاً من حكومات أجنبية للمشاريع الكبيرة", "دەبێت پارەی حکومەتە بیانییەکان بۆ پڕۆژە گەورەکان وەربگرین", "We should accept funding from foreign governments for big projects"),
    ("يجب حماية المدافعين المهددين قبل أي عمل آخر", "دەبێت پێش هەر کارێکی تر داکۆکیکارە هەڕەشەلێکراوەکان بپارێزین", "Threatened defenders must be protected before any other work"),
    ("يجب أن تكون للنقابات كلمة أكبر في الجمعية العامة", "دەبێت سەندیکاکان دەنگی زیاتریان لە کۆبوونەوەی گشتیدا هەبێت", "Trade unions should have a bigger say in the general assembly"),
    ("يجب أن تتخذ الشبكة موقفاً علنياً من الانتخابات", "دەبێت تۆڕەکە هەڵوێستی ئاشکرای لەسەر هەڵبژاردن هەبێت", "The network should take a public position on elections"),
    ("يجب نشر كل التمويل وكل المانحين علناً", "دەبێت هەموو پارە و هەموو بەخشەرەکان بە ئاشکرا بڵاو بکرێنەوە", "All funding and all donors should be published openly"),
    ("يجب أن تسبق حملات البيئة حملات العمل", "دەبێت هەڵمەتەکانی ژینگە پێش هەڵمەتەکانی کار بکەون", "Environmental campaigns should come before labour campaigns"),
    ("الإعلام المستقل يحتاج صندوق دعم مشتركاً", "میدیای سەربەخۆ پێویستی بە سندوقێکی هاوبەشی پشتگیری هەیە", "Independent media need a joint support fund"),
    ("يجب أن تكون كل الاجتماعات مترجمة إلى العربية والكردية", "دەبێت هەموو کۆبوونەوەکان بۆ عەرەبی و کوردی وەربگێڕدرێن", "Every meeting should be interpreted into Arabic and Kurdish"),
]
CONSULTATION_WHEN = [
    ("هذا العام", "ئەمساڵ", "this year"),
    ("خلال عامين", "لە ماوەی دوو ساڵدا", "within two years"),
    ("قبل الانتخابات القادمة", "پێش هەڵبژاردنی داهاتوو", "before the next elections"),
]
CONSULTATION_LANGUAGES = {"ar": 55, "ckb": 20, "en": 25}
CONSULTATION_PASS = 0.07  # share of the votes that are "pass"
CONSULTATION_SHARE = 0.04  # share of the statements every group agrees with (the planted consensus)
VOTE_COLUMNS = ("consultation_id", "participant_id", "statement_id", "value", "voted_at")


def _consultation_texts(count: int, places: list[tuple[str, str, str]], rng: random.Random) -> list[tuple[str, str, dict]]:
    """(text, language, translations) of `count` statements: a proposal said of a place and a
    time frame, distinct while there are combinations left (12 x 18 x 3 = 648), then numbered."""
    combinations = [(p, w, t) for p in CONSULTATION_PROPOSALS for w in places for t in CONSULTATION_WHEN]
    rng.shuffle(combinations)
    languages, weights = zip(*CONSULTATION_LANGUAGES.items(), strict=True)
    out = []
    for i in range(count):
        proposal, (p_ar, p_ckb, p_en), when = combinations[i % len(combinations)]
        suffix = f" ({i // len(combinations) + 1})" if i >= len(combinations) else ""
        texts = {
            "ar": f"{proposal[0]} في {p_ar} {when[0]}.{suffix}",
            "ckb": f"{proposal[1]} لە {p_ckb} {when[1]}.{suffix}",
            "en": f"{proposal[2]} in {p_en} {when[2]}.{suffix}",
        }
        language = rng.choices(languages, weights)[0]
        translations = {"en": texts["en"]} if language != "en" else {}
        if rng.random() < 0.5:  # half of them translated into the other languages too
            translations = {lang: text for lang, text in texts.items() if lang != language}
        out.append((texts[language], language, translations))
    return out


def planted_opinions(statements: int, groups: int, *, seed: int) -> tuple[list[list[float]], list[int]]:
    """Each group's probability of agreeing with each statement (groups x statements), and the
    planted consensus statements (every group agrees with probability 0.8-0.95). On the
    others each group leans one way (0.05-0.3 or 0.7-0.95), at random, but never all groups
    the same way (with a single group, every statement is consensus): the planted consensus
    statements are the only ones every group supports."""
    rng = random.Random(seed)
    consensus = sorted(rng.sample(range(statements), max(1, round(statements * CONSULTATION_SHARE))))
    chosen = set(consensus)
    odds = [[0.0] * statements for _ in range(groups)]
    for s in range(statements):
        leans = [s in chosen or rng.random() < 0.5 for _ in range(groups)]
        if s not in chosen and groups > 1 and len(set(leans)) == 1:
            flipped = rng.randrange(groups)
            leans[flipped] = not leans[flipped]
        for g in range(groups):
            if s in chosen:
                odds[g][s] = rng.uniform(0.8, 0.95)
            else:
                odds[g][s] = rng.uniform(0.7, 0.95) if leans[g] else rng.uniform(0.05, 0.3)
    return odds, consensus


def _bulk_insert(cursor, table: str, columns, rows, batch_size: int, stdout, noun: str) -> int:
    """Insert many rows fast: COPY on PostgreSQL, executemany in batches on SQLite (with a
    larger page cache meanwhile). Returns how many rows went in."""
    names = ", ".join(columns)
    inserted = 0
    if cursor.db.vendor != "sqlite":
        with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                inserted += 1
                if stdout is not None and inserted % batch_size == 0:
                    stdout.write(f"  {inserted:,} {noun}\n")
        return inserted
    cursor.execute("PRAGMA cache_size")
    cache_size = int(cursor.fetchone()[0])
    cursor.execute("PRAGMA cache_size = -262144")
    sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"
    batch: list[tuple] = []
    for row in rows:
        batch.append(row)
        if len(batch) == batch_size:
            cursor.executemany(sql, batch)
            inserted += len(batch)
            batch.clear()
            if stdout is not None:
                stdout.write(f"  {inserted:,} {noun}\n")
    if batch:
        cursor.executemany(sql, batch)
        inserted += len(batch)
    cursor.execute(f"PRAGMA cache_size = {cache_size}")
    return inserted


def generate_consultation(
    participants: int = 5000,
    statements: int = 500,
    density: float = 0.3,
    groups: int = 3,
    *,
    seed: int = 2026,
    days: int = 20,
    slug: str | None = None,
    batch_size: int = 50_000,
    stdout=None,
) -> dict:
    """Add one open public consultation with `statements` accepted statements, `participants`
    participants (no accounts: Participant.person is null) and about participants x statements
    x density votes, with planted groups of opinion: each participant belongs to one of
    `groups` groups (sizes in proportion 1, 0.8, 0.6…); each group has its own probability of
    agreeing with each statement (`planted_opinions`), a few statements every group agrees
    with; each participant sees each statement with probability `density` and passes on 7% of
    those. Counters (the consultation's votes and participants, each participant's and each
    statement's votes) are exact. No report is computed.

    Votes go in with COPY on PostgreSQL; on SQLite with executemany in one transaction, with
    a 256 MB page cache while the indexes grow. Returns sizes, the planted group of each
    participant number ("planted") and the planted consensus statement numbers."""
    import numpy as np
    from django.db import connection, transaction
    from django.utils import timezone

    from tadamun.assembly.models import Consultation, Participant, Statement
    from tadamun.core import markdown
    from tadamun.network.models import Governorate, Organisation
    from tadamun.pathways.models import Pathway

    started = time.perf_counter()
    rng = random.Random(seed)
    generator = np.random.default_rng(seed)
    now = timezone.now()
    sqlite = connection.vendor == "sqlite"
    places = list(_place_names(Governorate.objects.order_by("iso_code")).values()) or [("بغداد", "بەغدا", "Baghdad")]
    codes = list(Governorate.objects.order_by("iso_code").values_list("iso_code", flat=True)) + ["abroad"]
    kinds = list(Organisation.Kind.values)

    # Who votes what: the planted group of each participant, then each cell seen or not.
    weights = np.array([1.0 - 0.2 * g for g in range(groups)]) if groups <= 4 else np.ones(groups)
    group_of = generator.choice(groups, size=participants, p=weights / weights.sum())
    odds, consensus = planted_opinions(statements, groups, seed=seed + 1)
    odds = np.array(odds)
    seen = generator.random((participants, statements)) < density
    p_index, s_index = np.nonzero(seen)  # participant-major
    del seen
    agree = generator.random(len(p_index)) < odds[group_of[p_index], s_index]
    values = np.where(generator.random(len(p_index)) < CONSULTATION_PASS, 0, np.where(agree, 1, -1)).astype(np.int64)
    per_participant = np.bincount(p_index, minlength=participants)
    per_statement = np.bincount(s_index, minlength=statements)
    n_votes = len(values)

    # Participants joined over `days` (more in the first days); each voted within hours of joining.
    joined = now.timestamp() - days * 86400 * generator.random(participants) ** 1.5 - 600
    voted = joined[p_index] + np.minimum(generator.exponential(900, len(p_index)) + 30, now.timestamp() - joined[p_index] - 1)
    stamps = np.datetime_as_string((voted * 1e6).astype("datetime64[us]"), unit="us")
    stamps = np.char.replace(stamps, "T", " ")  # naive UTC text as Django writes it on SQLite
    if not sqlite:
        stamps = np.char.add(stamps, "+00")

    with transaction.atomic():
        existing = Consultation.objects.count()
        question = "ما الذي يجب أن تفعله الشبكة في السنوات القادمة؟"
        description = "قبل الجمعية العامة: صوّتوا على كل عبارة، وأضيفوا عباراتكم."
        consultation = Consultation.objects.create(
            slug=slug or f"bench-consultation-{participants}x{statements}-{existing + 1}",
            question=question,
            description=description,
            description_html=markdown.render(description),
            original_language="ar",
            translations={"en": {
                "question": "What should the network do in the coming years?",
                "description": "Before the general assembly: vote on each statement, and add yours.",
                "description_html": markdown.render("Before the general assembly: vote on each statement, and add yours."),
            }},
            audience=Consultation.Audience.PUBLIC,
            anonymous=True,
            demographics=["governorate", "organisation_kind"],
            opens_at=now - timedelta(days=days, hours=1),
            closes_at=now + timedelta(days=30),
            vote_count=n_votes,
            participant_count=participants,
        )
        consultation.pathways.set(Pathway.objects.order_by("pk")[:2])
        made = Participant.objects.bulk_create(
            [
                Participant(
                    consultation=consultation, number=number, pseudonym=f"P{10000 + number}",
                    answers={
                        **({"governorate": rng.choice(codes)} if rng.random() < 0.8 else {}),
                        **({"organisation_kind": rng.choice(kinds)} if rng.random() < 0.6 else {}),
                    },
                    vote_count=int(per_participant[number]),
                    created_at=datetime.fromtimestamp(float(joined[number]), UTC),
                )
                for number in range(participants)
            ],
            batch_size=2000,
        )
        participant_pk = np.array([p.pk for p in made], dtype=np.int64)
        texts = _consultation_texts(statements, places, rng)
        seeds = max(1, statements // 25)
        rows = Statement.objects.bulk_create(
            [
                Statement(
                    consultation=consultation, number=number, text=text, language=language, translations=translations,
                    status=Statement.Status.ACCEPTED, is_seed=number < seeds,
                    author_id=None if number < seeds or not participants else int(participant_pk[rng.randrange(participants)]),
                    vote_count=int(per_statement[number]),
                    created_at=now - timedelta(days=days * (1 - number / max(1, statements))),
                )
                for number, (text, language, translations) in enumerate(texts)
            ],
            batch_size=2000,
        )
        statement_pk = np.array([s.pk for s in rows], dtype=np.int64)

        def vote_rows():
            cid = consultation.pk
            participant_ids = participant_pk[p_index].tolist()
            statement_ids = statement_pk[s_index].tolist()
            for pid, sid, value, stamp in zip(participant_ids, statement_ids, values.tolist(), stamps.tolist(), strict=True):
                yield (cid, pid, sid, value, stamp)

        with connection.cursor() as cursor:
            if not sqlite:
                # The foreign keys of the votes are checked at commit, one lookup per vote and key,
                # planned from the statistics of the tables they point to: after a VACUUM ANALYZE
                # that found these tables empty (as `make bench` runs after each part), the
                # planner scans them whole for each of the votes (minutes instead of seconds).
                cursor.execute("ANALYZE assembly_consultation, assembly_participant, assembly_statement")
            inserted = _bulk_insert(cursor, "assembly_vote", VOTE_COLUMNS, vote_rows(), batch_size, stdout, "votes")
    return {
        "consultation": consultation.pk,
        "slug": consultation.slug,
        "url": consultation.get_absolute_url(),
        "participants": participants,
        "statements": statements,
        "groups": groups,
        "votes": inserted,
        "density": round(inserted / max(1, participants * statements), 4),
        "planted": group_of.tolist(),
        "consensus": consensus,
        "seconds": round(time.perf_counter() - started, 2),
    }


# --- Deciding together: the General Assembly, its proposals, the register, a conference -------

# (pathway, code, name in English, name in Arabic) of the working groups; their decisions'
# references begin with the code (wg-water-2024-3).
WORKING_GROUPS = [
    ("human-rights-defenders", "WG-DEFENDERS", "Human rights defenders working group", "مجموعة عمل المدافعين عن حقوق الإنسان"),
    ("democracy", "WG-DEMOCRACY", "Democracy working group", "مجموعة عمل الديمقراطية"),
    ("peacebuilding", "WG-PEACE", "Peacebuilding working group", "مجموعة عمل بناء السلام"),
    ("demilitarization", "WG-DEMIL", "Demilitarisation working group", "مجموعة عمل نزع السلاح"),
    ("minorities", "WG-MINORITY", "Minorities working group", "مجموعة عمل الأقليات"),
    ("economic-social-rights", "WG-ESR", "Economic and social rights working group", "مجموعة عمل الحقوق الاقتصادية والاجتماعية"),
    ("women", "WG-WOMEN", "Women's working group", "مجموعة عمل النساء"),
    ("youth", "WG-YOUTH", "Youth working group", "مجموعة عمل الشباب"),
    ("heritage-environment", "WG-WATER", "Water, heritage and environment working group", "مجموعة عمل المياه والتراث والبيئة"),
]
GA_SLUG, CC_SLUG, CONFERENCE_SLUG = "bench-general-assembly", "bench-coordination-committee", "bench-annual-conference"
# Title templates of decisions ({h} a topic's headline, {p} a place), by language.
DECISION_TITLES = {
    "ar": ["قرار بشأن {h} في {p}", "موقف الشبكة من {h} في {p}", "خطة عمل: {h} في {p}"],
    "ckb": ["بڕیار دەربارەی {h} لە {p}", "هەڵوێستی تۆڕ دەربارەی {h} لە {p}", "پلانی کار: {h} لە {p}"],
    "en": ["Decision on {h} in {p}", "The network's position on {h} in {p}", "Plan of action: {h} in {p}"],
}
# What the group decided to do, by language (one per outcome statement).
DECISION_CLAUSES = {
    "ar": ["تصدر الشبكة بياناً مشتركاً خلال شهر.", "تتابع مجموعة العمل التنفيذ وتقدم تقريراً إلى الجمعية العامة القادمة.",
           "تكتب لجنة التنسيق إلى الجهات المعنية وتطلب لقاءً علنياً.", "يُعتمد بند في الموازنة لمدة سنة واحدة.",
           "تُدعى المنظمات الأعضاء إلى الانضمام إلى الحملة.", "يُؤجل القرار النهائي إلى الاجتماع القادم بعد مشاورات أوسع."],
    "ckb": ["تۆڕەکە لە ماوەی مانگێکدا ڕاگەیەندراوێکی هاوبەش بڵاو دەکاتەوە.",
            "گرووپی کار بەدواداچوون دەکات و ڕاپۆرت پێشکەشی کۆبوونەوەی گشتیی داهاتوو دەکات.",
            "لیژنەی هەماهەنگی نامە بۆ لایەنە پەیوەندیدارەکان دەنووسێت و داوای کۆبوونەوەیەکی ئاشکرا دەکات.",
            "بڕگەیەکی بودجە بۆ ماوەی ساڵێک پەسەند کرا.", "ڕێکخراوە ئەندامەکان بانگهێشت دەکرێن بۆ بەشداریکردن لە هەڵمەتەکە.",
            "بڕیاری کۆتایی دوا دەخرێت بۆ کۆبوونەوەی داهاتوو دوای ڕاوێژی فراوانتر."],
    "en": ["The network will publish a joint statement within a month.",
           "The working group will follow up and report to the next General Assembly.",
           "The coordination committee will write to the authorities concerned and ask for a public meeting.",
           "A budget line is approved for one year.", "Member organisations are invited to join the campaign.",
           "The final decision is postponed to the next meeting, after wider consultation."],
}
DECISION_LANGUAGES = {"ar": 55, "en": 35, "ckb": 10}
DECISION_GROUP_SHARES = (0.25, 0.15)  # of the decisions: the General Assembly's, the coordination committee's (the rest: working groups)
DECISION_PROPOSAL_SHARE = 0.02  # of the working groups' and committee's decisions: closed from a proposal
DECISION_PUBLIC_SHARE = 0.92
FIRST_DECISION_YEAR = 2012
# The cities of the General Assembly's yearly meetings (ar, ckb, en).
ASSEMBLY_CITIES = [
    ("السليمانية", "سلێمانی", "Sulaymaniyah"), ("بغداد", "بەغدا", "Baghdad"), ("أربيل", "هەولێر", "Erbil"),
    ("البصرة", "بەسرە", "Basra"), ("النجف", "نەجەف", "Najaf"), ("الموصل", "مووسڵ", "Mosul"), ("دهوك", "دهۆک", "Duhok"),
    ("كركوك", "کەرکووک", "Kirkuk"),
]
# (value, weight, reason needed) of positions on the General Assembly's consensus proposals.
POSITION_WEIGHTS = [("agree", 70, False), ("abstain", 12, False), ("disagree", 14, True), ("block", 4, True)]
POSITION_REASONS = {
    "agree": ["نوافق، مع التأكيد على إشراك المنظمات الصغيرة في التنفيذ.", "We agree, and offer our volunteers for the follow-up."],
    "abstain": ["نمتنع: لم نتمكن من مناقشة الخطة داخل منظمتنا.", "We abstain until our board has discussed it."],
    "disagree": ["الخطة لا تذكر المحافظات الجنوبية ولا أزمة المياه فيها.", "The plan says nothing about funding: who pays for it?",
                 "پلانەکە باسی هەرێمی کوردستان ناکات.", "Three years is too long; we would review the plan every year."],
    "block": ["نعترض بشدة: البند الثالث يسمح بتمويل من مانحين يربحون من السلاح، وهذا يخالف بيان المهمة.",
              "We block: the plan drops the protection of threatened defenders, which the mission statement puts first."],
}
BLOCK_ANSWER = "شكراً لكم. عدّلنا البند المعني ونعرضه عليكم في النسخة القادمة. — Thank you: the clause is changed in the next version."
BIG_PROPOSAL_TEXT = """\
تعرض لجنة التنسيق على الجمعية العامة خطة عمل الشبكة للسنوات الثلاث القادمة، بعد مشاورة المنظمات الأعضاء ومجموعات العمل.

- حملة مشتركة من أجل الحق في المياه في محافظات الجنوب؛
- حماية المدافعين عن حقوق الإنسان المهددين، قبل أي عمل آخر؛
- مؤتمر سنوي للشبكة، يتنقل بين المحافظات؛
- نشر كل التمويل وكل المانحين علناً كل سنة.

The coordination committee puts to the General Assembly the network's plan of action for the next three years: \
a joint campaign for the right to water, the protection of threatened defenders, a yearly conference and open \
accounts."""
ANONYMOUS_PROPOSAL_TEXT = """\
تقترح لجنة الترشيح قائمة من تسعة أعضاء للجنة التنسيق للسنتين القادمتين، تمثل المحافظات ومسارات الشبكة، نصفهم من النساء. \
The nominations committee proposes a list of nine members of the coordination committee for the next two years."""
POLL_OPTIONS = ["البصرة – Basra", "السليمانية – Sulaymaniyah", "الموصل – Mosul", "النجف – Najaf", "دهوك – Duhok"]
REGISTRATION_STATUSES = [("confirmed", 62), ("pending", 8), ("waiting", 15), ("declined", 5), ("cancelled", 10)]
REGISTRATION_ROLES = [("delegate", 70), ("observer", 18), ("speaker", 5), ("press", 7)]
REGISTRATION_NEEDS = ["ترجمة فورية إلى الكردية", "وەرگێڕان بۆ عەرەبی", "Wheelchair access", "Interpretation into English",
                      "مكان قريب من المدخل"]
SESSION_KINDS = {"ar": "جلسة: {h}", "ckb": "دانیشتن: {h}", "en": "Panel: {h}"}


def _person_names(rng: random.Random, language: str) -> str:
    first_names, families = SIGNER_NAMES.get(language, SIGNER_NAMES["en"])
    return f"{rng.choice(first_names)} {rng.choice(families)}"


def _make_people(rng: random.Random, specs: list[tuple[str, str]], now) -> list:
    """Users from (email, language), with names in their script and no usable password."""
    from tadamun.accounts.models import User

    return User.objects.bulk_create(
        [
            User(email=email, password=f"!bench{rng.getrandbits(64):016x}", language=language if language in ("ar", "ckb", "en") else "en",
                 display_name=_person_names(rng, language), date_joined=now - timedelta(days=rng.uniform(30, 2000)))
            for email, language in specs
        ],
        batch_size=2000,
    )


def _decision_groups(facilitators: list, now) -> dict:
    """The General Assembly (organisations have the voice), the coordination committee and a
    working group per pathway (people have it), each with the facilitators: made once."""
    from tadamun.assembly.models import Group, GroupMember
    from tadamun.core import markdown
    from tadamun.pathways.models import Pathway

    pathway_pk = dict(Pathway.objects.values_list("slug", "pk"))
    kind, counts = Group.Kind, Group.Counts
    description = ("تجتمع الجمعية العامة مرة في السنة؛ لكل منظمة عضو صوت واحد يدلي به مندوبها.\n\n"
                   "The General Assembly meets once a year; each member organisation has one voice, cast by its delegate.")
    specs = [
        (GA_SLUG, "GA", "General Assembly", "الجمعية العامة", kind.GENERAL_ASSEMBLY, counts.ORGANISATIONS, None),
        (CC_SLUG, "CC", "Coordination committee", "لجنة التنسيق", kind.COORDINATION, counts.PEOPLE, None),
        *((f"bench-{code.lower()}", code, en, ar, kind.WORKING_GROUP, counts.PEOPLE, pathway_pk.get(slug))
          for slug, code, en, ar in WORKING_GROUPS),
    ]
    existing = {g.slug: g for g in Group.objects.filter(slug__in=[s[0] for s in specs])}
    made = Group.objects.bulk_create([
        Group(slug=slug, code=code, name=en, description=description if code == "GA" else "",
              description_html=markdown.render(description) if code == "GA" else "",
              translations={"ar": {"name": ar}}, kind=kind_, counts=counts_, pathway_id=pathway, public=True, max_proxies=2)
        for slug, code, en, ar, kind_, counts_, pathway in specs if slug not in existing
    ])
    groups = {**existing, **{g.slug: g for g in made}}
    GroupMember.objects.bulk_create(
        [GroupMember(group=g, person=f, role=GroupMember.Role.FACILITATOR, notify=GroupMember.Notify.DIGEST, joined_at=now)
         for g in made for f in facilitators],
        ignore_conflicts=True,
    )
    return {"ga": groups[GA_SLUG], "cc": groups[CC_SLUG],
            "working": [groups[f"bench-{code.lower()}"] for _slug, code, *_ in WORKING_GROUPS], "made": len(made)}


def _seat_delegates(rng: random.Random, ga, seats: int, now) -> tuple[list[int], dict[int, int]]:
    """Seats for the first `seats` approved organisations (those without one), each with a
    delegate: an existing member of the organisation if there is one (not already a
    delegate in the group), else a new person made its administrator. Returns the new seats'
    pks and each new seat's delegate."""
    from django.db.models import Q

    from tadamun.assembly.models import GroupMember, Seat
    from tadamun.network.models import Membership, Organisation

    organisations = list(
        Organisation.objects.filter(status=Organisation.Status.APPROVED).order_by("pk").values_list("pk", "original_language")[:seats]
    )
    seated = set(Seat.objects.filter(group=ga).values_list("organisation_id", flat=True))
    new = [(pk, language) for pk, language in organisations if pk not in seated]
    if not new:
        return [], {}
    taken = set(Seat.objects.filter(group=ga, delegate__isnull=False).values_list("delegate_id", flat=True))
    delegate_of: dict[int, int] = {}
    for org_id, person_id in (
        Membership.objects.filter(Q(organisation_id__in=[pk for pk, _l in new]), person__is_active=True)
        .order_by("pk").values_list("organisation_id", "person_id")
    ):
        if org_id not in delegate_of and person_id not in taken:
            delegate_of[org_id] = person_id
            taken.add(person_id)
    missing = [(pk, language) for pk, language in new if pk not in delegate_of]
    people = _make_people(rng, [(f"delegate-{pk}@bench.example.org", language) for pk, language in missing], now)
    Membership.objects.bulk_create(
        [Membership(organisation_id=pk, person=person, role=Membership.Role.ADMIN) for (pk, _l), person in zip(missing, people, strict=True)],
        batch_size=2000,
    )
    delegate_of.update({pk: person.pk for (pk, _l), person in zip(missing, people, strict=True)})
    made = Seat.objects.bulk_create(
        [Seat(group=ga, organisation_id=pk, delegate_id=delegate_of[pk], weight=Decimal(2) if rng.random() < 0.03 else Decimal(1))
         for pk, _l in new],
        batch_size=2000,
    )
    GroupMember.objects.bulk_create(
        [GroupMember(group=ga, person_id=seat.delegate_id, joined_at=now) for seat in made], batch_size=2000, ignore_conflicts=True,
    )
    return [seat.pk for seat in made], {seat.pk: seat.delegate_id for seat in made}


def _ga_proposals(ga, facilitator, now) -> tuple:
    """The General Assembly's three open proposals (made once): the plan of action
    (consensus), the list for the coordination committee (consensus, anonymous) and the place
    of the next conference (a poll of five options, two choices each)."""
    from tadamun.assembly.models import Proposal, ProposalOption, ProposalVersion
    from tadamun.core import markdown

    specs = [
        ("اعتماد خطة عمل الشبكة للسنوات الثلاث القادمة", BIG_PROPOSAL_TEXT, Proposal.Kind.CONSENSUS, False, 3),
        ("انتخاب لجنة التنسيق: القائمة المقترحة", ANONYMOUS_PROPOSAL_TEXT, Proposal.Kind.CONSENSUS, True, 2),
        ("أين نعقد المؤتمر السنوي القادم؟ – Where do we hold the next annual conference?",
         "اختاروا مدينتين على الأكثر. Choose at most two cities.", Proposal.Kind.POLL, False, 1),
    ]
    found = {p.title: p for p in Proposal.objects.filter(group=ga, title__in=[s[0] for s in specs])}
    out = []
    for age, (title, text, kind, anonymous, created_days) in enumerate(specs):
        if title in found:
            out.append(found[title])
            continue
        created = now - timedelta(days=created_days + 3, minutes=age)
        proposal = Proposal.objects.create(
            group=ga, title=title, text=text, text_html=markdown.render(text), language="ar", kind=kind,
            closes_at=now + timedelta(days=10), max_blocks=0, min_agree=75, quorum=50 if kind == Proposal.Kind.CONSENSUS else None,
            anonymous=anonymous, max_choices=2 if kind == Proposal.Kind.POLL else 1, created_by=facilitator, created_at=created,
        )
        ProposalVersion.objects.create(proposal=proposal, number=1, text=text, created_by=facilitator, created_at=created)
        if kind == Proposal.Kind.POLL:
            ProposalOption.objects.bulk_create(
                ProposalOption(proposal=proposal, number=n, text=option) for n, option in enumerate(POLL_OPTIONS, start=1)
            )
        out.append(proposal)
    return tuple(out)


def _positions_of_new_seats(rng: random.Random, proposals: tuple, new_seats: list[int], delegate_of: dict[int, int],
                            first: bool, now) -> dict:
    """Positions of the new seats on the three open proposals: ~90% of them on the plan (some
    blocks, half of them answered), a few proxies from silent seats, ~60% on the anonymous
    list (no person, no seat), ~70% on the poll; a receipt for each delegate taking part. On
    the first call, the first seat states its position and holds the second seat's proxy,
    stating the second's position through it (the benchmark's delegate)."""
    from tadamun.assembly import services
    from tadamun.assembly.models import Position, Proxy, Receipt

    big, anonymous, poll = proposals
    values, weights = [v for v, _w, _r in POSITION_WEIGHTS], [w for _v, w, _r in POSITION_WEIGHTS]
    positions, receipts, proxies = [], [], []
    codes = set()

    def receipt(proposal, person_id, seat_id, at):
        while (code := f"b{rng.getrandbits(90):023x}"[:24]) in codes:
            pass
        codes.add(code)
        receipts.append(Receipt(proposal=proposal, person_id=person_id, seat_id=seat_id, code=code, first_at=at))

    def stated():
        return now - timedelta(hours=rng.uniform(1, 70))

    def consensus_position(proposal, seat_pk, *, named: bool, by_proxy=False, person_id=None):
        value = rng.choices(values, weights)[0]
        needs_reason = dict((v, r) for v, _w, r in POSITION_WEIGHTS)[value]
        reason = rng.choice(POSITION_REASONS[value]) if needs_reason or rng.random() < 0.15 else ""
        answered = value == "block" and rng.random() < 0.5
        at = stated()
        person = person_id or delegate_of[seat_pk]
        return Position(
            proposal=proposal, voice=services.voice_of(proposal.pk, seat_id=seat_pk), value=value, reason=reason,
            person_id=person if named else None, seat_id=seat_pk if named else None, by_proxy=by_proxy, stated_at=at,
            version=1, answer=BLOCK_ANSWER if answered else "", answered_at=at + timedelta(hours=2) if answered else None,
        ), at

    speaking = []
    silent = []
    for i, seat_pk in enumerate(new_seats):
        speaks = (i == 0) if first and i < 2 else rng.random() < 0.9
        (speaking if speaks else silent).append(seat_pk)
    for seat_pk in speaking:
        position, at = consensus_position(big, seat_pk, named=True)
        positions.append(position)
        receipt(big, delegate_of[seat_pk], seat_pk, at)
    # Proxies: a quarter of the silent seats give theirs to a seat that states its position
    # (at most two each); the holder states the giver's position through it four times in five.
    held: dict[int, int] = {}
    holders = list(speaking)
    rng.shuffle(holders)
    if first and len(new_seats) > 1:
        holders.insert(0, new_seats[0])
    for k, giver in enumerate(silent):
        if not (first and k == 0 and giver == new_seats[1]) and rng.random() >= 0.25:
            continue
        holder = next((h for h in holders if held.get(h, 0) < 2), None)
        if holder is None:
            break
        held[holder] = held.get(holder, 0) + 1
        given = stated()
        proxies.append(Proxy(proposal=big, giver_id=giver, holder_id=holder, given_by_id=delegate_of[giver], given_at=given))
        if (first and k == 0) or rng.random() < 0.8:
            position, _at = consensus_position(big, giver, named=True, by_proxy=True, person_id=delegate_of[holder])
            position.stated_at = max(position.stated_at, given + timedelta(minutes=5))
            positions.append(position)
    for seat_pk in new_seats:
        if rng.random() < 0.6:
            position, at = consensus_position(anonymous, seat_pk, named=False)
            positions.append(position)
            receipt(anonymous, delegate_of[seat_pk], seat_pk, at)
        if rng.random() < 0.7:
            at = stated()
            positions.append(Position(
                proposal=poll, voice=services.voice_of(poll.pk, seat_id=seat_pk), value="",
                choices=sorted(rng.sample(range(1, len(POLL_OPTIONS) + 1), rng.choice((1, 2, 2)))),
                person_id=delegate_of[seat_pk], seat_id=seat_pk, stated_at=at, version=1,
            ))
            receipt(poll, delegate_of[seat_pk], seat_pk, at)
    Proxy.objects.bulk_create(proxies, batch_size=2000)
    Position.objects.bulk_create(positions, batch_size=2000)
    Receipt.objects.bulk_create(receipts, batch_size=2000)
    return {"positions": len(positions), "proxies": len(proxies), "receipts": len(receipts)}


def _working_group_members(groups: dict, delegates: list[int], now) -> None:
    """Fifteen delegates in each working group and nine in the committee (made once, from the
    first delegates), beside the facilitators."""
    from tadamun.assembly.models import GroupMember

    rows = []
    for i, group in enumerate([groups["cc"], *groups["working"]]):
        if GroupMember.objects.filter(group=group, role=GroupMember.Role.MEMBER).exists() or not delegates:
            continue
        size = 9 if i == 0 else 15
        chosen = {delegates[(i * 7 + k) % len(delegates)] for k in range(size)}
        rows += [GroupMember(group=group, person_id=pk, joined_at=now - timedelta(days=400)) for pk in sorted(chosen)]
    GroupMember.objects.bulk_create(rows, ignore_conflicts=True)


def _assemblies(ga, facilitator, today) -> dict[int, tuple]:
    """The General Assembly's yearly meetings since FIRST_DECISION_YEAR (past gatherings,
    made once): year -> (gathering pk, its day, the city (ar, ckb, en))."""
    from tadamun.assembly.models import Gathering

    years = range(FIRST_DECISION_YEAR, today.year)
    made = {g.slug: g for g in Gathering.objects.filter(slug__in=[f"bench-general-assembly-{y}" for y in years])}
    missing = []
    for year in years:
        city = ASSEMBLY_CITIES[year % len(ASSEMBLY_CITIES)]
        if f"bench-general-assembly-{year}" not in made:
            starts = datetime(year, 3, 15, 6, 0, tzinfo=UTC)
            missing.append(Gathering(
                slug=f"bench-general-assembly-{year}", title=f"الجمعية العامة {year} – General Assembly {year}",
                kind=Gathering.Kind.GENERAL_ASSEMBLY, group=ga, language="ar", starts_at=starts,
                ends_at=starts + timedelta(days=1, hours=8), place=f"{city[0]} – {city[2]}", interpretation=["ar", "ckb", "en"],
                public=True, created_by=facilitator, created_at=starts - timedelta(days=60),
            ))
    made.update({g.slug: g for g in Gathering.objects.bulk_create(missing)})
    return {
        year: (made[f"bench-general-assembly-{year}"].pk, date(year, 3, 15), ASSEMBLY_CITIES[year % len(ASSEMBLY_CITIES)])
        for year in years
    }


def _outcome_pool(rng: random.Random) -> dict[tuple[str, int, int], tuple[str, str, str]]:
    """(language, topic, clause) -> (outcome, its HTML, its search key): rendered once each."""
    from tadamun.core import markdown
    from tadamun.core.text import normalise

    pool = {}
    for topic_index, (_paths, texts) in enumerate(ARTICLE_TOPICS):
        for language in DECISION_LANGUAGES:
            sentences = texts[language][1]
            for clause_index, clause in enumerate(DECISION_CLAUSES[language]):
                first, *others = rng.sample(sentences, 3)
                outcome = f"{first} {clause}\n\n" + "\n".join(f"- {s}" for s in others)
                pool[language, topic_index, clause_index] = (outcome, markdown.render(outcome), normalise(outcome))
    return pool


def _grow_register(rng: random.Random, groups: dict, count: int, assemblies: dict, facilitator, today, now) -> dict:
    """Add `count` decisions across the groups (the General Assembly's taken in the room at its
    yearly meetings, the others over the years since FIRST_DECISION_YEAR, more of them lately),
    in Arabic, English and Sorani, numbered per group and year after those already there; a
    few of the committee's and working groups' closed from a proposal, with their members'
    positions and the count at closing, as `services.close_proposal` leaves them."""
    from tadamun.assembly import services
    from tadamun.assembly.models import (
        Decision,
        GroupMember,
        Position,
        Proposal,
        ProposalVersion,
        Receipt,
    )
    from tadamun.core.text import normalise
    from tadamun.network.models import Governorate

    if count <= 0:
        return {"decisions": 0, "proposals": 0}
    ga, cc, working = groups["ga"], groups["cc"], groups["working"]
    pool = _outcome_pool(random.Random(FIRST_DECISION_YEAR))
    places = list(_place_names(Governorate.objects.order_by("iso_code")).values()) or [("بغداد", "بەغدا", "Baghdad")]
    topics_of = {g.pk: [i for i, (paths, _t) in enumerate(ARTICLE_TOPICS) if g.pathway and g.pathway.slug in paths] for g in working}
    languages, language_weights = zip(*DECISION_LANGUAGES.items(), strict=True)
    members: dict[int, list[int]] = {}
    for group_id, person_id in GroupMember.objects.filter(group__in=[cc, *working]).order_by("pk").values_list("group_id", "person_id"):
        members.setdefault(group_id, []).append(person_id)
    years = sorted(assemblies)
    span = (today - date(FIRST_DECISION_YEAR, 1, 1)).days
    specs = []
    for _ in range(count):
        draw = rng.random()
        group = ga if draw < DECISION_GROUP_SHARES[0] and years else cc if draw < sum(DECISION_GROUP_SHARES) else rng.choice(working)
        language = rng.choices(languages, language_weights)[0]
        topic = rng.choice(topics_of.get(group.pk) or range(len(ARTICLE_TOPICS)))
        where = rng.choice(places)
        if group is ga:
            year = years[min(len(years) - 1, int(len(years) * rng.random() ** 0.7))]
            gathering, decided_on, city = assemblies[year]
            place = _in(language, city)
        else:
            gathering, decided_on = None, today - timedelta(days=int(span * rng.random() ** 1.5))
            place = _in(language, rng.choice(ASSEMBLY_CITIES)) if rng.random() < 0.3 else ""
        headline = ARTICLE_TOPICS[topic][1][language][0]
        title = rng.choice(DECISION_TITLES[language]).format(h=headline, p=_in(language, where))
        clause = rng.randrange(len(DECISION_CLAUSES[language]))
        proposed = group is not ga and len(members.get(group.pk, ())) > 1 and rng.random() < DECISION_PROPOSAL_SHARE
        specs.append((decided_on, group, language, topic, clause, title, place, gathering, proposed))
    specs.sort(key=lambda spec: spec[0])  # numbered in the order they were taken

    # The proposals some decisions close, with their versions, positions and receipts.
    proposed = [spec for spec in specs if spec[8]]
    proposals = Proposal.objects.bulk_create([
        Proposal(
            group=group, title=title, text=pool[language, topic, clause][0], text_html=pool[language, topic, clause][1],
            language=language, kind=Proposal.Kind.CONSENSUS, closes_at=_noon(decided_on), status=Proposal.Status.CLOSED,
            closed_at=_noon(decided_on), created_at=_noon(decided_on) - timedelta(days=14), created_by=facilitator,
        )
        for decided_on, group, language, topic, clause, title, *_rest in proposed
    ])
    ProposalVersion.objects.bulk_create(
        [ProposalVersion(proposal=p, number=1, text=p.text, created_by=facilitator, created_at=p.created_at) for p in proposals]
    )
    positions, receipts, results = [], [], {}
    values, weights = [v for v, _w, _r in POSITION_WEIGHTS], [w for _v, w, _r in POSITION_WEIGHTS]
    for proposal in proposals:
        voices = members[proposal.group_id]
        counts = {value: 0 for value in Position.Value.values}
        for person_id in voices:
            if rng.random() >= 0.85:
                continue
            value = rng.choices(values, weights)[0]
            at = proposal.created_at + timedelta(days=rng.uniform(0.1, 13))
            reason = rng.choice(POSITION_REASONS[value]) if value in ("disagree", "block") else ""
            positions.append(Position(
                proposal=proposal, voice=services.voice_of(proposal.pk, person_id=person_id), value=value, reason=reason,
                person_id=person_id, stated_at=at, version=1, answer=BLOCK_ANSWER if value == "block" else "",
                answered_at=at + timedelta(hours=3) if value == "block" else None,
            ))
            receipts.append(Receipt(proposal=proposal, person_id=person_id, code=f"c{rng.getrandbits(90):023x}"[:24], first_at=at))
            counts[value] += 1
        taken = sum(counts.values())
        sided = counts["agree"] + counts["disagree"] + counts["block"]
        share = counts["agree"] / sided if sided else None
        passes = bool(counts["block"] <= proposal.max_blocks and share is not None and share * 100 >= proposal.min_agree)
        results[proposal.pk] = (passes, {
            "voices": str(len(voices)), "taken_part": str(taken), "by_proxy": 0, "counts": {k: str(n) for k, n in counts.items()},
            "agree_share": share, "quorum_met": True, "passes": passes, "options": [],
        })
    Position.objects.bulk_create(positions, batch_size=2000)
    Receipt.objects.bulk_create(receipts, batch_size=2000)
    proposal_of = iter(proposals)

    # References: group-year numbers after those already in the register.
    taken: dict[str, int] = {}
    for reference in Decision.objects.filter(group__in=[ga, cc, *working]).values_list("reference", flat=True):
        prefix = reference.rsplit("-", 1)[0]
        taken[prefix] = taken.get(prefix, 0) + 1
    rows = []
    for decided_on, group, language, topic, clause, title, place, gathering, with_proposal in specs:
        outcome, outcome_html, outcome_key = pool[language, topic, clause]
        prefix = f"{group.code.lower()}-{decided_on.year}"
        taken[prefix] = taken.get(prefix, 0) + 1
        proposal = next(proposal_of) if with_proposal else None
        passed, result = results[proposal.pk] if proposal else (rng.random() < 0.92, {})
        # = services._search_text: (title, outcome, place), or (title, outcome, the proposal's text) at closing.
        third = normalise(proposal.text) if proposal else normalise(place)
        rows.append(Decision(
            group=group, proposal=proposal, gathering_id=gathering, reference=f"{prefix}-{taken[prefix]}", title=title[:200],
            outcome=outcome, outcome_html=outcome_html, language=language, passed=passed, decided_on=decided_on, place=place,
            result=result, public=rng.random() < DECISION_PUBLIC_SHARE,
            search_text=" ".join(part for part in (normalise(title[:200]), outcome_key, third) if part)[:20_000],
            recorded_by=facilitator, created_at=_noon(decided_on) + timedelta(hours=rng.uniform(0, 6)),
        ))
    Decision.objects.bulk_create(rows, batch_size=2000)
    return {"decisions": len(rows), "proposals": len(proposals), "positions": len(positions)}


def _noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC)


def _conference(ga, facilitator, sessions: int, now) -> tuple:
    """The coming annual conference of the General Assembly (made once) and its agenda of
    `sessions` sessions over three days, two rooms, in Arabic, Sorani and English."""
    from tadamun.assembly.models import Gathering, Session
    from tadamun.core import markdown
    from tadamun.pathways.models import Pathway

    conference = Gathering.objects.filter(slug=CONFERENCE_SLUG).first()
    if conference is None:
        starts = (now + timedelta(days=30)).replace(hour=6, minute=0, second=0, microsecond=0)
        description = ("المؤتمر السنوي للشبكة: ثلاثة أيام من الجلسات حول مسارات الشبكة التسعة، مع ترجمة فورية.\n\n"
                       "The network's annual conference: three days of sessions on its nine pathways, interpreted.")
        conference = Gathering.objects.create(
            slug=CONFERENCE_SLUG, title="المؤتمر السنوي للشبكة – Annual conference of the network", kind=Gathering.Kind.CONFERENCE,
            group=ga, description=description, description_html=markdown.render(description), language="ar",
            starts_at=starts, ends_at=starts + timedelta(days=2, hours=11), place="أربيل، قاعة الشعب – Erbil",
            online_link="https://meet.example.org/bench-annual-conference", interpretation=["ar", "ckb", "en"],
            in_person_places=0, online_places=0, registration_closes_at=starts - timedelta(days=2), needs_approval=False,
            public=True, certificates=True, created_by=facilitator, created_at=now - timedelta(days=70),
        )
        conference.pathways.set(Pathway.objects.order_by("pk")[:3])
    have = Session.objects.filter(gathering=conference).count()
    if have < sessions:
        rng = random.Random(have)
        pathway_pk = dict(Pathway.objects.values_list("slug", "pk"))
        rows = []
        for n in range(have, sessions):
            day, slot = divmod(n // 2, 5) if sessions > 10 else (0, n // 2)
            starts = conference.starts_at + timedelta(days=min(day, 2), hours=1.5 * slot)
            paths, texts = ARTICLE_TOPICS[n % len(ARTICLE_TOPICS)]
            language = ("ar", "ckb", "en")[n % 3]
            rows.append(Session(
                gathering=conference, title=SESSION_KINDS[language].format(h=texts[language][0])[:200], starts_at=starts,
                ends_at=starts + timedelta(hours=1, minutes=15), room=("القاعة الكبرى – Main hall", "Room 2")[n % 2],
                language=language, pathway_id=pathway_pk.get(paths[0]),
                speakers=", ".join(_person_names(rng, language) for _ in range(rng.randint(1, 3))), description=texts[language][1][0],
            ))
        Session.objects.bulk_create(rows)
    return conference, Session.objects.filter(gathering=conference).count()


def _grow_registrations(rng: random.Random, conference, target: int, delegates: list[int], forced: int | None, now) -> dict:
    """Bring the conference to `target` registrations: the delegates first, then other people
    (new ones, each a member of an organisation), with mixed roles, statuses (the waiting list
    only online, where places are full) and needs. The places: online as many as confirmed
    (full), in the room 10% more than confirmed (free places left)."""
    from django.db.models import Count

    from tadamun.assembly.models import Registration
    from tadamun.network.models import Membership, Organisation

    registered = set(Registration.objects.filter(gathering=conference).values_list("person_id", flat=True))
    need = target - len(registered)
    if need > 0:
        people = [pk for pk in delegates if pk not in registered]
        extra = list(
            Membership.objects.filter(person__email__startswith="participant-").exclude(person_id__in=registered)
            .order_by("person_id").values_list("person_id", flat=True).distinct()
        )
        people = (people + [pk for pk in extra if pk not in set(people)])[:need]
        if len(people) < need:
            organisations = list(Organisation.objects.filter(status=Organisation.Status.APPROVED).values_list("pk", "original_language"))
            first = Membership.objects.filter(person__email__startswith="participant-").count()
            chosen = [rng.choice(organisations) for _ in range(need - len(people))]
            made = _make_people(rng, [(f"participant-{first + i}@bench.example.org", lang) for i, (_pk, lang) in enumerate(chosen)], now)
            Membership.objects.bulk_create(
                [Membership(organisation_id=pk, person=person) for (pk, _l), person in zip(chosen, made, strict=True)], batch_size=2000,
            )
            people += [person.pk for person in made]
        organisation_of = {}
        for person_id, org_id in Membership.objects.filter(person_id__in=people).order_by("pk").values_list("person_id", "organisation_id"):
            organisation_of.setdefault(person_id, org_id)
        statuses, status_weights = zip(*REGISTRATION_STATUSES, strict=True)
        roles, role_weights = zip(*REGISTRATION_ROLES, strict=True)
        rows = []
        for person_id in people:
            status = rng.choices(statuses, status_weights)[0]
            attendance = "online" if status == "waiting" or rng.random() < 0.25 else "in_person"
            role = rng.choices(roles, role_weights)[0]
            listed = rng.random() < 0.4
            if person_id == forced:
                status, attendance, role, listed = "confirmed", "in_person", "delegate", True
            created = now - timedelta(days=60 * rng.random() ** 0.8)
            rows.append(Registration(
                gathering=conference, person_id=person_id, role=role, attendance=attendance, status=status, listed=listed,
                organisation_id=organisation_of.get(person_id) if role in ("delegate", "speaker") or rng.random() < 0.5 else None,
                needs=rng.choice(REGISTRATION_NEEDS) if rng.random() < 0.15 else "",
                message="لم تعد هناك أماكن لمنظمتكم. – No places left for your organisation." if status == "declined" else "",
                created_at=created, decided_at=None if status == "pending" else created + timedelta(hours=rng.uniform(0.01, 48)),
            ))
        Registration.objects.bulk_create(rows, batch_size=2000)
    confirmed = dict(
        Registration.objects.filter(gathering=conference, status=Registration.Status.CONFIRMED)
        .values_list("attendance").annotate(n=Count("pk")).values_list("attendance", "n")
    )
    conference.in_person_places = round(confirmed.get("in_person", 0) * 1.1) + 10
    conference.online_places = confirmed.get("online", 0)
    conference.save(update_fields=["in_person_places", "online_places"])
    by_status = dict(
        Registration.objects.filter(gathering=conference).values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    return {"registrations": sum(by_status.values()), "by_status": by_status, "confirmed": confirmed}


def generate_decisions(
    seats: int = 1000, decisions: int = 20_000, registrations: int = 5000, *, sessions: int = 30, seed: int = 2026, stdout=None,
) -> dict:
    """Bring the database to a General Assembly of `seats` member organisations, a register of
    `decisions` decisions and a coming conference with `registrations` registrations (totals:
    called again with larger ones, it grows the same assembly, register and conference; it
    never removes anything).

    The General Assembly (organisations have the voice) seats the first `seats` approved
    organisations (more are generated with `generate` when there are too few), each with a
    delegate who is a member of it: an existing member when it has one, else a new person
    made its administrator. The assembly has three open proposals: a consensus proposal with
    positions from ~90% of the seats (agreements, abstentions, disagreements and blocks with
    reasons, half of the blocks answered) and a few proxies, an anonymous one (~60%) and a
    poll (~70%), each delegate taking part with a receipt. Beside it the coordination
    committee and a working group per pathway (people have the voice: fifteen delegates each,
    nine in the committee) and three facilitators in every group.

    The register: decisions across the groups in Arabic, English and Sorani (a quarter the
    General Assembly's, taken in the room at its yearly meetings, which are past gatherings;
    the others over the years since FIRST_DECISION_YEAR), numbered per group and year; ~2% of
    the committee's and working groups' closed from a proposal with its positions and the
    count at closing. `outcome_html` and `search_text` are what the services compute.

    The conference: the General Assembly's coming annual conference, `sessions` sessions,
    registrations with mixed statuses (confirmed, pending, waiting online where places are
    full, declined, cancelled), roles and needs; registration open, no approval needed.

    Rows go in with `bulk_create` (about 30,000 in all at the default sizes). Returns sizes
    and the ids the benchmark's pages need."""
    from django.db import transaction
    from django.db.models import Count
    from django.utils import timezone

    from tadamun.accounts.models import User
    from tadamun.assembly.models import Decision, Position, Proposal, Proxy, Seat
    from tadamun.network.models import Organisation

    started = time.perf_counter()
    approved = Organisation.objects.filter(status=Organisation.Status.APPROVED).count()
    organisations = generate(seats - approved, seed=seed)["organisations"] if approved < seats else 0
    now, today = timezone.now(), timezone.localdate()
    rng = random.Random(seed + 13 + Seat.objects.filter(group__slug=GA_SLUG).count())
    with transaction.atomic():
        facilitators = list(User.objects.filter(email__startswith="facilitator-", email__endswith="@bench.example.org").order_by("pk"))
        if not facilitators:
            facilitators = _make_people(rng, [(f"facilitator-{i}@bench.example.org", ("ar", "ckb", "en")[i - 1]) for i in (1, 2, 3)], now)
        facilitator = facilitators[0]
        groups = _decision_groups(facilitators, now)
        ga = groups["ga"]
        first = not Seat.objects.filter(group=ga).exists()
        new_seats, delegate_of = _seat_delegates(rng, ga, seats, now)
        delegates = list(Seat.objects.filter(group=ga).order_by("pk").values_list("delegate_id", flat=True))
        _working_group_members(groups, delegates, now)
        proposals = _ga_proposals(ga, facilitator, now)
        stated = _positions_of_new_seats(rng, proposals, new_seats, delegate_of, first, now)
        assemblies = _assemblies(ga, facilitator, today)
        register = _grow_register(
            random.Random(seed + 17 + Decision.objects.filter(group__slug__startswith="bench-").count()),
            groups, decisions - Decision.objects.filter(group__slug__startswith="bench-").count(), assemblies, facilitator, today, now,
        )
        conference, session_count = _conference(ga, facilitator, sessions, now)
        seat_pks = list(Seat.objects.filter(group=ga).order_by("pk").values_list("pk", flat=True))
        registered = delegates[2] if len(delegates) > 2 else None
        gathered = _grow_registrations(
            random.Random(seed + 19 + registrations), conference, registrations, delegates, registered, now,
        )
    big, anonymous, poll = proposals
    holder = Proxy.objects.filter(proposal=big, withdrawn_at__isnull=True).order_by("holder_id").values_list("holder_id", flat=True).first()
    closed = Decision.objects.filter(group__slug__startswith="bench-", proposal__isnull=False).order_by("pk").first()
    per_proposal = dict(Position.objects.filter(proposal__in=proposals).values_list("proposal").annotate(n=Count("pk")).values_list("proposal", "n"))
    return {
        "organisations_generated": organisations,
        "seats": len(seat_pks),
        "new_seats": len(new_seats),
        "positions": per_proposal.get(big.pk, 0),
        "anonymous_positions": per_proposal.get(anonymous.pk, 0),
        "poll_positions": per_proposal.get(poll.pk, 0),
        "proxies": Proxy.objects.filter(proposal=big, withdrawn_at__isnull=True).count(),
        "blocks": Position.objects.filter(proposal=big, value=Position.Value.BLOCK).count(),
        "stated": stated,
        "decisions": Decision.objects.filter(group__slug__startswith="bench-").count(),
        "decisions_made": register["decisions"],
        "closed_proposals": Proposal.objects.filter(group__slug__startswith="bench-", status=Proposal.Status.CLOSED).count(),
        "groups": 2 + len(groups["working"]),
        "assemblies": len(assemblies),
        "sessions": session_count,
        "registrations": gathered["registrations"],
        "registrations_by_status": gathered["by_status"],
        "in_person_places": conference.in_person_places,
        "online_places": conference.online_places,
        "people": User.objects.filter(email__endswith="@bench.example.org").count(),
        "group": ga.slug,
        "group_id": ga.pk,
        "proposal": big.pk,
        "anonymous_proposal": anonymous.pk,
        "poll": poll.pk,
        "proposal_url": big.get_absolute_url(),
        "conference": conference.slug,
        "conference_id": conference.pk,
        "facilitator": facilitator.pk,
        "delegate": Seat.objects.get(pk=holder).delegate_id if holder else delegates[0],
        "registered": registered,
        "decision": closed.reference if closed else Decision.objects.filter(group=ga).order_by("pk").values_list("reference", flat=True).first(),
        "seconds": round(time.perf_counter() - started, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=0, help="then this many published articles")
    parser.add_argument("--campaigns", type=int, default=0, help="then this many campaigns (in all)")
    parser.add_argument("--signatures", type=int, default=1_000_000, help="confirmed signatures on the campaigns (in all)")
    parser.add_argument("--participants", type=int, default=0, help="then a consultation with this many participants")
    parser.add_argument("--statements", type=int, default=500, help="statements of the consultation")
    parser.add_argument("--density", type=float, default=0.3, help="share of the statements each participant votes on")
    parser.add_argument("--seats", type=int, default=0, help="then a General Assembly of this many organisations")
    parser.add_argument("--decisions", type=int, default=20_000, help="decisions in the register (with --seats)")
    parser.add_argument("--registrations", type=int, default=5000, help="registrations for the conference (with --seats)")
    args = parser.parse_args(argv)
    _setup_django()
    if args.count:
        result = generate(args.count, seed=args.seed, batch_size=args.batch_size, stdout=sys.stdout)
        print(f"Generated {result['organisations']} organisations in {result['seconds']} s.")
    if args.articles:
        result = generate_articles(args.articles, seed=args.seed, stdout=sys.stdout)
        print(f"Generated {result['articles']} articles ({result['versions']} versions) in {result['seconds']} s.")
    if args.campaigns:
        result = generate_campaigns(args.campaigns, args.signatures, seed=args.seed, stdout=sys.stdout)
        print(
            f"{result['campaigns_total']} campaigns ({result['campaigns']} new), {result['signatures_total']:,} confirmed "
            f"signatures ({result['signatures']:,} new, {result['rows']:,} rows with pending and withdrawn ones) "
            f"in {result['seconds']} s; the busy petition: {result['busy_url']} ({result['busy_signatures']:,})."
        )
    if args.participants:
        result = generate_consultation(args.participants, args.statements, args.density, seed=args.seed, stdout=sys.stdout)
        print(
            f"A consultation of {result['participants']:,} participants, {result['statements']} statements and "
            f"{result['votes']:,} votes in {result['seconds']} s: {result['url']}"
        )
    if args.seats:
        result = generate_decisions(args.seats, args.decisions, args.registrations, seed=args.seed, stdout=sys.stdout)
        print(
            f"A General Assembly of {result['seats']:,} organisations ({result['positions']:,} positions on its plan, "
            f"{result['proxies']} proxies), {result['decisions']:,} decisions, a conference with {result['sessions']} sessions "
            f"and {result['registrations']:,} registrations in {result['seconds']} s: {result['proposal_url']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
