"""The starting vocabulary of skills and resources, named in the five languages of the platform.
Coordinators keep it afterwards at /solidarity/skills/ (adding, renaming, retiring)."""

from django.db import migrations

STARTING_VOCABULARY = [
    {
        "slug": "legal-support-for-human-rights-defenders",
        "position": 10,
        "names": {
            "en": "Legal support for human rights defenders",
            "ar": "الدعم القانوني للمدافعين عن حقوق الإنسان",
            "ckb": "پشتگیریی یاسایی بۆ بەرگریکارانی مافەکانی مرۆڤ",
            "kmr": "Piştgiriya hiqûqî ji bo parêzvanên mafên mirovan",
            "it": "Supporto legale ai difensori dei diritti umani",
        },
    },
    {
        "slug": "documentation-of-human-rights-violations",
        "position": 20,
        "names": {
            "en": "Documentation of human rights violations",
            "ar": "توثيق انتهاكات حقوق الإنسان",
            "ckb": "تۆمارکردنی پێشێلکارییەکانی مافەکانی مرۆڤ",
            "kmr": "Belgekirina binpêkirinên mafên mirovan",
            "it": "Documentazione delle violazioni dei diritti umani",
        },
    },
    {
        "slug": "digital-security",
        "position": 30,
        "names": {
            "en": "Digital security",
            "ar": "الأمن الرقمي",
            "ckb": "ئاسایشی دیجیتاڵی",
            "kmr": "Ewlehiya dîjîtal",
            "it": "Sicurezza digitale",
        },
    },
    {
        "slug": "psychosocial-support",
        "position": 40,
        "names": {
            "en": "Psychosocial support",
            "ar": "الدعم النفسي والاجتماعي",
            "ckb": "پشتگیریی دەروونی و کۆمەڵایەتی",
            "kmr": "Piştgiriya derûnî û civakî",
            "it": "Supporto psicosociale",
        },
    },
    {
        "slug": "advocacy-at-un-bodies",
        "position": 50,
        "names": {
            "en": "Advocacy at UN bodies",
            "ar": "المناصرة لدى هيئات الأمم المتحدة",
            "ckb": "داکۆکیکاری لە دەزگاکانی نەتەوە یەکگرتووەکان",
            "kmr": "Parêzvanî li ba saziyên Neteweyên Yekbûyî",
            "it": "Advocacy presso gli organismi dell'ONU",
        },
    },
    {
        "slug": "advocacy-with-eu-institutions",
        "position": 60,
        "names": {
            "en": "Advocacy with EU institutions",
            "ar": "المناصرة لدى مؤسسات الاتحاد الأوروبي",
            "ckb": "داکۆکیکاری لە دامەزراوەکانی یەکێتیی ئەورووپا",
            "kmr": "Parêzvanî li ba saziyên Yekîtiya Ewropayê",
            "it": "Advocacy presso le istituzioni dell'UE",
        },
    },
    {
        "slug": "campaign-strategy",
        "position": 70,
        "names": {
            "en": "Campaign strategy",
            "ar": "استراتيجية الحملات",
            "ckb": "ستراتیژیی هەڵمەتەکان",
            "kmr": "Stratejiya kampanyayan",
            "it": "Strategia delle campagne",
        },
    },
    {
        "slug": "election-monitoring",
        "position": 80,
        "names": {
            "en": "Election monitoring",
            "ar": "مراقبة الانتخابات",
            "ckb": "چاودێریکردنی هەڵبژاردنەکان",
            "kmr": "Çavdêriya hilbijartinan",
            "it": "Osservazione elettorale",
        },
    },
    {
        "slug": "media-and-communication",
        "position": 90,
        "names": {
            "en": "Media and communication skills",
            "ar": "مهارات الإعلام والتواصل",
            "ckb": "کارامەییەکانی ڕاگەیاندن و پەیوەندیکردن",
            "kmr": "Jêhatiyên medyayê û ragihandinê",
            "it": "Competenze mediatiche e di comunicazione",
        },
    },
    {
        "slug": "investigative-journalism-training",
        "position": 100,
        "names": {
            "en": "Investigative journalism training",
            "ar": "التدريب على الصحافة الاستقصائية",
            "ckb": "ڕاهێنان لەسەر ڕۆژنامەنووسیی لێکۆڵینەوەیی",
            "kmr": "Perwerdeya rojnamegeriya lêkolînê",
            "it": "Formazione al giornalismo d'inchiesta",
        },
    },
    {
        "slug": "translation-and-interpretation",
        "position": 110,
        "names": {
            "en": "Translation and interpretation",
            "ar": "الترجمة التحريرية والفورية",
            "ckb": "وەرگێڕانی نووسراو و زارەکی",
            "kmr": "Wergera nivîskî û devkî",
            "it": "Traduzione e interpretariato",
        },
    },
    {
        "slug": "website-and-software-development",
        "position": 120,
        "names": {
            "en": "Website and software development",
            "ar": "تطوير المواقع الإلكترونية والبرمجيات",
            "ckb": "پەرەپێدانی ماڵپەڕ و نەرمەکاڵا",
            "kmr": "Pêşxistina malperan û nermalavan",
            "it": "Sviluppo di siti web e software",
        },
    },
    {
        "slug": "research-and-data-analysis",
        "position": 130,
        "names": {
            "en": "Research and data analysis",
            "ar": "البحث وتحليل البيانات",
            "ckb": "توێژینەوە و شیکردنەوەی داتا",
            "kmr": "Lêkolîn û analîza daneyan",
            "it": "Ricerca e analisi dei dati",
        },
    },
    {
        "slug": "research-on-water-and-environment",
        "position": 140,
        "names": {
            "en": "Research on water and environment",
            "ar": "أبحاث المياه والبيئة",
            "ckb": "توێژینەوە لەسەر ئاو و ژینگە",
            "kmr": "Lêkolîna li ser av û jîngehê",
            "it": "Ricerca su acqua e ambiente",
        },
    },
    {
        "slug": "monitoring-and-evaluation",
        "position": 150,
        "names": {
            "en": "Monitoring and evaluation",
            "ar": "الرصد والتقييم",
            "ckb": "چاودێری و هەڵسەنگاندن",
            "kmr": "Şopandin û nirxandin",
            "it": "Monitoraggio e valutazione",
        },
    },
    {
        "slug": "project-management",
        "position": 160,
        "names": {
            "en": "Project management",
            "ar": "إدارة المشاريع",
            "ckb": "بەڕێوەبردنی پرۆژە",
            "kmr": "Rêveberiya projeyan",
            "it": "Gestione dei progetti",
        },
    },
    {
        "slug": "financial-management-and-accounting",
        "position": 170,
        "names": {
            "en": "Financial management and accounting",
            "ar": "الإدارة المالية والمحاسبة",
            "ckb": "بەڕێوەبردنی دارایی و ژمێریاری",
            "kmr": "Rêveberiya darayî û hesabdarî",
            "it": "Gestione finanziaria e contabilità",
        },
    },
    {
        "slug": "fundraising-aligned-with-donor-policy",
        "position": 180,
        "names": {
            "en": "Fundraising aligned with the donor policy",
            "ar": "جمع التمويل وفق سياسة المانحين",
            "ckb": "کۆکردنەوەی پارە بەپێی سیاسەتی بەخشەران",
            "kmr": "Berhevkirina fonan li gorî siyaseta bexşkaran",
            "it": "Raccolta fondi nel rispetto della politica sui donatori",
        },
    },
    {
        "slug": "mentoring-of-organisations",
        "position": 190,
        "names": {
            "en": "Mentoring of organisations",
            "ar": "توجيه المنظمات ومرافقتها",
            "ckb": "ڕێنماییکردن و هاوەڵیکردنی ڕێکخراوەکان",
            "kmr": "Şêwirmendî û rêberî ji bo rêxistinan",
            "it": "Mentoring per le organizzazioni",
        },
    },
    {
        "slug": "training-of-trainers",
        "position": 200,
        "names": {
            "en": "Training of trainers",
            "ar": "تدريب المدربين",
            "ckb": "ڕاهێنانی ڕاهێنەران",
            "kmr": "Perwerdeya perwerdekaran",
            "it": "Formazione dei formatori",
        },
    },
    {
        "slug": "trade-union-organising",
        "position": 210,
        "names": {
            "en": "Trade union organising",
            "ar": "التنظيم النقابي",
            "ckb": "ڕێکخستنی سەندیکایی",
            "kmr": "Rêxistinkirina sendîkayî",
            "it": "Organizzazione sindacale",
        },
    },
    {
        "slug": "womens-rights-and-gender-expertise",
        "position": 220,
        "names": {
            "en": "Women's rights and gender expertise",
            "ar": "الخبرة في حقوق المرأة والنوع الاجتماعي",
            "ckb": "شارەزایی لە مافەکانی ژنان و جێندەر",
            "kmr": "Pisporiya mafên jinan û zayendê",
            "it": "Competenze sui diritti delle donne e di genere",
        },
    },
    {
        "slug": "youth-participation",
        "position": 230,
        "names": {
            "en": "Youth participation",
            "ar": "مشاركة الشباب",
            "ckb": "بەشداریی گەنجان",
            "kmr": "Beşdariya ciwanan",
            "it": "Partecipazione giovanile",
        },
    },
    {
        "slug": "peacebuilding-and-dialogue-facilitation",
        "position": 240,
        "names": {
            "en": "Peacebuilding and dialogue facilitation",
            "ar": "بناء السلام وتيسير الحوار",
            "ckb": "بنیاتنانی ئاشتی و ئاسانکاریی گفتوگۆ",
            "kmr": "Avakirina aştiyê û birêvebirina diyalogê",
            "it": "Costruzione della pace e facilitazione del dialogo",
        },
    },
    {
        "slug": "cultural-and-artistic-exchange",
        "position": 250,
        "names": {
            "en": "Cultural and artistic exchange",
            "ar": "التبادل الثقافي والفني",
            "ckb": "ئاڵوگۆڕی کولتووری و هونەری",
            "kmr": "Danûstandina çandî û hunerî",
            "it": "Scambi culturali e artistici",
        },
    },
    {
        "slug": "hosting-interns-and-volunteers",
        "position": 260,
        "names": {
            "en": "Hosting interns and volunteers",
            "ar": "استضافة المتدربين والمتطوعين",
            "ckb": "میوانداریکردنی ڕاهێنراوان و خۆبەخشان",
            "kmr": "Mazûvaniya stajyeran û dilxwazan",
            "it": "Accoglienza di tirocinanti e volontari",
        },
    },
    {
        "slug": "equipment-and-material-support",
        "position": 270,
        "names": {
            "en": "Equipment and material support",
            "ar": "المعدات والدعم المادي",
            "ckb": "ئامێر و پشتگیریی مادی",
            "kmr": "Alav û piştgiriya madî",
            "it": "Attrezzature e supporto materiale",
        },
    },
    {
        "slug": "office-or-meeting-space",
        "position": 280,
        "names": {
            "en": "Office or meeting space",
            "ar": "مساحة مكتبية أو قاعة اجتماعات",
            "ckb": "شوێنی نووسینگە یان کۆبوونەوە",
            "kmr": "Cihê nivîsgehê an civînê",
            "it": "Spazi per uffici o riunioni",
        },
    },
]


def create(apps, schema_editor):
    Skill = apps.get_model("solidarity", "Skill")
    for item in STARTING_VOCABULARY:
        Skill.objects.update_or_create(
            slug=item["slug"], defaults={"names": item["names"], "position": item["position"]}
        )


class Migration(migrations.Migration):
    dependencies = [("solidarity", "0002_search")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
