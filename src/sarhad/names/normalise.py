"""Unicode normalisation, case, punctuation and script detection for personal names.

>>> normalise("  məmmədov,  Əli   HƏSƏN oğlu ")
'MƏMMƏDOV ƏLİ HƏSƏN OĞLU'
>>> normalise("O'Connor-Smith")
'OCONNOR SMITH'
>>> normalise("MAMMADOV<<ALI<HASAN")
'MAMMADOV ALI HASAN'
>>> detect_script("Гусейнов"), detect_script("محمدوف"), detect_script("გიორგი")
('Cyrl', 'Arab', 'Geor')

Rules:

* NFKC (compatibility forms such as ligatures and full-width letters become plain letters),
  then the combining dot that ``"İ".lower()`` leaves behind is folded back.
* Upper case respects Azerbaijani and Turkish: a word written with one of their own letters
  (ə ı ş ğ İ) upper-cases ``i`` to ``İ``; dotless ``ı`` always becomes ``I``.
* Apostrophes are dropped without a space (ICAO 9303 P3 §4.6: O'CONNOR -> OCONNOR), as are
  the Arabic harakat and tatweel; hyphens, commas, the MRZ filler ``<`` and other
  punctuation separate words; digits are removed.
* Arabic and Persian code points for the same letter are unified (ي/ی, ك/ک, ة/ه...).
"""

from __future__ import annotations

import re
import unicodedata

from . import tables as T

__all__ = ["normalise", "tokens", "detect_script", "upper"]

_AZ_TR_MARKERS = set("əƏıışŞğĞİ")  # not ç ö ü: French and German have them
_APOSTROPHES = "'’‘`´ʼʻ"
_DROP_RE = re.compile("[" + re.escape(_APOSTROPHES + "\u200d\u00ad" + "".join(sorted(T.ARABIC_MARKS)))
                      + "]")
_ARABIC_RE = re.compile("[\u0600-\u06ff]")
_SPLIT_RE = re.compile(r"[^\w\u200c]+|[\d_]+", re.UNICODE)
_GEORGIAN_RE = re.compile("[\u10a0-\u10ff\u1c90-\u1cbf]")
_MTAVRULI_TO_MKHEDRULI = {c: c - 0xBC0 for c in range(0x1C90, 0x1CC0)}


def upper(word: str) -> str:
    """Upper-case one word, with Azerbaijani/Turkish dotted and dotless i where it applies.

    Georgian is kept in Mkhedruli (documents write it so; Mtavruli capitals are folded).
    """
    if word.isascii():
        return word.upper()
    if _GEORGIAN_RE.search(word):
        return word.translate(_MTAVRULI_TO_MKHEDRULI)
    if _AZ_TR_MARKERS.intersection(word):
        word = word.replace("i", "İ").replace("ı", "I")
    return word.upper()


_ASCII_DROP = str.maketrans({"'": None, "`": None})
_ASCII_SPLIT_RE = re.compile(r"[^A-Za-z]+")


def tokens(text: str) -> list[str]:
    """The words of a name, normalised (see module docstring)."""
    if text.isascii():  # the common case (MRZ, Latin lines): same result, faster
        return [w for w in _ASCII_SPLIT_RE.split(text.translate(_ASCII_DROP).upper()) if w]
    text = unicodedata.normalize("NFKC", text)
    # "İ".lower() gives i + COMBINING DOT ABOVE; fold it back to a plain i.
    text = _DROP_RE.sub("", text.replace("i\u0307", "i"))
    if _ARABIC_RE.search(text):
        text = text.translate(T.ARABIC_TO_PERSIAN)
    out = []
    for raw in _SPLIT_RE.split(text):
        raw = raw.strip("\u200c")
        if raw:
            out.append(upper(raw))
    return out


def normalise(text: str) -> str:
    """A name as upper-case words in their own script, separated by single spaces."""
    return " ".join(tokens(text))


def detect_script(token: str) -> str:
    """ISO 15924 code of the script of a word: Latn, Cyrl, Arab, Geor, Armn, or Zyyy."""
    for ch in token:
        o = ord(ch)
        if o < 0x250:
            if ch.isalpha():
                return "Latn"
        elif o == 0x259 or o == 0x18F:
            return "Latn"
        elif 0x400 <= o < 0x530:
            return "Cyrl"
        elif 0x531 <= o < 0x590 or 0xFB13 <= o <= 0xFB17:
            return "Armn"
        elif 0x600 <= o < 0x700 or 0x750 <= o < 0x780 or 0xFB50 <= o < 0xFE00 \
                or 0xFE70 <= o < 0xFF00:
            return "Arab"
        elif 0x10A0 <= o < 0x1100 or 0x1C90 <= o < 0x1CC0 or 0x2D00 <= o < 0x2D30:
            return "Geor"
    return "Zyyy"


def cyrillic_language(token: str) -> str:
    """Guess the language of a Cyrillic word from letters only some alphabets have."""
    if set("ҚҢҰ").intersection(token):
        return "kk"
    if T.AZ_CYRILLIC_ONLY.intersection(token):
        return "az"
    if T.UK_ONLY.intersection(token):
        return "uk"
    return "ru"
