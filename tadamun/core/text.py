"""Text helpers shared by every app: safe display text and search normalisation.

`clean_text` neutralises characters that can disguise text (bidi overrides, controls)
in names and titles. `normalise` folds the spelling variants people type in Arabic,
Sorani and Kurmanji (and Latin accents) to one search key, so that "اربيل", "أربيل" and
"ئەربیل" find each other where the letters allow it.
"""

from __future__ import annotations

import re
import unicodedata

# Explicit bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and
# the other invisible controls that can reorder or hide text.
_BIDI_CONTROLS = dict.fromkeys(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C], None
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"\s+")

# Arabic diacritics (harakat, tanwin, shadda, sukun, dagger alef) and tatweel.
_ARABIC_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LETTER_FOLDS = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
        "ى": "ي", "ی": "ي", "ێ": "ي", "ې": "ي", "ئ": "ي",
        "ک": "ك", "ڪ": "ك",
        "ة": "ه", "ە": "ه", "ۀ": "ه", "ھ": "ه", "ہ": "ه",
        "ؤ": "و", "ۆ": "و", "ۊ": "و", "ۇ": "و",
        "ڕ": "ر", "ڵ": "ل", "ڤ": "ف", "گ": "ك", "چ": "ج", "ژ": "ز", "پ": "ب",
        "\u200c": "", "\u200d": "",
        # Arabic-Indic and Persian digits to ASCII
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)


def clean_text(value: str) -> str:
    """Text fit for a name or a title: no bidi overrides or control characters,
    whitespace collapsed, trimmed."""
    value = unicodedata.normalize("NFC", value or "")
    value = value.translate(_BIDI_CONTROLS)
    value = _CONTROL.sub("", value)
    return _SPACES.sub(" ", value).strip()


def normalise(value: str) -> str:
    """The search key of a text: case, accents, Arabic-script variants and digits folded."""
    value = clean_text(value).casefold()
    value = _ARABIC_MARKS.sub("", value)
    value = value.translate(_LETTER_FOLDS)
    # Latin accents (Kurmanji ç ş ê î û, Italian à è ò): decompose and drop the marks.
    decomposed = unicodedata.normalize("NFD", value)
    value = "".join(ch for ch in decomposed if not 0x0300 <= ord(ch) <= 0x036F)
    value = unicodedata.normalize("NFC", value)
    return _SPACES.sub(" ", value).strip()


def search_terms(query: str) -> list[str]:
    """The normalised words of a search query (at most eight, each at least one letter)."""
    return [word for word in normalise(query).split(" ") if word][:8]
