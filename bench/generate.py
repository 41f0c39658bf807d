"""Fill the database with N member organisations, fast, for the benchmarks.

Names and descriptions are composed from word lists in Arabic, Sorani and English (some
Italian), spread over the governorates, pathways, working languages and countries, all
approved. Rows go in with `bulk_create` in batches, many-to-many rows too. Every name,
name key and slug is unique, and `name_key`/`search_text` are computed exactly as the
services compute them.

`generate_articles` then fills the newsroom: published articles of those organisations in
Arabic, Sorani, Kurmanji, English and Italian, composed from word lists the same way.

    python bench/generate.py --count 10000 [--articles 100000]
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=0, help="then this many published articles")
    args = parser.parse_args(argv)
    _setup_django()
    if args.count:
        result = generate(args.count, seed=args.seed, batch_size=args.batch_size, stdout=sys.stdout)
        print(f"Generated {result['organisations']} organisations in {result['seconds']} s.")
    if args.articles:
        result = generate_articles(args.articles, seed=args.seed, stdout=sys.stdout)
        print(f"Generated {result['articles']} articles ({result['versions']} versions) in {result['seconds']} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
