"""Fill the database with N member organisations, fast, for the benchmarks.

Names and descriptions are composed from word lists in Arabic, Sorani and English (some
Italian), spread over the governorates, pathways, working languages and countries, all
approved. Rows go in with `bulk_create` in batches, many-to-many rows too. Every name,
name key and slug is unique, and `name_key`/`search_text` are computed exactly as the
services compute them.

    python bench/generate.py --count 10000
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import timedelta
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--batch-size", type=int, default=1000)
    args = parser.parse_args(argv)
    _setup_django()
    result = generate(args.count, seed=args.seed, batch_size=args.batch_size, stdout=sys.stdout)
    print(f"Generated {result['organisations']} organisations in {result['seconds']} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
