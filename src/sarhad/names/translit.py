"""Latin forms of one name word, in the romanisations that real documents use.

>>> word_forms("МАМЕДОВ")
('MAMEDOV',)
>>> word_forms("ГУСЕЙНОВ")
('GUSEINOV', 'GUSEYNOV', 'GUSEJNOV')
>>> word_forms("MƏMMƏDOV")
('MAMMADOV', 'MEMMEDOV')
>>> word_forms("ҸӘФӘРОВ")  # Azerbaijani Cyrillic
('CAFAROV', 'CEFEROV', 'JAFAROV')

The first form is the primary one (the ICAO 9303 MRZ form where the script has one).
Words in Latin script keep their spelling, folded to ASCII by ICAO Table A; Azerbaijani
words also get the English spelling (x→kh, c→j, ç→ch, ş→sh, ğ→gh, q→g), the form of
foreign-issued documents and the press. Russian Cyrillic gets ICAO 9303 (Russian passports
since 2010), the 1997–2010 passport practice, BGN/PCGN, GOST 7.79 B and the English
newspaper spelling; Ukrainian the national system of 2010; Azerbaijani Cyrillic is first
read as Azerbaijani Latin. Georgian and Armenian use the national passport systems with
their older variants. Persian and Arabic script: see :mod:`sarhad.names.persian`.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from . import tables as T
from .normalise import cyrillic_language, detect_script
from .persian import persian_forms, persian_reading
from .synthetic import translit_armenian, translit_cyrillic, translit_georgian

__all__ = ["word_forms", "az_latin_forms", "fold_latin"]

_AZ_STRONG = set("Ə")
_AZ_ENGLISH = {"Ə": "A", "X": "KH", "C": "J", "Ç": "CH", "Ş": "SH", "Ğ": "GH", "Q": "G",
               "Ü": "U", "Ö": "O", "I": "I", "İ": "I", "J": "ZH"}
_MAX_FORMS = 6


def fold_latin(word: str, multi: int = 0) -> str:
    """ICAO Table A fold of an upper-case Latin word; ``multi`` picks among the values of
    the multi-valued letters (0 = first value: AE OE UE; 1 = last value: A O U)."""
    out = []
    for ch in word:
        if "A" <= ch <= "Z":
            out.append(ch)
        elif ch in T.ICAO_LATIN:
            vals = T.ICAO_LATIN[ch]
            out.append(vals[0] if multi == 0 or len(vals) == 1 else vals[-1])
        elif ch.isalpha():
            # a Latin letter with a mark Table A does not list (Vietnamese ễ, Romanian ș
            # with comma): its base letter
            base = unicodedata.normalize("NFD", ch)[0].upper()
            if "A" <= base <= "Z":
                out.append(base)
    return "".join(out)


def az_latin_forms(word: str) -> list[str]:
    """MRZ form, the Ə→E form and the English form of an Azerbaijani Latin word."""
    mrz = "".join("A" if c == "Ə" else c for c in word)
    forms = [fold_latin(mrz, 1)]
    if "Ə" in word:
        forms.append(fold_latin(word.replace("Ə", "E"), 1))
    english = "".join(_AZ_ENGLISH.get(c, c) for c in word)
    forms.append(fold_latin(english, 1))
    return forms


def _latin_word(word: str) -> list[str]:
    has_umlaut = any(c in "ÄÖÜ" for c in word)
    az_like = bool(_AZ_STRONG.intersection(word)) or any(c in "ŞĞIİ" for c in word) \
        or (("X" in word or "Q" in word or "C" in word) and not word.isascii())
    if word.endswith(("OVI", "EVI")) and len(word) > 5 and word.isascii():
        # a Georgian passport's nominative -i on a foreign surname (MAMEDOVI)
        return [word, word[:-1]]
    if az_like:
        forms = az_latin_forms(word)
        if has_umlaut:
            forms.append(fold_latin(word.replace("Ə", "A"), 0))
        return forms
    if has_umlaut or "ß" in word or "Å" in word or "Ø" in word:
        return [fold_latin(word, 0), fold_latin(word, 1)]
    return [fold_latin(word, 1)]


def _russian(word: str) -> list[str]:
    out = [translit_cyrillic(word, T.ICAO_CYRILLIC)]
    for name in ("passport1997", "bgn", "gost779b", "english", "gost52535"):
        out.append(translit_cyrillic(word, T.RUSSIAN_SYSTEMS[name],
                                     iotated_e=name in T.RUSSIAN_IOTATED_E))
    return out


def armenian_russian(form: str) -> list[str]:
    """Armenian names as Russian documents write them: initial h dropped, hov- as o- or
    ov-, medial h dropped (Հովհաննիսյան → Оганесян, Հովհաննես → Ованес,
    Հակոբյան → Акопян, Սահակյան → Саакян, Հայկ → Айк, Զարուհի → Заруи)."""
    out = []
    if form.startswith("HOV"):
        out += ["O" + form[3:], "OV" + form[3:]]
    elif form.startswith("H"):
        out.append(form[1:])
    for body in out[:] or [form]:
        if "H" in body[1:] and "KH" not in body and "GH" not in body:
            out.append(body[0] + body[1:].replace("H", ""))
    return out


@lru_cache(maxsize=200_000)
def word_forms(word: str) -> tuple[str, ...]:
    """Latin forms (upper-case ASCII) of one normalised word; () when there are none."""
    script = detect_script(word)
    if script == "Latn":
        forms = _latin_word(word)
    elif script == "Cyrl":
        lang = cyrillic_language(word)
        if lang == "az":
            az = "".join(T.AZ_CYRILLIC_TO_LATIN.get(c, c) for c in word)
            forms = az_latin_forms(az)
        elif lang == "uk":
            forms = [translit_cyrillic(word, T.UK_NATIONAL, initial=T.UK_NATIONAL_INITIAL),
                     translit_cyrillic(word, T.ICAO_CYRILLIC)]
        else:
            forms = _russian(word)
    elif script == "Geor":
        forms = [translit_georgian(word), translit_georgian(word, dict(T.GEORGIAN,
                                                                       **T.GEORGIAN_ALT))]
        # Georgian adds the nominative -i to foreign names ending in a consonant:
        # მამედოვი (Mamedovi) is Mamedov, ალიევი (Alievi) is Aliev.
        if forms[0].endswith(("OVI", "EVI", "YANI", "IANI")) and len(forms[0]) > 5:
            forms.append(forms[0][:-1])
    elif script == "Armn":
        forms = [translit_armenian(word)]
        low = word.lower()
        if low[:1] in T.ARMENIAN_INITIAL or "ու" in low:
            forms.append(translit_armenian(word).replace("VO", "O", 1))
    elif script == "Arab":
        forms = list(persian_forms(word)) or [persian_reading(word)]
    else:
        forms = []
    forms = [f.replace(" ", "") for f in forms if f]
    if script == "Armn" or any(f.endswith(("YAN", "IAN", "YANTS")) for f in forms[:1]):
        forms += armenian_russian(forms[0])
    out = tuple(dict.fromkeys(forms))
    return out if script == "Arab" else out[:_MAX_FORMS]
