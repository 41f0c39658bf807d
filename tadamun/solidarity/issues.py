"""The issues Iraqi civil society and its partners confront, named in the platform's languages.

Two organisations describing the same issue in different languages (an Arabic text on the right
to water in Basra, an Italian one on "il diritto all'acqua" in "Bassora") share no word; they
share the issue. Matching reads each text for these issues (and for governorates and skills of
the vocabulary, named in every language in the database), so that texts in different languages
can be found alike.

Each issue lists word stems per language, as written; they are normalised like every text
(`tadamun.core.text.normalise`). A stem of four letters or more matches the words that begin
with it ("giornalis" matches giornalista, giornalisti); a shorter one matches the word itself.
Arabic-script words are also read without their article and one-letter prefixes
(والمياه → مياه).
"""

from __future__ import annotations

from functools import cache, lru_cache

from django.utils.translation import gettext_lazy as _

from tadamun.core.text import normalise

# The issues' names, for the reasons of a suggestion ("Both speak of water and displacement.").
NAMES = {
    "water": _("water"), "rivers": _("rivers and dams"), "environment": _("the environment"), "women": _("women's rights"),
    "violence": _("violence against women"), "youth": _("youth"), "defenders": _("human rights defenders"),
    "elections": _("elections"), "peace": _("peace and dialogue"), "weapons": _("weapons and mines"),
    "minorities": _("minorities"), "labour": _("workers' rights"), "heritage": _("cultural heritage"),
    "education": _("education"), "children": _("children"), "health": _("health"), "media": _("the media"),
    "missing": _("the missing"), "displacement": _("displacement and return"), "housing": _("housing"),
    "disability": _("disability"), "agriculture": _("agriculture"), "corruption": _("corruption"),
    "detention": _("detention and torture"), "protest": _("freedom of expression"), "law": _("the law and courts"),
}

ISSUES: dict[str, dict[str, list[str]]] = {
    "water": {
        "en": ["water", "drinking", "sanitation", "water networks"],
        "it": ["acqua", "acque", "potabil", "idric", "fognat"],
        "ar": ["مياه", "ماء", "اسالة", "شرب", "الصرف الصحي"],
        "ckb": ["ئاو", "ئاوی خواردنەوە"],
        "kmr": ["av", "avê", "ava"],
    },
    "rivers": {
        "en": ["river", "dams", "drought", "water levels", "marshes"],
        "it": ["fiume", "fiumi", "diga", "dighe", "siccità", "livelli dell'acqua", "paludi"],
        "ar": ["نهر", "انهار", "سدود", "السد", "جفاف", "مناسيب", "الاهوار", "اطلاقات"],
        "ckb": ["ڕووبار", "بەنداو", "وشکەساڵی"],
        "kmr": ["çem", "bendav", "hişkesalî"],
    },
    "environment": {
        "en": ["environment", "pollution", "polluted", "climate", "air", "flaring", "trees"],
        "it": ["ambient", "inquin", "clima", "aria", "alberi", "gas flaring"],
        "ar": ["بيئة", "بيئي", "تلوث", "مناخ", "هواء", "اشجار", "حرق الغاز"],
        "ckb": ["ژینگە", "پیسبوون", "کەشوهەوا", "دار"],
        "kmr": ["jîngeh", "qirêjî", "avhewa", "dar"],
    },
    "women": {
        "en": ["women", "woman", "gender", "girls", "feminis"],
        "it": ["donne", "donna", "genere", "ragazze", "femmini", "candidate"],
        "ar": ["نساء", "امراة", "مراة", "نسوي", "فتيات", "نسائي"],
        "ckb": ["ژن", "ژنان", "ئافرەت", "کچان"],
        "kmr": ["jin", "jinan", "keçan"],
    },
    "violence": {
        "en": ["violence", "abuse", "shelter", "survivors"],
        "it": ["violenz", "abusi", "rifugio", "sopravviss"],
        "ar": ["عنف", "ملاجئ", "ماوى", "ناجيات", "الناجين"],
        "ckb": ["توندوتیژی", "ڕزگاربوو"],
        "kmr": ["tundî", "tundûtûjî"],
    },
    "youth": {
        "en": ["youth", "young"],
        "it": ["giovan"],
        "ar": ["شباب", "شبيبة", "الشابات"],
        "ckb": ["گەنج", "گەنجان"],
        "kmr": ["ciwan", "ciwanan"],
    },
    "defenders": {
        "en": ["defenders", "threatened", "threats", "protection"],
        "it": ["difensor", "minacc", "protezion"],
        "ar": ["مدافع", "تهديد", "حماية", "المهددين"],
        "ckb": ["بەرگریکار", "هەڕەشە", "پاراستن"],
        "kmr": ["parêzvan", "gef", "parastin"],
    },
    "elections": {
        "en": ["election", "electoral", "voters", "voting", "democra", "candidates"],
        "it": ["elezion", "elettor", "voto", "democra"],
        "ar": ["انتخاب", "اقتراع", "ديمقراط", "مرشح", "الناخبين"],
        "ckb": ["هەڵبژاردن", "دەنگدان", "دیموکرا"],
        "kmr": ["hilbijartin", "dengdan", "demokra"],
    },
    "peace": {
        "en": ["peace", "conflict", "dialogue", "reconcil", "nonviolen", "mediation"],
        "it": ["pace", "conflitt", "dialog", "riconcil", "nonviolen", "mediaz"],
        "ar": ["بناء السلام", "السلم", "نزاع", "صراع", "حوار", "مصالحة", "اللاعنف", "وساطة"],
        "ckb": ["ئاشتی", "ململانێ", "دیالۆگ", "ئاشتەوایی"],
        "kmr": ["aştî", "pevçûn", "diyalog", "lihevhatin"],
    },
    "weapons": {
        "en": ["weapons", "arms", "landmines", "mines", "ordnance", "explosive"],
        "it": ["armi", "mine antiuomo", "ordigni", "esplosiv", "residui bellici"],
        "ar": ["سلاح", "اسلحة", "الغام", "مخلفات الحرب", "متفجرات"],
        "ckb": ["چەک", "مین", "تەقەمەنی"],
        "kmr": ["çek", "mayin", "teqemen"],
    },
    "minorities": {
        "en": ["minorit", "yazidi", "ezidi", "christian", "turkmen", "mandae", "shabak"],
        "it": ["minoranz", "yazid", "ezid", "cristian", "turcoman", "mande", "shabak"],
        "ar": ["اقليات", "ايزيدي", "ازيدي", "مسيحي", "تركمان", "صابئة", "مندائي", "شبك"],
        "ckb": ["کەمینە", "ئێزدی", "مەسیحی", "تورکمان"],
        "kmr": ["hindikahî", "êzdî", "xiristiyan", "tirkmen", "mendayî"],
    },
    "labour": {
        "en": ["workers", "labour", "labor", "unions", "trade union", "wages", "salaries", "contracts"],
        "it": ["lavorat", "sindaca", "salari", "contratt"],
        "ar": ["عمال", "العاملات", "نقابة", "نقابات", "اجور", "رواتب", "عقود"],
        "ckb": ["کرێکار", "سەندیکا", "مووچە", "کرێ"],
        "kmr": ["karker", "sendîka", "meaş"],
    },
    "heritage": {
        "en": ["heritage", "culture", "cultural", "restoration", "artisans", "archaeolog"],
        "it": ["patrimon", "cultur", "restaur", "artigian", "archeolog"],
        "ar": ["تراث", "ثقافة", "ثقافي", "اثار", "ترميم", "حرفيين"],
        "ckb": ["کەلەپوور", "کولتوور", "شوێنەوار"],
        "kmr": ["mîras", "çand", "şûnwar"],
    },
    "education": {
        "en": ["school", "education", "pupils", "teachers", "dropout"],
        "it": ["scuol", "istruz", "educaz", "insegnant", "abbandon"],
        "ar": ["مدارس", "مدرسة", "تعليم", "تربية", "معلمين", "تسرب"],
        "ckb": ["قوتابخانە", "خوێندن", "پەروەردە", "مامۆستا"],
        "kmr": ["dibistan", "perwerde", "mamoste"],
    },
    "children": {
        "en": ["children", "child", "childhood"],
        "it": ["bambin", "infanzia", "minori"],
        "ar": ["اطفال", "طفل", "طفولة"],
        "ckb": ["منداڵ", "منداڵان"],
        "kmr": ["zarok", "zarokan"],
    },
    "health": {
        "en": ["health", "clinic", "hospital", "medicines", "medical"],
        "it": ["salute", "clinic", "ospedal", "farmac", "sanitar"],
        "ar": ["صحة", "صحي", "مستشفى", "مستشفيات", "عيادات", "ادوية", "طبي"],
        "ckb": ["تەندروستی", "نەخۆشخانە", "دەرمان"],
        "kmr": ["tenduristî", "nexweşxane", "derman"],
    },
    "media": {
        "en": ["journalis", "media", "press freedom", "freedom of the press", "reporters", "radio"],
        "it": ["giornalis", "media", "stampa", "radio"],
        "ar": ["صحفي", "صحافة", "اعلام", "اعلامي", "اذاعة"],
        "ckb": ["ڕۆژنامەنووس", "ڕۆژنامەگەری", "میدیا", "ڕاگەیاندن"],
        "kmr": ["rojnameger", "rojnamevan", "medya", "çapemen"],
    },
    "missing": {
        "en": ["missing", "disappear", "graves"],
        "it": ["scompars", "fosse comuni"],
        "ar": ["مفقود", "المختفين", "مقابر"],
        "ckb": ["بێسەروشوێن", "گۆڕی بەکۆمەڵ"],
        "kmr": ["windabû", "gorên komî"],
    },
    "displacement": {
        "en": ["displaced", "displacement", "return", "refugees", "camps"],
        "it": ["sfollat", "rientr", "rifugiat", "campi"],
        "ar": ["نازح", "نزوح", "عودة", "لاجئ", "مخيم"],
        "ckb": ["ئاوارە", "گەڕانەوە", "کەمپ"],
        "kmr": ["koçber", "vegera", "kamp"],
    },
    "housing": {
        "en": ["housing", "evictions", "informal settlements"],
        "it": ["abitaz", "sgomber", "insediament"],
        "ar": ["سكن", "اخلاء", "عشوائيات", "مساكن"],
        "ckb": ["نیشتەجێ", "خانوو"],
        "kmr": ["xanî", "bicihbûn"],
    },
    "disability": {
        "en": ["disabilit", "disabled", "accessib"],
        "it": ["disabil", "accessib"],
        "ar": ["اعاقة", "معاق", "ذوي الاعاقة"],
        "ckb": ["کەمئەندام", "پەککەوتە"],
        "kmr": ["seqet", "astengdar"],
    },
    "agriculture": {
        "en": ["farmers", "agricultur", "orchards", "crops", "irrigation"],
        "it": ["agricol", "agricolt", "frutet", "colture", "irrigaz"],
        "ar": ["زراعة", "زراعي", "فلاحين", "مزارعين", "بساتين"],
        "ckb": ["کشتوکاڵ", "جووتیار"],
        "kmr": ["çandinî", "cotkar"],
    },
    "corruption": {
        "en": ["corruption", "transparen", "accountab"],
        "it": ["corruz", "traspar"],
        "ar": ["فساد", "شفافية", "مساءلة"],
        "ckb": ["گەندەڵی", "شەفافی"],
        "kmr": ["gendelî", "zelalî"],
    },
    "detention": {
        "en": ["detention", "detained", "prison", "torture"],
        "it": ["detenz", "detenut", "carcer", "tortur"],
        "ar": ["اعتقال", "معتقل", "سجون", "سجن", "تعذيب"],
        "ckb": ["زیندان", "ئەشکەنجە", "دەستگیر"],
        "kmr": ["girtîgeh", "îşkence"],
    },
    "protest": {
        "en": ["protest", "demonstrat", "freedom of expression"],
        "it": ["protest", "manifestaz", "espression"],
        "ar": ["احتجاج", "تظاهر", "تعبير"],
        "ckb": ["خۆپیشاندان", "ناڕەزایی"],
        "kmr": ["xwepêşandan", "protesto"],
    },
    "law": {
        "en": ["legal", "lawyers", "court", "law"],
        "it": ["legal", "avvocat", "giurid", "tribunal"],
        "ar": ["قانون", "قانوني", "محامين", "محاكم", "قضاء"],
        "ckb": ["یاسا", "پارێزەر", "دادگا"],
        "kmr": ["yasa", "parêzer", "dadgeh"],
    },
}

_ARABIC_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف")


# Normalised Arabic and Sorani endings (plural, definite, possessive, izafe): "ئاوی" → "ئاو".
_ARABIC_SCRIPT_SUFFIXES = ("هكان", "كان", "هكه", "ان", "ات", "ين", "ون", "يه", "ي")


def forms_of(word: str) -> list[str]:
    """The word, and in Arabic script the word without its article, a one-letter prefix or a
    common ending."""
    forms = [word]
    if word and "\u0600" <= word[0] <= "\u06ff":
        for prefix in _ARABIC_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                forms.append(word[len(prefix):])
        for form in list(forms):
            for suffix in _ARABIC_SCRIPT_SUFFIXES:
                if form.endswith(suffix) and len(form) - len(suffix) >= 2:
                    forms.append(form[: -len(suffix)])
                    break
    return forms


@cache
def lexicon() -> tuple[dict[str, str], dict[str, list[tuple[str, str]]], list[tuple[str, str]]]:
    """(exact word → issue, first three letters → [(stem, issue)] longest first, [(phrase, issue)])."""
    exact: dict[str, str] = {}
    stems: dict[str, list[tuple[str, str]]] = {}
    phrases: list[tuple[str, str]] = []
    for issue, by_language in ISSUES.items():
        for words in by_language.values():
            for raw in words:
                form = normalise(raw)
                stripped = forms_of(form)[-1]
                if " " in form:
                    phrases.append((form, issue))
                elif len(stripped) >= 4:
                    stems.setdefault(stripped[:3], []).append((stripped, issue))
                else:
                    exact[form] = issue
                    exact[stripped] = issue
    for candidates in stems.values():
        candidates.sort(key=lambda pair: -len(pair[0]))
    return exact, stems, phrases


@lru_cache(maxsize=200_000)
def issue_of(word: str) -> str | None:
    """The issue a normalised word names, if any."""
    exact, stems, _phrases = lexicon()
    for form in forms_of(word):
        if form in exact:
            return exact[form]
        for stem, issue in stems.get(form[:3], ()):
            if form.startswith(stem):
                return issue
    return None


def issues_in(text: str) -> set[str]:
    """The issues a normalised text speaks of."""
    found = {issue for phrase, issue in lexicon()[2] if phrase in text}
    for word in text.replace("'", " ").replace("’", " ").split(" "):
        word = word.strip(".,;:!?()[]{}\"'«»،؛؟-–—/")
        if len(word) >= 2:
            issue = issue_of(word)
            if issue:
                found.add(issue)
    return found
