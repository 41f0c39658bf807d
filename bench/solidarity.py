"""Part 9 of `make bench`: suggested counterparts (`tadamun/solidarity/matching.py`), their
quality on planted pairs and their speed at 10,000 organisations.

The network (`generate_network`, `grow`): approved organisations, a fifth of the random ones
international (based abroad, writing in English or Italian), the rest Iraqi (a home governorate
and up to two more, writing in Arabic or, in the Kurdistan Region, mostly Sorani). Each takes a
topic of `bench/generate.py` (its pathways, plus sometimes one more: 1–3) and 1–3 working
languages; its description is composed from word pools: words drawn from its topic's sentence
in its language, two generic sentences, where it is based. Some have a translated description
(Iraqi ones in English, international ones in Arabic or English). Needs and offers are stated
at realistic rates (55% of Iraqi organisations state 1–2 needs and 25% an offer; 50% of
international ones state 1–2 offers and 15% a need), each with
1–2 skills of a vocabulary of 40 (`SKILLS`, named in English, Arabic and Italian) drawn by
popularity, written in the organisation's language.

Planted pairs: 40 "query" Iraqi organisations, each needing a skill (sometimes with a second
need, and offering something half the time), written only in Arabic or Sorani. Each has 5
planted international counterparts that offer the skill it needs (two of them also need what it
offers, when it offers something), share at least one pathway (their topic: the query's, or
another of its pathways) and one working language with it, and write in English or Italian only.
Distractors for each query: an international organisation sharing only a pathway (no language
in common), one sharing only a language (no pathway), two sharing a pathway and a language but
offering other skills, and three Iraqi organisations offering the skill it needs (otherwise
drawn like any Iraqi organisation). Everything is inserted in a random order, so that ties (broken by
the counterpart's id) favour no one. Random organisations that happen to look like a planted
counterpart (international, offering a skill the query needs, sharing a pathway and a language)
are counted as "look-alikes", and a lenient precision counts them as right; those that also
confront the query's own issue are "equivalents", counterparts by every property the planted ones
were made with: the complete precision@5 counts planted and equivalents as right.

    .venv/bin/python bench/run.py --only solidarity[,sqlite|postgresql] [--matching 10000] [--requests 200]
"""

from __future__ import annotations

import random
import statistics
import time
from dataclasses import dataclass, field

QUERIES = 40  # query organisations with planted counterparts
PLANTED = 5  # planted counterparts of each
QUALITY_SIZE = 2_000  # organisations of the network the quality is measured on
PAGE_SMALL = 1_000  # organisations when the suggestions page is measured the first time
CHANGES = 50  # profile changes (an offer added, a need met) followed by `update_for`
COLD = 20  # calls of `update_for` with a cold index
TARGET_PRECISION = 0.8
TARGET_SUGGESTIONS_P95_MS = 200.0
INTERNATIONAL_SHARE = 0.2  # of the random organisations
DISTRACTORS = {"pathway-only": 1, "language-only": 1, "other-skill": 2, "iraqi-offering": 3}
ROLE_WORDS = {
    "pathway-only": "an international distractor sharing only a pathway",
    "language-only": "an international distractor sharing only a language",
    "other-skill": "an international distractor sharing a pathway and a language, offering other skills",
    "iraqi-offering": "a planted Iraqi distractor offering the needed skill",
    "look-alike": "a random international organisation offering a needed skill, sharing a pathway and a language",
    "iraqi-noise-offering": "a random Iraqi organisation offering a needed skill",
    "reverse": "a random organisation needing what the query offers",
    "other": "a random organisation sharing pathways, languages or words only",
}

# (slug, English, Arabic, Italian, popularity: how often it is needed or offered)
SKILLS = [
    ("legal-aid", "Legal aid", "مساعدة قانونية", "Assistenza legale", 5),
    ("strategic-litigation", "Strategic litigation", "التقاضي الاستراتيجي", "Contenzioso strategico", 2),
    ("documenting-abuses", "Documenting abuses", "توثيق الانتهاكات", "Documentazione delle violazioni", 4),
    ("psychosocial-support", "Psychosocial support", "الدعم النفسي الاجتماعي", "Supporto psicosociale", 4),
    ("water-testing", "Water quality testing", "فحص جودة المياه", "Analisi della qualità dell'acqua", 2),
    ("air-monitoring", "Air pollution monitoring", "رصد تلوث الهواء", "Monitoraggio dell'inquinamento atmosferico", 1),
    ("mapping-gis", "Mapping and GIS", "رسم الخرائط ونظم المعلومات الجغرافية", "Cartografia e GIS", 2),
    ("digital-security", "Digital security", "الأمن الرقمي", "Sicurezza digitale", 4),
    ("websites-software", "Websites and software", "تطوير المواقع والبرمجيات", "Siti web e software", 3),
    ("translation-ar-en", "Translation Arabic–English", "الترجمة بين العربية والإنكليزية", "Traduzione arabo–inglese", 3),
    ("translation-kurdish", "Translation into Kurdish", "الترجمة إلى الكردية", "Traduzione in curdo", 2),
    ("fundraising", "Fundraising and grant writing", "جمع التبرعات وكتابة طلبات المنح", "Raccolta fondi e progettazione", 6),
    ("financial-management", "Financial management", "الإدارة المالية", "Gestione finanziaria", 3),
    ("small-grants", "Small grants", "منح صغيرة", "Piccoli finanziamenti", 5),
    ("un-advocacy", "Advocacy at the United Nations", "المناصرة لدى الأمم المتحدة", "Advocacy presso le Nazioni Unite", 3),
    ("journalism-training", "Journalism training", "تدريب الصحفيين", "Formazione giornalistica", 2),
    ("video-production", "Video production", "إنتاج الفيديو", "Produzione video", 2),
    ("election-observation", "Election observation methods", "منهجيات مراقبة الانتخابات", "Metodi di osservazione elettorale", 1),
    ("mediation", "Mediation and dialogue", "الوساطة والحوار", "Mediazione e dialogo", 2),
    ("mine-risk", "Mine risk education", "التوعية بمخاطر الألغام", "Educazione al rischio mine", 1),
    ("heritage-restoration", "Heritage restoration", "ترميم التراث", "Restauro del patrimonio", 1),
    ("archiving", "Archiving and digitisation", "الأرشفة والرقمنة", "Archiviazione e digitalizzazione", 2),
    ("drip-irrigation", "Drip irrigation", "الري بالتنقيط", "Irrigazione a goccia", 1),
    ("solar-energy", "Solar energy", "الطاقة الشمسية", "Energia solare", 2),
    ("medical-equipment", "Medical equipment", "معدات طبية", "Attrezzature mediche", 2),
    ("mobile-clinics", "Mobile clinics", "عيادات متنقلة", "Cliniche mobili", 1),
    ("teacher-training", "Teacher training", "تدريب المعلمين", "Formazione degli insegnanti", 2),
    ("inclusive-education", "Inclusive education", "التعليم الدامج", "Educazione inclusiva", 1),
    ("accessibility", "Accessibility audits", "تدقيق إمكانية الوصول", "Verifiche di accessibilità", 1),
    ("union-organising", "Union organising", "التنظيم النقابي", "Organizzazione sindacale", 2),
    ("cooperatives", "Cooperatives and social economy", "التعاونيات والاقتصاد الاجتماعي", "Cooperative ed economia sociale", 2),
    ("volunteers", "Volunteers", "متطوعون", "Volontari", 4),
    ("meeting-space", "Meeting space", "قاعة للاجتماعات", "Spazi per riunioni", 2),
    ("research-surveys", "Research and surveys", "البحوث والاستبيانات", "Ricerca e indagini", 3),
    ("gender-training", "Gender training", "التدريب على قضايا النوع الاجتماعي", "Formazione sulle questioni di genere", 2),
    ("shelter-management", "Shelter management", "إدارة دور الإيواء", "Gestione delle case rifugio", 1),
    ("monitoring-evaluation", "Monitoring and evaluation", "الرصد والتقييم", "Monitoraggio e valutazione", 3),
    ("exchange-visits", "Exchange visits and hosting", "زيارات التبادل والاستضافة", "Visite di scambio e ospitalità", 3),
    ("campaign-strategy", "Campaign strategy", "استراتيجيات الحملات", "Strategia delle campagne", 3),
    ("safety-protocols", "Safety protocols for defenders", "بروتوكولات السلامة للمدافعين", "Protocolli di sicurezza per difensori", 2),
]

# What organisations of each topic of `bench.generate.TOPICS` do, in Italian (the others
# come with the topics).
IT_WHAT = [
    "Analizziamo l'acqua potabile, pubblichiamo i risultati e chiediamo la riparazione delle reti idriche",
    "Sosteniamo le sopravvissute alla violenza domestica con case rifugio e assistenza legale",
    "Formiamo i giovani all'advocacy e apriamo loro le porte dei consigli locali",
    "Documentiamo le violazioni e proteggiamo i difensori minacciati",
    "Osserviamo le elezioni locali e pubblichiamo rapporti indipendenti",
    "Riuniamo famiglie e anziani per risolvere i conflitti senza violenza",
    "Chiediamo che solo lo Stato detenga le armi e mappiamo i residui bellici",
    "Difendiamo i diritti di yazidi, cristiani, turcomanni e mandei",
    "Organizziamo lavoratrici e lavoratori per contratti scritti, salari equi e sicurezza sul lavoro",
    "Documentiamo i siti del patrimonio danneggiati e formiamo gli artigiani al restauro",
    "Misuriamo l'inquinamento dell'aria, piantiamo alberi e chiediamo la fine della combustione del gas",
    "Riportiamo a scuola i bambini che l'hanno abbandonata e chiediamo edifici scolastici sufficienti",
    "Gestiamo cliniche mobili e monitoriamo la disponibilità di farmaci negli ospedali pubblici",
    "Formiamo i giornalisti alla sicurezza e registriamo le aggressioni alla stampa",
    "Raccogliamo le testimonianze delle famiglie degli scomparsi e chiediamo l'apertura delle fosse comuni",
    "Aiutiamo le famiglie sfollate a tornare a casa e a recuperare i loro documenti",
    "Stiamo con gli abitanti degli insediamenti informali contro gli sgomberi forzati",
    "Chiediamo edifici pubblici accessibili e sussidi equi",
    "Registriamo i livelli dell'acqua e chiediamo rilasci equi dalle dighe",
    "Formiamo gli agricoltori all'irrigazione a goccia e proteggiamo i frutteti dalla distruzione",
    "Accompagniamo le candidate e chiediamo il rispetto della quota femminile",
]
GENERIC = {
    "ar": [
        "نعمل مع المتطوعين والمجتمعات المحلية", "ننظم ورشات تدريبية وحملات توعية", "نتعاون مع النقابات والجامعات",
        "نصدر تقارير دورية ونرفعها إلى الجهات المعنية", "نؤمن بالعمل السلمي والمشاركة المدنية", "نبحث عن شركاء لتبادل الخبرات",
    ],
    "ckb": [
        "لەگەڵ خۆبەخشان و کۆمەڵگە خۆجێییەکان کار دەکەین", "وۆرکشۆپی ڕاهێنان و هەڵمەتی هۆشیاری ڕێک دەخەین",
        "هاوکاری لەگەڵ سەندیکا و زانکۆکان دەکەین", "ڕاپۆرتی خولی بڵاو دەکەینەوە",
        "باوەڕمان بە کاری ئاشتییانە و بەشداریی مەدەنی هەیە", "بەدوای هاوبەشدا دەگەڕێین بۆ ئاڵوگۆڕی ئەزموون",
    ],
    "en": [
        "We work with volunteers and local communities", "We run training workshops and awareness campaigns",
        "We cooperate with trade unions and universities", "We publish regular reports and bring them to the authorities",
        "We believe in nonviolent action and civic participation", "We look for partners to exchange experience",
    ],
    "it": [
        "Lavoriamo con volontari e comunità locali", "Organizziamo laboratori di formazione e campagne di sensibilizzazione",
        "Collaboriamo con sindacati e università", "Pubblichiamo rapporti periodici e li portiamo alle istituzioni",
        "Crediamo nell'azione nonviolenta e nella partecipazione civica", "Cerchiamo partner per scambiare esperienze",
    ],
}
BASED = {
    "ar": "مقرنا في {city} منذ عام {year}",
    "ckb": "بنکەمان لە {city}ـە لە ساڵی {year}ەوە",
    "en": "Based in {city} since {year}",
    "it": "Con sede a {city} dal {year}",
}
WITH_PARTNERS = {"en": "with partners in {places}", "it": "con partner a {places}", "ar": "مع شركاء في {places}"}
NEED_TITLE = {"ar": "نحتاج إلى {skills}", "en": "We need {skills}", "it": "Cerchiamo {skills}"}
OFFER_TITLE = {"ar": "نقدم {skills}", "en": "We offer {skills}", "it": "Offriamo {skills}"}
AND = {"ar": " و", "en": " and ", "it": " e "}
NEED_TEXT = {
    "ar": "نبحث عن شريك يساعدنا في عملنا {topic} في {city}",
    "en": "We are looking for a partner to help our work {topic} in {city}",
    "it": "Cerchiamo un partner per il nostro lavoro {topic} a {city}",
}
OFFER_TEXT = {
    "ar": "نضع خبرتنا في خدمة المنظمات الشريكة {topic}",
    "en": "Available to partner organisations, remotely or in person, {topic}",
    "it": "A disposizione delle organizzazioni partner, a distanza o in presenza, {topic}",
}
OWN_LANGUAGE = {"IT": "it", "FR": "fr", "DE": "de", "AT": "de", "CH": "fr", "ES": "es", "TR": "tr"}


@dataclass
class Stated:
    """A need or an offer to create."""

    skills: list[str]
    language: str
    pathways: list[str] = field(default_factory=list)
    governorates: list[str] = field(default_factory=list)


@dataclass
class Spec:
    """An organisation to create."""

    role: str  # "noise", "query", "planted" or a kind of distractor (DISTRACTORS)
    iraqi: bool
    topic: int
    pathways: list[str]
    languages: list[str]
    governorates: list[str]
    original: str
    translations: list[str]
    home: str = ""  # the Iraqi governorate it is based in
    city: tuple = ()  # (country, en, ar, it) of one based abroad
    needs: list[Stated] = field(default_factory=list)
    offers: list[Stated] = field(default_factory=list)
    query: int | None = None  # the query (its index) it was made for


class World:
    """The reference data and the vocabulary, and what is taken (names, addresses)."""

    def __init__(self, seed: int) -> None:
        from bench.generate import ABROAD, KURDISTAN, TOPICS
        from tadamun.network.models import Governorate, Organisation, WorkingLanguage
        from tadamun.pathways.models import Pathway
        from tadamun.solidarity.models import Skill

        self.rng = random.Random(seed)
        self.topics = TOPICS
        assert len(IT_WHAT) == len(TOPICS), "an Italian sentence for each topic"
        self.kurdistan = KURDISTAN
        self.abroad = [row[:4] for row in ABROAD]
        self.abroad_weights = [row[4] for row in ABROAD]
        self.governorates = {g.iso_code: g for g in Governorate.objects.all()}
        self.codes = sorted(self.governorates)
        self.pathways = {p.slug: p.pk for p in Pathway.objects.all()}
        self.languages = {w.code: w.pk for w in WorkingLanguage.objects.all()}
        self.skill_slugs = [row[0] for row in SKILLS]
        self.skill_weights = [row[4] for row in SKILLS]
        self.skill_names = {row[0]: {"en": row[1], "ar": row[2], "it": row[3]} for row in SKILLS}
        for position, (slug, en, ar, it, _weight) in enumerate(SKILLS):
            Skill.objects.update_or_create(
                slug=f"bench-{slug}", defaults={"names": {"en": en, "ar": ar, "it": it}, "position": position, "is_active": True}
            )
        stored = dict(Skill.objects.filter(slug__startswith="bench-").values_list("slug", "pk"))
        self.skill_ids = {slug: stored[f"bench-{slug}"] for slug in self.skill_slugs}
        self.taken_keys = set(Organisation.objects.values_list("name_key", flat=True))
        self.taken_slugs = set(Organisation.objects.values_list("slug", flat=True))

    # --- drawing ------------------------------------------------------------------------------

    def skill(self, excluding=()) -> str:
        while True:
            slug = self.rng.choices(self.skill_slugs, self.skill_weights)[0]
            if slug not in excluding:
                return slug

    def skills(self, excluding=()) -> list[str]:
        first = self.skill(excluding)
        if self.rng.random() < 0.3:
            return [first, self.skill({first, *excluding})]
        return [first]

    def capital(self, iso: str, language: str) -> str:
        g = self.governorates[iso]
        return g.capital.get(language) or g.capital.get("en") or g.names.get(language) or g.names["en"]

    def pathways_of(self, topic: int) -> list[str]:
        paths = list(self.topics[topic][4])
        if self.rng.random() < 0.45:
            paths.append(self.rng.choice(list(self.pathways)))
        return list(dict.fromkeys(paths))[:3]

    def topic_sharing(self, pathways: list[str], share: bool) -> int:
        """A topic whose pathways meet `pathways` (share) or do not (not share)."""
        candidates = [i for i, t in enumerate(self.topics) if bool(set(t[4]) & set(pathways)) == share]
        return self.rng.choice(candidates or range(len(self.topics)))

    def contribution_language(self, original: str) -> str:
        if original == "ckb":  # Kurdish organisations state needs in Arabic or English
            return "ar" if self.rng.random() < 0.7 else "en"
        return original

    def noise(self, international: bool | None = None) -> Spec:
        rng = self.rng
        if international is None:
            international = rng.random() < INTERNATIONAL_SHARE
        return self.international() if international else self.iraqi()

    def iraqi(self, role: str = "noise") -> Spec:
        rng = self.rng
        home = rng.choice(self.codes)
        kurdish = home in self.kurdistan
        original = ("ckb" if rng.random() < 0.8 else "ar") if kurdish else ("ar" if rng.random() < 0.95 else "ckb")
        languages = [original]
        if original == "ckb" and rng.random() < 0.7:
            languages.append("ar")
        if original == "ar" and (kurdish or rng.random() < 0.1):
            languages.append("ckb")
        if home == "IQ-DA" and rng.random() < 0.5:
            languages.append("kmr")
        if rng.random() < 0.35:
            languages.append("en")
        if rng.random() < 0.05:
            languages.append(rng.choice(["syr", "tk"]))
        topic = rng.randrange(len(self.topics))
        spec = Spec(
            role=role, iraqi=True, topic=topic, pathways=self.pathways_of(topic), languages=list(dict.fromkeys(languages))[:3],
            governorates=list(dict.fromkeys([home, *rng.sample(self.codes, rng.choice([0, 0, 1, 2]))])),
            original=original, home=home,
            translations=[lang for lang, p in (("en", 0.35), ("ar", 0.5 if original == "ckb" else 0.0)) if rng.random() < p],
        )
        language = self.contribution_language(original)
        if rng.random() < 0.55:
            spec.needs = [self.stated(spec, language) for _ in range(rng.choice([1, 1, 2]))]
        if rng.random() < 0.25:
            spec.offers = [self.stated(spec, language)]
        return spec

    def international(self, role: str = "noise") -> Spec:
        rng = self.rng
        city = rng.choices(self.abroad, self.abroad_weights)[0]
        country = city[0]
        original = "it" if country == "IT" and rng.random() < 0.6 else "en"
        languages = [original]
        if original != "en" and rng.random() < 0.9 or original == "en":
            languages.append("en")
        if (own := OWN_LANGUAGE.get(country)) and own != original:
            languages.append(own)
        if rng.random() < 0.3:
            languages.append("ar")
        topic = rng.randrange(len(self.topics))
        spec = Spec(
            role=role, iraqi=False, topic=topic, pathways=self.pathways_of(topic), languages=list(dict.fromkeys(languages))[:3],
            governorates=rng.sample(self.codes, rng.choice([1, 2])) if rng.random() < 0.4 else [],
            original=original, city=city,
            translations=[lang for lang, p in (("ar", 0.25), ("en", 0.6 if original == "it" else 0.0)) if rng.random() < p],
        )
        if rng.random() < 0.15:
            spec.needs = [self.stated(spec, original)]
        if rng.random() < 0.5:
            spec.offers = [self.stated(spec, original) for _ in range(rng.choice([1, 1, 1, 2]))]
        return spec

    def stated(self, spec: Spec, language: str, skills: list[str] | None = None, excluding=()) -> Stated:
        rng = self.rng
        pathways = [rng.choice(spec.pathways)] if rng.random() < 0.6 else []
        if spec.iraqi:
            governorates = [spec.home] if rng.random() < 0.5 else []
        else:
            governorates = [rng.choice(self.codes)] if rng.random() < 0.25 else []
        return Stated(skills=skills or self.skills(excluding), language=language, pathways=pathways, governorates=governorates)

    # --- the planted structure ------------------------------------------------------------------

    def query(self, index: int) -> tuple[Spec, str]:
        """A query Iraqi organisation, writing only in Arabic or Sorani, and the skill it needs."""
        rng = self.rng
        spec = self.iraqi(role="query")
        spec.query = index
        spec.translations = []
        needed = self.skill()
        language = "ar"  # its needs, like its description, in Arabic (Sorani ones state them in Arabic)
        first = [needed] + ([self.skill({needed})] if rng.random() < 0.3 else [])
        spec.needs = [self.stated(spec, language, first)]
        if rng.random() < 0.35:
            spec.needs.append(self.stated(spec, language, excluding={needed}))
        spec.offers = [self.stated(spec, language, [self.skill({needed})])] if rng.random() < 0.5 else []
        return spec, needed

    def planted(self, query: Spec, needed: str, index: int, number: int) -> Spec:
        """An international counterpart confronting the same issue: offers the needed skill,
        shares a pathway and a language, writes in English or Italian only."""
        rng = self.rng
        spec = self.international(role="planted")
        spec.query = index
        spec.topic = query.topic  # it confronts the same issue, described in its own language
        spec.pathways = self.pathways_of(spec.topic)
        if not set(spec.pathways) & set(query.pathways):
            spec.pathways = [*spec.pathways[:2], rng.choice(query.pathways)]
        self._share_language(spec, query)
        spec.translations = [lang for lang in spec.translations if lang in ("en", "it")]
        extra = [self.skill({needed})] if rng.random() < 0.3 else []
        spec.offers = [self.stated(spec, spec.original, [needed, *extra])]
        if rng.random() < 0.25:
            spec.offers.append(self.stated(spec, spec.original))
        query_offers = [s for offer in query.offers for s in offer.skills]
        if query_offers and number < 2:  # a few also need what the query offers
            spec.needs = [self.stated(spec, spec.original, [rng.choice(query_offers)])]
        elif spec.needs:
            spec.needs = [self.stated(spec, spec.original, excluding=set(query_offers))]
        return spec

    def _share_language(self, spec: Spec, query: Spec) -> None:
        if set(spec.languages) & set(query.languages):
            return
        shared = "ar" if "ar" in query.languages else query.languages[0]
        spec.languages = [*spec.languages[:2], shared]

    def distractor(self, role: str, query: Spec, needed: str, index: int) -> Spec:
        rng = self.rng
        query_needs = {s for need in query.needs for s in need.skills}
        query_offers = {s for offer in query.offers for s in offer.skills}
        if role == "iraqi-offering":
            spec = self.iraqi(role=role)
            spec.offers = [self.stated(spec, self.contribution_language(spec.original), [needed])]
            spec.query = index
            return spec
        spec = self.international(role=role)
        spec.query = index
        if role == "language-only":
            spec.topic = self.topic_sharing(query.pathways, share=False)
            spec.pathways = [p for p in self.pathways_of(spec.topic) if p not in query.pathways] or [
                rng.choice([p for p in self.pathways if p not in query.pathways])
            ]
            self._share_language(spec, query)
        else:
            spec.topic = self.topic_sharing(query.pathways, share=True)
            spec.pathways = self.pathways_of(spec.topic)
            if not set(spec.pathways) & set(query.pathways):
                spec.pathways = [*spec.pathways[:2], rng.choice(query.pathways)]
            if role == "pathway-only":
                others = [code for code in ("it", "fr", "de", "es", "en") if code not in query.languages]
                spec.original = "it" if "en" in query.languages else rng.choice(["en", "it"])
                spec.languages = list(dict.fromkeys([spec.original, *rng.sample(others, 1)]))
                spec.languages = [code for code in spec.languages if code not in query.languages]
                spec.translations = [lang for lang in spec.translations if lang not in ("ar",)]
            else:
                self._share_language(spec, query)
        spec.offers = [self.stated(spec, spec.original, excluding=query_needs) for _ in range(rng.choice([1, 2]))]
        spec.needs = [self.stated(spec, spec.original, excluding=query_offers)] if rng.random() < 0.15 else []
        return spec

    # --- the rows -----------------------------------------------------------------------------

    def texts(self, spec: Spec, language: str, year: int) -> str:
        """A description composed from word pools: words of its topic in `language`, two
        generic sentences, where it is based (and, abroad, where its partners are)."""
        rng = self.rng
        topic = self.topics[spec.topic]
        what = {"ar": topic[5], "ckb": topic[6], "en": topic[7], "it": IT_WHAT[spec.topic]}[language]
        name = {"ar": topic[0], "ckb": topic[1], "en": topic[2], "it": topic[3]}[language]
        words = [w for w in what.split() if rng.random() < 0.7]
        if spec.iraqi:
            city = self.capital(spec.home, language if language in ("ar", "ckb", "en") else "en")
        else:
            city = {"en": spec.city[1], "ar": spec.city[2], "it": spec.city[3]}.get(language, spec.city[1])
        sentences = [f"{name}: {' '.join(words)}", *rng.sample(GENERIC[language], 2), BASED[language].format(city=city, year=year)]
        if not spec.iraqi and language in WITH_PARTNERS:
            places = [self.capital(code, "ar" if language == "ar" else "en") for code in rng.sample(self.codes, 2)]
            sentences[-1] += " " + WITH_PARTNERS[language].format(places=AND[language].join(places))
        return ". ".join(sentences) + "."

    def names(self, spec: Spec, kind: str) -> dict[str, str]:
        from bench.generate import PREFIXES

        p_ar, p_ckb, p_en, p_it = self.rng.choice(PREFIXES[kind])
        t_ar, t_ckb, t_en, t_it = self.topics[spec.topic][:4]
        if spec.iraqi:
            c_ar, c_ckb, c_en = (self.capital(spec.home, code) for code in ("ar", "ckb", "en"))
            return {"ar": f"{p_ar} {c_ar} {t_ar}", "ckb": f"{p_ckb} {c_ckb} {t_ckb}", "en": f"{c_en} {p_en} {t_en}"}
        _country, city_en, city_ar, city_it = spec.city
        return {"en": f"{city_en} {p_en} {t_en}", "ar": f"{p_ar} {city_ar} {t_ar}", "it": f"{p_it} di {city_it} {t_it}"}

    def contribution_texts(self, spec: Spec, stated: Stated, side: str) -> tuple[str, str]:
        language = stated.language
        names = [self.skill_names[s][language].lower() if language != "ar" else self.skill_names[s]["ar"] for s in stated.skills]
        title = (NEED_TITLE if side == "need" else OFFER_TITLE)[language].format(skills=AND[language].join(names))
        topic = self.topics[spec.topic]
        topic_name = {"ar": topic[0], "en": topic[2], "it": topic[3]}[language]
        if spec.iraqi:
            city = self.capital(spec.home, language if language != "it" else "en")
        else:
            city = {"en": spec.city[1], "ar": spec.city[2], "it": spec.city[3]}[language]
        text = (NEED_TEXT if side == "need" else OFFER_TEXT)[language].format(topic=topic_name, city=city)
        return title[:200], text


def insert(world: World, specs: list[Spec], batch_size: int = 1000) -> list[int]:
    """Create the organisations of `specs` (approved), their needs and offers, with
    `bulk_create`; returns their ids, in the order of `specs`."""
    from django.db import transaction
    from django.utils import timezone
    from django.utils.text import slugify

    from bench.generate import KIND_WEIGHTS
    from tadamun.core.text import normalise
    from tadamun.network.models import Organisation
    from tadamun.solidarity.models import Need, Offer

    rng = world.rng
    iraqi_kinds = [(k, w) for k, w in KIND_WEIGHTS.items() if k != "international"]
    now = timezone.now()
    ids: list[int] = []
    with transaction.atomic():
        for start in range(0, len(specs), batch_size):
            chunk = specs[start:start + batch_size]
            organisations = []
            for spec in chunk:
                kind = rng.choices(*zip(*iraqi_kinds, strict=True))[0] if spec.iraqi else "international"
                names = world.names(spec, kind)
                original_name = names.get(spec.original) or names["en"]
                name, n = original_name, 1
                while normalise(name) in world.taken_keys:
                    n += 1
                    name = f"{original_name} {n}"
                world.taken_keys.add(normalise(name))
                base = slugify(names["en"] + (f" {n}" if n > 1 else ""))[:64].strip("-") or "organisation"
                slug, m = base, 1
                while slug in world.taken_slugs:
                    m += 1
                    slug = f"{base}-{m}"
                world.taken_slugs.add(slug)
                year = rng.randint(1995, 2025)
                description = world.texts(spec, spec.original, year)
                descriptions = {lang: world.texts(spec, lang, year) for lang in spec.translations if lang != spec.original}
                organisations.append(Organisation(
                    slug=slug, name=name, name_key=normalise(name),
                    names={lang: text for lang, text in names.items() if lang != spec.original},
                    original_language=spec.original, description=description, descriptions=descriptions, kind=kind,
                    country="IQ" if spec.iraqi else spec.city[0], year_founded=year,
                    search_text=normalise(" ".join([name, description, *descriptions.values()])),
                    status=Organisation.Status.APPROVED, reviewed_at=now,
                ))
            created = Organisation.objects.bulk_create(organisations)
            through = {
                "g": Organisation.governorates.through, "p": Organisation.pathways.through, "l": Organisation.languages.through,
            }
            rows: dict[str, list] = {"g": [], "p": [], "l": []}
            contributions: dict[str, list] = {"need": [], "offer": []}
            for organisation, spec in zip(created, chunk, strict=True):
                ids.append(organisation.pk)
                rows["g"] += [through["g"](organisation_id=organisation.pk, governorate_id=world.governorates[c].pk) for c in spec.governorates]
                rows["p"] += [through["p"](organisation_id=organisation.pk, pathway_id=world.pathways[s]) for s in spec.pathways]
                rows["l"] += [through["l"](organisation_id=organisation.pk, workinglanguage_id=world.languages[c]) for c in spec.languages]
                for side, stated_list in (("need", spec.needs), ("offer", spec.offers)):
                    for stated in stated_list:
                        title, text = world.contribution_texts(spec, stated, side)
                        contributions[side].append((organisation.pk, stated, title, text))
            for key, found in rows.items():
                through[key].objects.bulk_create(found, batch_size=batch_size)
            for side, model in (("need", Need), ("offer", Offer)):
                made = model.objects.bulk_create([
                    model(organisation_id=pk, original_language=stated.language, title=title, description=text,
                          search_text=normalise(f"{title} {text}"))
                    for pk, stated, title, text in contributions[side]
                ], batch_size=batch_size)
                link = model.SIDE
                model.skills.through.objects.bulk_create([
                    model.skills.through(**{f"{link}_id": row.pk, "skill_id": world.skill_ids[s]})
                    for row, (_pk, stated, _t, _x) in zip(made, contributions[side], strict=True) for s in dict.fromkeys(stated.skills)
                ], batch_size=batch_size)
                model.pathways.through.objects.bulk_create([
                    model.pathways.through(**{f"{link}_id": row.pk, "pathway_id": world.pathways[s]})
                    for row, (_pk, stated, _t, _x) in zip(made, contributions[side], strict=True) for s in stated.pathways
                ], batch_size=batch_size)
                model.governorates.through.objects.bulk_create([
                    model.governorates.through(**{f"{link}_id": row.pk, "governorate_id": world.governorates[c].pk})
                    for row, (_pk, stated, _t, _x) in zip(made, contributions[side], strict=True) for c in stated.governorates
                ], batch_size=batch_size)
    return ids


def plan_network(world: World, size: int, queries: int = QUERIES, planted: int = PLANTED) -> list[Spec]:
    """`size` organisations holding `queries` query organisations, their planted counterparts
    and distractors, the rest random; in a random order (ties are broken by id)."""
    specs: list[Spec] = []
    for index in range(queries):
        query, skill = world.query(index)
        specs.append(query)
        specs += [world.planted(query, skill, index, number) for number in range(planted)]
        for role, count in DISTRACTORS.items():
            specs += [world.distractor(role, query, skill, index) for _ in range(count)]
    while len(specs) < size:
        specs.append(world.noise())
    world.rng.shuffle(specs)
    return specs


def network_of(specs: list[Spec], ids: list[int], queries: int = QUERIES) -> dict:
    """The planted structure of the inserted `specs` (their `ids`)."""
    query_ids = [0] * queries
    planted_ids: list[set[int]] = [set() for _ in range(queries)]
    roles: dict[int, str] = {}
    made_for: dict[int, int] = {}
    topics: dict[int, int] = {}
    for pk, spec in zip(ids, specs, strict=True):
        topics[pk] = spec.topic
        if spec.role == "query":
            query_ids[spec.query] = pk
        elif spec.role == "planted":
            planted_ids[spec.query].add(pk)
        if spec.query is not None and spec.role != "query":
            roles[pk], made_for[pk] = spec.role, spec.query
    return {
        "organisations": len(ids), "queries": query_ids, "planted": planted_ids, "roles": roles, "made_for": made_for,
        "topics": topics,
        "international": sum(not s.iraqi for s in specs),
        "needs": sum(len(s.needs) for s in specs), "offers": sum(len(s.offers) for s in specs),
    }


def grow(world: World, count: int, batch: int = 1000, topics: dict[int, int] | None = None) -> dict:
    """`count` more random organisations (their topics noted in `topics`, for the judgements)."""
    started = time.perf_counter()
    made = 0
    while made < count:
        chunk = min(batch, count - made)
        specs = [world.noise() for _ in range(chunk)]
        ids = insert(world, specs)
        if topics is not None:
            topics.update((pk, spec.topic) for pk, spec in zip(ids, specs, strict=True))
        made += chunk
    return {"organisations": made, "seconds": round(time.perf_counter() - started, 2)}


# --- Measuring ------------------------------------------------------------------------------------


def _components(reasons: dict) -> dict[str, float]:
    """A suggestion's score split by signal (as `Index.scores` adds them up)."""
    from tadamun.solidarity import matching

    return matching.points(reasons)


def quality(network: dict, label: str) -> dict:
    """precision@5 and recall@10 of the stored suggestions of the query organisations, what
    took the planted places, and the look-alikes of each query."""
    from tadamun.network.models import Organisation
    from tadamun.pathways.models import Pathway
    from tadamun.solidarity.models import Profile, Skill, Suggestion

    profiles = {
        pk: (features, iraqi, kurdistan)
        for pk, features, iraqi, kurdistan in Profile.objects.values_list("organisation_id", "features", "iraqi", "kurdistan")
    }
    precision, recall, lenient, found_20, complete, equivalents_n = [], [], [], [], [], []
    lookalikes_n, rows = [], []
    intruders: dict[str, int] = {}
    signals: dict[str, list[dict]] = {"planted": [], "intruders": []}
    for index, query in enumerate(network["queries"]):
        planted = network["planted"][index]
        mine, _iraqi, _kurdistan = profiles[query]
        needs, paths, langs = set(mine.get("n", [])), set(mine.get("p", [])), set(mine.get("l", []))

        alike = {
            pk for pk, (theirs, iraqi, _k) in profiles.items()
            if pk not in planted and pk != query and not iraqi and needs & set(theirs.get("o", []))
            and paths & set(theirs.get("p", [])) and langs & set(theirs.get("l", []))
        }
        listed = list(
            Suggestion.objects.filter(organisation_id=query).order_by("-score", "counterpart_id")
            .values_list("counterpart_id", "score", "reasons")
        )
        ranked = [pk for pk, _score, _reasons in listed]
        top5, top10 = ranked[:5], ranked[:10]
        p5 = len(planted & set(top5)) / 5
        r10 = len(planted & set(top10)) / len(planted)
        precision.append(p5)
        recall.append(r10)
        lenient.append(len((planted | alike) & set(top5)) / 5)
        # Look-alikes on the query's own issue are counterparts exactly as the planted ones are.
        equivalents = {pk for pk in alike if network["topics"].get(pk) == network["topics"].get(query)}
        complete.append(len((planted | equivalents) & set(top5)) / 5)
        equivalents_n.append(len(equivalents))
        found_20.append(len(planted & set(ranked)))
        lookalikes_n.append(len(alike))
        top = []
        for position, (pk, score, reasons) in enumerate(listed[:10], start=1):
            parts = _components(reasons)
            category = _kind(pk, index, mine, planted, network, profiles)
            if position <= 5:
                if category == "planted":
                    signals["planted"].append(parts)
                else:
                    intruders[category] = intruders.get(category, 0) + 1
                    signals["intruders"].append(parts)
            top.append({"rank": position, "id": pk, "score": round(score, 3), "kind": category,
                        "parts": {k: round(v, 2) for k, v in parts.items()}})
        for pk, _score, reasons in listed[5:]:  # planted ones further down: their signals too
            if pk in planted:
                signals["planted"].append(_components(reasons))
        rows.append({
            "query": query, "p5": p5, "r10": r10, "top": top, "lookalikes": len(alike),
            # ranks of its planted counterparts in its list of 20 (0: not in it), best first
            "planted_ranks": sorted((ranked.index(pk) + 1 if pk in ranked else 0 for pk in planted), key=lambda x: (x == 0, x)),
        })
    worst = min(rows, key=lambda r: (r["p5"], r["r10"], -r["query"]))
    organisation = Organisation.objects.get(pk=worst["query"])
    mine = profiles[worst["query"]][0]
    skill_names = {pk: names.get("en", "") for pk, names in Skill.objects.values_list("pk", "names")}
    pathway_slugs = dict(Pathway.objects.values_list("pk", "slug"))
    worst = {
        **worst, "name": organisation.name, "slug": organisation.slug,
        "needs": [skill_names.get(pk, str(pk)) for pk in sorted(mine.get("n", []))],
        "offers": [skill_names.get(pk, str(pk)) for pk in sorted(mine.get("o", []))],
        "pathways": [pathway_slugs.get(pk, str(pk)) for pk in sorted(mine.get("p", []))], "languages": mine.get("l", []),
    }
    mean = lambda values: round(statistics.fmean(values), 3)  # noqa: E731

    def signal_means(found: list[dict]) -> dict[str, float]:
        return {key: round(statistics.fmean(p[key] for p in found), 2) for key in found[0]} if found else {}

    return {
        "label": label,
        "precision_at_5": mean(precision), "recall_at_10": mean(recall), "lenient_precision_at_5": mean(lenient),
        "complete_precision_at_5": mean(complete), "equivalents_mean": mean(equivalents_n),
        "planted_in_top_20": mean(found_20), "queries_at_target": sum(p >= TARGET_PRECISION for p in precision),
        "lookalikes_mean": mean(lookalikes_n), "lookalikes_max": max(lookalikes_n),
        "intruders_in_top_5": dict(sorted(intruders.items(), key=lambda item: -item[1])),
        "signals_planted": signal_means(signals["planted"]), "signals_intruders": signal_means(signals["intruders"]),
        "worst": worst,
        "per_query": [{"query": r["query"], "p5": r["p5"], "r10": r["r10"], "lookalikes": r["lookalikes"],
                       "planted_ranks": r["planted_ranks"]} for r in rows],
    }


def _kind(pk: int, index: int, mine: dict, planted: set[int], network: dict, profiles: dict) -> str:
    """What a suggested counterpart of query `index` is (see ROLE_WORDS)."""
    if pk in planted:
        return "planted"
    role = network["roles"].get(pk)
    if role in DISTRACTORS and network["made_for"].get(pk) == index:
        return role
    theirs, iraqi, _kurdistan = profiles[pk]
    offering = bool(set(mine.get("n", [])) & set(theirs.get("o", [])))
    shares = set(mine.get("p", [])) & set(theirs.get("p", [])) and set(mine.get("l", [])) & set(theirs.get("l", []))
    if offering and not iraqi and shares:
        return "look-alike"
    if offering and iraqi:
        return "iraqi-noise-offering"
    if set(mine.get("o", [])) & set(theirs.get("n", [])):
        return "reverse"
    return "other"


def lists_over(keep: int) -> tuple[int, int]:
    """(lists holding more than `keep` suggestions, the longest)."""
    from django.db.models import Count

    from tadamun.solidarity.models import Suggestion

    sizes = list(Suggestion.objects.values("organisation_id").annotate(n=Count("id")).values_list("n", flat=True))
    return sum(n > keep for n in sizes), max(sizes, default=0)


def change_profiles(world: World, ids: list[int], count: int, log) -> dict:
    """`count` profile changes, each followed by `matching.update_for` as the task worker runs it:
    an offer of random skills added to a random organisation, or (one in five) a need marked met."""
    from tadamun.solidarity import matching
    from tadamun.solidarity.models import Need, Offer

    rng = world.rng
    times, changed, kinds = [], [], {"offer added": 0, "need met": 0}
    for i in range(count):
        pk = rng.choice(ids)
        need = Need.objects.filter(organisation_id=pk, is_active=True).first() if i % 5 == 4 else None
        if need is not None:
            need.is_active = False
            need.save(update_fields=["is_active", "updated_at"])
            kinds["need met"] += 1
        else:
            add_offer(world, pk, Offer)
            kinds["offer added"] += 1
        start = time.perf_counter()
        changed.append(matching.update_for(pk))
        times.append((time.perf_counter() - start) * 1000)
    log(f"{count} profile changes ({kinds['offer added']} offers added, {kinds['need met']} needs met), "
        f"update_for p50 {statistics.median(times):.0f} ms")
    return {"n": count, **kinds, "ms": times, "lists_changed_median": statistics.median(changed)}


def add_offer(world: World, organisation_id: int, model) -> None:
    from tadamun.core.text import normalise

    skills = world.skills()
    title = "We offer " + " and ".join(world.skill_names[s]["en"].lower() for s in skills)
    offer = model.objects.create(
        organisation_id=organisation_id, original_language="en", title=title,
        description="Available to partner organisations.", search_text=normalise(title),
    )
    offer.skills.set([world.skill_ids[s] for s in skills])


def page_measure(organisation, person, n: int, log, size: int) -> dict:
    """The organisation's suggestions page (`solidarity:desk`) signed in as its administrator,
    or, while that page does not exist or fails, `queries.suggestions_for(limit=10)`."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    from bench.run import signed_in_client, summary_ms, time_page_within
    from tadamun.solidarity import queries

    url, note = None, ""
    try:
        with translation.override("en"):
            url = reverse("solidarity:desk", kwargs={"slug": organisation.slug})
    except NoReverseMatch:
        note = "no URL named solidarity:desk"
    if url:
        client = signed_in_client(person)
        try:
            first = client.get(url)
            status = first.status_code
        except Exception as exc:  # noqa: BLE001 (a page being written by someone else: measure the query instead)
            status, note = None, f"{url} raised {type(exc).__name__}: {str(exc)[:200]}"
        if status == 200:
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            statements = len(captured.captured_queries)  # before the next request empties the log
            listed = response.content.count(b"/introduce/")
            timing = time_page_within(url, n, client)
            log(f"suggestions page at {size:,}: p50 {timing['p50']:.1f} ms, p95 {timing['p95']:.1f} ms, "
                f"{statements} queries, {listed} suggestions listed")
            return {"what": "page", "url": url, "queries": statements, "listed": listed,
                    "bytes": len(response.content), **timing}
        if status is not None:
            note = f"{url} answered {status}"
    with CaptureQueriesContext(connection) as captured:
        found = queries.suggestions_for(organisation, limit=10)
    times = []
    for i in range(n + 10):
        start = time.perf_counter()
        queries.suggestions_for(organisation, limit=10)
        if i >= 10:
            times.append((time.perf_counter() - start) * 1000)
    timing = summary_ms(times)
    log(f"suggestions_for at {size:,} ({note}): p50 {timing['p50']:.1f} ms, p95 {timing['p95']:.1f} ms, "
        f"{len(captured.captured_queries)} queries")
    return {"what": "suggestions_for", "note": note, "queries": len(captured.captured_queries), "listed": len(found), **timing}


def rss_mb() -> float:
    from pathlib import Path

    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def index_bytes(found) -> int:
    """The bytes of the index's arrays (its matrices, rows, flags and weights)."""
    total = found.iraqi.nbytes + found.kurdistan.nbytes + found.threshold.nbytes
    for family in found.families.values():
        matrix = family.matrix()
        total += matrix.data.nbytes + matrix.indices.nbytes + matrix.indptr.nbytes
        total += sum(row.nbytes for row in family.rows)
    for key in ("t", "c"):
        idf2, norms = found.idf(key)
        total += idf2.nbytes + norms.nbytes
    return total


def benchmark_solidarity(args, log, *, alone: bool) -> dict:
    """Part 9: the quality of the suggestions on planted pairs among 2,000 organisations, then
    their speed among `args.matching`."""
    import resource

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bench.run import load_average, max_rss_mb, summary_ms
    from tadamun.accounts.models import User
    from tadamun.network.models import Membership, Organisation
    from tadamun.solidarity import matching
    from tadamun.solidarity.models import Offer, Profile, Suggestion

    started = time.perf_counter()
    load_before = load_average()
    # After the other parts, their organisations are set aside (pending) so that the network
    # measured is the one generated here; they are approved again at the end.
    set_aside = list(Organisation.objects.filter(status=Organisation.Status.APPROVED).values_list("pk", flat=True))
    for start in range(0, len(set_aside), 5000):
        Organisation.objects.filter(pk__in=set_aside[start:start + 5000]).update(status=Organisation.Status.PENDING)
    if set_aside:
        log(f"set aside the {len(set_aside):,} organisations of the other parts")
    try:
        world = World(seed=2026)
        large = max(args.matching, QUALITY_SIZE)

        # 1. The planted network of 2,000, planned at once (in a random order); its first 1,000
        # inserted: the suggestions page the first time.
        specs = plan_network(world, QUALITY_SIZE)
        start = time.perf_counter()
        first_ids = insert(world, specs[:PAGE_SMALL])
        first = {"seconds": time.perf_counter() - start}
        rebuild_small = _timed(matching.rebuild_all)
        log(f"generated {PAGE_SMALL:,} organisations in {first['seconds']:.1f} s; rebuild_all {rebuild_small:.1f} s")
        page_org = (
            Organisation.objects.filter(pk__in=first_ids, country="IQ", needs__isnull=False, suggestions__isnull=False)
            .distinct().order_by("pk").first()
        )
        run = f"{int(time.time()):x}"
        person = User.objects.create_user(email=f"bench-solidarity-{run}@example.org")
        Membership.objects.create(organisation=page_org, person=person, role=Membership.Role.ADMIN)
        page_small = page_measure(page_org, person, args.requests, log, PAGE_SMALL)

        # 2. The rest of the planted network: quality after a rebuild, after incremental updates.
        start = time.perf_counter()
        rest_ids = insert(world, specs[PAGE_SMALL:])
        network = {**network_of(specs, first_ids + rest_ids), "seconds": time.perf_counter() - start}
        all_ids = list(Organisation.objects.filter(status=Organisation.Status.APPROVED).values_list("pk", flat=True))
        rebuild_quality = _timed(matching.rebuild_all)
        log(f"generated the rest of the planted network ({len(rest_ids):,} more) in {network['seconds']:.1f} s; "
            f"rebuild_all at {len(all_ids):,}: {rebuild_quality:.1f} s")
        measured = [quality(network, f"{len(all_ids):,} organisations, after `rebuild_all`")]
        _log_quality(log, measured[-1])
        changes = change_profiles(world, all_ids, CHANGES, log)
        over, longest = lists_over(matching.KEEP)
        after_changes = {pk: list(Suggestion.objects.filter(organisation_id=pk).order_by("-score", "counterpart_id")
                                  .values_list("counterpart_id", flat=True)[:5]) for pk in network["queries"]}
        measured.append(quality(network, f"{len(all_ids):,}, after {CHANGES} changes and `update_for` each"))
        _log_quality(log, measured[-1])
        rebuild_again = _timed(matching.rebuild_all)
        same_top5 = sum(
            after_changes[pk] == list(Suggestion.objects.filter(organisation_id=pk).order_by("-score", "counterpart_id")
                                      .values_list("counterpart_id", flat=True)[:5])
            for pk in network["queries"]
        )
        measured.append(quality(network, f"{len(all_ids):,}, rebuilt again after the changes"))
        _log_quality(log, measured[-1])
        log(f"lists over {matching.KEEP} after the changes: {over} (longest {longest}); top 5 of the queries the same "
            f"as after a rebuild: {same_top5}/{len(network['queries'])}")

        # 3. Grow to `large`: profiles, a rebuild, then the incremental update and the page timed.
        grown = grow(world, large - len(all_ids), topics=network["topics"])
        all_ids = list(Organisation.objects.filter(status=Organisation.Status.APPROVED).values_list("pk", flat=True))
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        log(f"grew to {len(all_ids):,} organisations in {grown['seconds']:.1f} s")
        matching.forget_index()
        save_seconds = _timed(matching.save_all_profiles)
        rss_before_index = rss_mb()
        rebuild_seconds = _timed(matching.rebuild_all)
        found = matching.index()
        memory = {
            "peak_rss_mb": round(max_rss_mb(), 1),
            "ru_maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "rss_before_mb": round(rss_before_index, 1), "rss_after_mb": round(rss_mb(), 1),
            "index_mb": round(index_bytes(found) / 1e6, 1),
        }
        log(f"save_all_profiles {save_seconds:.1f} s, rebuild_all {rebuild_seconds:.1f} s at {len(all_ids):,}; "
            f"peak RSS {memory['peak_rss_mb']:.0f} MB (index arrays {memory['index_mb']} MB)")
        measured.append(quality(network, f"{len(all_ids):,} organisations ({len(all_ids) - QUALITY_SIZE:,} more random ones), rebuilt"))
        _log_quality(log, measured[-1])

        rng = world.rng
        n = args.requests
        scores_ms = []
        for i in range(n + 10):
            pk = rng.choice(all_ids)
            start = time.perf_counter()
            found.scores(pk)
            if i >= 10:
                scores_ms.append((time.perf_counter() - start) * 1000)
        scores = summary_ms(scores_ms)
        log(f"Index.scores p50 {scores['p50']:.1f} ms, p95 {scores['p95']:.1f} ms")

        warm_ms, warm_changed, statements = [], [], []
        for i in range(n + 30):
            pk = rng.choice(all_ids)
            add_offer(world, pk, Offer)  # the change the worker reacts to (not timed)
            if i < 10:
                matching.update_for(pk)
                continue
            if i < 30:  # the SQL statements of a few calls (not timed)
                with CaptureQueriesContext(connection) as captured:
                    warm_changed.append(matching.update_for(pk))
                statements.append(len(captured.captured_queries))
                continue
            start = time.perf_counter()
            warm_changed.append(matching.update_for(pk))
            warm_ms.append((time.perf_counter() - start) * 1000)
        warm = {**summary_ms(warm_ms), "statements_median": statistics.median(statements), "statements_max": max(statements),
                "lists_changed_median": statistics.median(warm_changed), "lists_changed_max": max(warm_changed)}
        log(f"update_for, warm index: p50 {warm['p50']:.0f} ms, p95 {warm['p95']:.0f} ms "
            f"({warm['statements_median']} SQL statements, {warm['lists_changed_median']} other lists changed, medians)")

        cold_ms = []
        for _ in range(COLD):
            pk = rng.choice(all_ids)
            add_offer(world, pk, Offer)
            matching.forget_index()
            start = time.perf_counter()
            matching.update_for(pk)
            cold_ms.append((time.perf_counter() - start) * 1000)
        cold = summary_ms(cold_ms)
        log(f"update_for, cold index: p50 {cold['p50']:.0f} ms, p95 {cold['p95']:.0f} ms")
        memory["peak_rss_end_mb"] = round(max_rss_mb(), 1)
        over_large, longest_large = lists_over(matching.KEEP)
        page_large = page_measure(page_org, person, n, log, len(all_ids))
        return {
            "alone": alone, "set_aside": len(set_aside), "queries": QUERIES, "planted": PLANTED,
            "distractors": DISTRACTORS, "quality_size": QUALITY_SIZE, "small": PAGE_SMALL, "large": len(all_ids),
            "skills": len(SKILLS), "generated": {
                "international": network["international"], "needs": network["needs"], "offers": network["offers"],
                "seconds": round(first["seconds"] + network["seconds"] + grown["seconds"], 1),
                "profiles": Profile.objects.count(), "suggestions": Suggestion.objects.count(),
            },
            "quality": measured,
            "changes": {k: v for k, v in changes.items() if k != "ms"} | {"update_for": summary_ms(changes["ms"])},
            "lists_over_keep": over, "longest_list": longest, "lists_over_keep_large": over_large,
            "longest_list_large": longest_large, "same_top5_after_rebuild": same_top5,
            "rebuild_seconds": {"small": round(rebuild_small, 1), "quality": round(rebuild_quality, 1),
                                "again": round(rebuild_again, 1), "large": round(rebuild_seconds, 1)},
            "save_all_profiles_seconds": round(save_seconds, 1),
            "scores": scores, "update_warm": warm, "update_cold": cold, "memory": memory,
            "page_small": page_small, "page_large": page_large, "page_organisation": page_org.slug,
            "load_before": load_before, "load_after": load_average(), "seconds": round(time.perf_counter() - started, 1),
        }
    finally:
        for start in range(0, len(set_aside), 5000):
            Organisation.objects.filter(pk__in=set_aside[start:start + 5000]).update(status=Organisation.Status.APPROVED)


def _timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def _log_quality(log, q: dict) -> None:
    worst = q["worst"]
    log(f"{q['label']}: precision@5 {q['complete_precision_at_5']:.2f} (planted only {q['precision_at_5']:.2f}), recall@10 {q['recall_at_10']:.2f} "
        f"(lenient precision@5 {q['lenient_precision_at_5']:.2f}; {q['lookalikes_mean']:.1f} look-alikes per query); "
        f"worst query {worst['query']}: p@5 {worst['p5']:.1f}, r@10 {worst['r10']:.1f}, planted ranks {worst['planted_ranks']}; "
        f"in the top 5 instead: {q['intruders_in_top_5']}")


# --- The report (bench/RESULTS.md) -----------------------------------------------------------------

MARKER = ": Solidarity: matching"


def _yes(flag: bool) -> str:
    return "yes" if flag else "**NO**"


def _page_row(label: str, p: dict) -> str:
    what = f"page `{p['url']}`" if p["what"] == "page" else f"`queries.suggestions_for(limit=10)` ({p['note']})"
    return f"| {label}: {what} | {p['n']} | {p['p50']:.1f} | {p['p95']:.1f} | {p['max']:.1f} | {p['queries']} SQL queries |"


def section(name: str, r: dict) -> list[str]:
    s = r["solidarity"]
    first, g = s["quality"][0], s["generated"]
    where = (
        "On a fresh database holding only this part (`bench/run.py --only solidarity`)" if s["alone"] else
        f"After the other parts (same database; their {s['set_aside']:,} organisations set aside, pending, while this part "
        "runs, then approved again)"
    )
    d = s["distractors"]
    distractors = (
        f"{d['pathway-only']} international organisation{'s' if d['pathway-only'] > 1 else ''} sharing only a pathway "
        "(no language in common), "
        f"{d['language-only']} sharing only a language (no pathway), {d['other-skill']} sharing a pathway and a language "
        f"but offering other skills, and {d['iraqi-offering']} Iraqi organisations offering the skill it needs"
    )
    lines = [
        f"## {name} {r['database_version']}{MARKER}, {s['queries']} planted queries among {s['quality_size']:,} "
        f"organisations, speed at {s['large']:,}",
        "",
        f"{where}, in {s['seconds']:.0f} s (load average {s['load_before']:.1f} before, {s['load_after']:.1f} after). "
        f"`bench/solidarity.py` builds a network of {s['quality_size']:,} approved organisations ({g['international']:,} of them "
        f"international; {g['needs']:,} needs, {g['offers']:,} offers), Iraqi ones in Arabic or Sorani with 1–3 governorates, "
        "international ones in English or Italian; 1–3 pathways and 1–3 working languages each; descriptions composed "
        "from word pools (words of their topic, generic sentences, where they are based; some translated); needs and "
        "offers at realistic rates (55% of the Iraqi ones state 1–2 needs and 25% an offer, 50% of the international "
        f"ones 1–2 offers and 15% a need) with 1–2 of {s['skills']} skills each, drawn by popularity. In it, {s['queries']} query Iraqi organisations writing only in Arabic or Sorani, each "
        f"needing a skill, with {s['planted']} planted international counterparts that offer it (two also need what the "
        "query offers, when it offers something), share a pathway and a working language with it and write only in "
        f"English or Italian; and distractors for each: {distractors}. All inserted in a random order (ties, broken by "
        "id, favour no one). **precision@5**: of a query's five first suggestions (`order_by(\"-score\", "
        "\"counterpart_id\")`), the share that are its planted counterparts; **recall@10**: of its five planted "
        "counterparts, the share in its first ten; both averaged over the queries. Random organisations that happen to "
        "look like planted ones (international, offering a skill the query needs, sharing a pathway and a language) are "
        "*look-alikes*: lenient precision@5 counts them as right. Those of them that also confront the query's own "
        "issue (their topic is the query's) are *equivalents*: counterparts by every property the planted ones were "
        "made with, so the judgements are complete only with them; **precision@5, complete** counts planted and "
        "equivalents as right, and is the one held to the 0.8 target.",
        "",
        "| Network | precision@5, complete | precision@5, planted only | recall@10 | lenient precision@5 "
        "| queries at ≥ 0.8 | planted in the 20 kept (of 5) | look-alikes (equivalents) per query "
        "| worst query: p@5, r@10, planted ranks | precision@5 ≥ 0.8 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|:-:|",
    ]
    for q in s["quality"]:
        w = q["worst"]
        ranks = ", ".join(str(x) if x else "–" for x in w["planted_ranks"])
        lines.append(
            f"| {q['label']} | {q['complete_precision_at_5']:.2f} | {q['precision_at_5']:.2f} | {q['recall_at_10']:.2f} "
            f"| {q['lenient_precision_at_5']:.2f} | {q['queries_at_target']}/{s['queries']} | {q['planted_in_top_20']:.1f} "
            f"| {q['lookalikes_mean']:.1f} ({q['equivalents_mean']:.1f}) | {w['p5']:.1f}, {w['r10']:.1f} ({ranks}) "
            f"| {_yes(q['complete_precision_at_5'] >= TARGET_PRECISION)} |"
        )
    lines.append("")
    intruders = first["intruders_in_top_5"]
    total = sum(intruders.values())
    if total:
        lines += [
            f"What took the planted places in the top 5 ({first['label']}): "
            + "; ".join(f"{n} × {ROLE_WORDS[kind]}" for kind, n in intruders.items())
            + f" ({total} of {s['queries'] * 5} places). Their mean score by signal against the planted counterparts' "
            "(as `Index.scores` adds them up):",
            "",
            "| Signal | planted counterparts (top 20) | the others in the top 5 |",
            "|---|---:|---:|",
        ]
        planted, others = first["signals_planted"], first["signals_intruders"]
        for key in planted:
            lines.append(f"| {key} | {planted[key]:.2f} | {others.get(key, 0):.2f} |")
        lines.append(f"| **total** | **{sum(planted.values()):.2f}** | **{sum(others.values()):.2f}** |")
        lines.append("")
        lines += [
            f"The planted counterparts score on text ({planted['text']:.2f}) only through the concepts their texts name "
            "(issues, places, skills), since they write in another language than the query; the others in the top 5 "
            f"({others.get('text', 0):.2f}) mostly share the query's issue too, or its language. The look-alikes are the "
            "planted counterparts' equals on every other signal (ties broken by id): what remains to tell them apart is "
            "how close their issue is to the query's, which the concepts only catch at the level of the issue, not of the "
            "topic within it.",
            "",
        ]
    w = first["worst"]
    top = "; ".join(f"{t['rank']}. {t['kind']} {t['score']:.2f}" for t in w["top"][:5])
    lines += [
        f"Worst query ({first['label']}): “{w['name']}” (`{w['slug']}`), needing {', '.join(w['needs']) or 'nothing'}, "
        f"offering {', '.join(w['offers']) or 'nothing'}, pathways {', '.join(w['pathways'])}, languages "
        f"{', '.join(w['languages'])}; its top 5: {top}; {w['lookalikes']} look-alikes.",
        "",
    ]
    c = s["changes"]
    lines += [
        f"Incremental updates: {c['n']} profile changes on random organisations ({c['offer added']} offers added, "
        f"{c['need met']} needs marked met), each followed by `matching.update_for` as the task worker runs it "
        f"(p50 {c['update_for']['p50']:.0f} ms, p95 {c['update_for']['p95']:.0f} ms at {s['quality_size']:,}; median "
        f"{c['lists_changed_median']:.0f} other lists changed). Lists holding more than 20 suggestions afterwards: "
        f"{s['lists_over_keep']} (longest {s['longest_list']}){'' if not s['lists_over_keep'] else ' (**NO**)'}; "
        f"after all the updates at {s['large']:,}: {s['lists_over_keep_large']} (longest {s['longest_list_large']}). "
        f"The queries' top 5 after the updates equal those of a full rebuild for {s['same_top5_after_rebuild']}/{s['queries']}.",
        "",
        f"Speed at {s['large']:,} organisations ({g['profiles']:,} profiles, {g['suggestions']:,} stored suggestions), "
        f"in-process, single thread; {s['update_warm']['n']} timed calls after a warm-up unless said. “Warm”: the "
        "process keeps its index between calls, as the task worker does (each call preceded, untimed, by an offer "
        "added to the organisation); “cold”: `matching.forget_index()` before each call.",
        "",
        "| Operation | runs | p50 ms | p95 ms | max ms | notes |",
        "|---|---:|---:|---:|---:|---|",
        f"| `matching.save_all_profiles()` at {s['large']:,} | 1 | — | — | — | **{s['save_all_profiles_seconds']:.1f} s**: "
        f"{s['large'] - s['quality_size']:,} profiles created, {s['quality_size']:,} updated |",
        f"| `matching.rebuild_all()` | 1 each | — | — | — | {s['rebuild_seconds']['small']:.1f} s at {s['small']:,}, "
        f"{s['rebuild_seconds']['quality']:.1f} s at {s['quality_size']:,}, **{s['rebuild_seconds']['large']:.1f} s at "
        f"{s['large']:,}** (profiles rebuilt, then every list) |",
        f"| `Index.scores()` (one against all) | {s['scores']['n']} | {s['scores']['p50']:.1f} | {s['scores']['p95']:.1f} "
        f"| {s['scores']['max']:.1f} | |",
        f"| `matching.update_for()`, warm index | {s['update_warm']['n']} | {s['update_warm']['p50']:.1f} "
        f"| {s['update_warm']['p95']:.1f} | {s['update_warm']['max']:.1f} | {s['update_warm']['statements_median']:.0f} SQL "
        f"statements (max {s['update_warm']['statements_max']}), {s['update_warm']['lists_changed_median']:.0f} other "
        f"lists changed (max {s['update_warm']['lists_changed_max']}), medians of 20 calls |",
        f"| `matching.update_for()`, cold index | {s['update_cold']['n']} | {s['update_cold']['p50']:.1f} "
        f"| {s['update_cold']['p95']:.1f} | {s['update_cold']['max']:.1f} | reads every profile first |",
        _page_row(f"Suggestions of one organisation at {s['small']:,}", s["page_small"]),
        _page_row(f"Suggestions of one organisation at {s['large']:,}", s["page_large"]),
        "",
    ]
    m = s["memory"]
    warm_ok = s["update_warm"]["p95"] < TARGET_SUGGESTIONS_P95_MS
    page_ok = s["page_large"]["p95"] < TARGET_SUGGESTIONS_P95_MS
    lines += [
        f"Memory: peak resident memory of the process {m['peak_rss_mb']:.0f} MB after building the index at "
        f"{s['large']:,} ({m['peak_rss_end_mb']:.0f} MB at the end; `ru_maxrss` {m['ru_maxrss_mb']:.0f} MB), resident "
        f"{m['rss_before_mb']:.0f} MB before the rebuild and {m['rss_after_mb']:.0f} MB after; the index's arrays "
        f"{m['index_mb']} MB.",
        "",
        f"Target: suggestions for one organisation among {s['large']:,} under {TARGET_SUGGESTIONS_P95_MS:.0f} ms p95: "
        f"computed (`update_for`, warm) {_yes(warm_ok)} ({s['update_warm']['p95']:.0f} ms); read "
        f"({'the page' if s['page_large']['what'] == 'page' else '`suggestions_for`'}) {_yes(page_ok)} "
        f"({s['page_large']['p95']:.1f} ms; {s['page_small']['queries']} → {s['page_large']['queries']} SQL queries from "
        f"{s['small']:,} to {s['large']:,}).",
        "",
    ]
    return lines


def summary(name: str, r: dict) -> str:
    s = r["solidarity"]
    q = s["quality"][0]
    after = s["quality"][1]
    return (
        f"- {name}, solidarity at {s['large']:,} organisations: precision@5 {q['complete_precision_at_5']:.2f} "
        f"(≥ {TARGET_PRECISION}: {_yes(q['complete_precision_at_5'] >= TARGET_PRECISION)}; planted only "
        f"{q['precision_at_5']:.2f}), recall@10 {q['recall_at_10']:.2f} on "
        f"{s['queries']} planted queries among {s['quality_size']:,} ({after['complete_precision_at_5']:.2f} / {after['recall_at_10']:.2f} "
        f"after incremental updates); `update_for` p95 {s['update_warm']['p95']:.0f} ms warm "
        f"({_yes(s['update_warm']['p95'] < TARGET_SUGGESTIONS_P95_MS)}), {s['update_cold']['p95']:.0f} ms cold; "
        f"`Index.scores` p95 {s['scores']['p95']:.1f} ms; "
        f"{'page' if s['page_large']['what'] == 'page' else '`suggestions_for`'} p95 {s['page_large']['p95']:.1f} ms "
        f"({s['page_small']['queries']} → {s['page_large']['queries']} queries); `rebuild_all` "
        f"{s['rebuild_seconds']['large']:.0f} s; peak RSS {s['memory']['peak_rss_mb']:.0f} MB."
    )
