from tadamun.core.text import clean_text, normalise, search_terms


def test_arabic_spelling_variants_fold_together():
    assert normalise("أربيل") == normalise("اربيل") == normalise("إربيل")
    assert normalise("مدرسة") == normalise("مدرسه")
    assert normalise("مُنَظَّمَة") == normalise("منظمة")
    assert normalise("كركوك") == normalise("کرکوک")  # Arabic and Persian/Kurdish kaf
    assert normalise("علي") == normalise("علی") == normalise("على")


def test_latin_accents_and_case_fold():
    assert normalise("Çiya Şêx") == "ciya sex"
    assert normalise("CITTÀ") == "citta"


def test_digits_fold_to_ascii():
    assert normalise("٢٠١٩") == "2019" == normalise("۲۰۱۹")


def test_bidi_controls_are_removed():
    assert clean_text("abc\u202edef\u2066x\u2069") == "abcdefx"
    assert clean_text("  many   spaces\n") == "many spaces"


def test_search_terms():
    assert search_terms("  Women  أمل ") == ["women", "امل"]
    assert len(search_terms("a " * 50)) == 8
