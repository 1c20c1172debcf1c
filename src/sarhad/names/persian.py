"""Persian and Arabic script names into Latin.

Persian and Arabic script write consonants and long vowels; short vowels are not written
(حسن is Həsən/Hasan, حسین is Hüseyn/Hossein). A letter-by-letter reading therefore cannot
give the Latin form. Two paths:

1. **Known names.** The common given names of Arabic and Persian origin that Azerbaijani,
   Iranian and Turkish names are made of (محمد, علی, حسین...) are listed with their usual
   Latin renderings: Azerbaijani (Məmməd → MAMMAD), Russian-Soviet (Мамед → MAMED),
   Iranian passports (MOHAMMAD), Turkish (MEHMET) and English (MUHAMMAD). Surnames are a
   known stem plus a suffix: Azerbaijani -ov/-yev (وف، اف), -li (لی), -zadə (زاده) and the
   Iranian adjectival -i (ی, -ی‌ی).
2. **Any other name**: the written skeleton, consonants and the long-vowel letters, in the
   alphabet of :mod:`sarhad.names.phonetic` (``A I U`` and consonant classes). The
   comparison then checks that every written letter is present in the Latin form and every
   consonant of the Latin form is written (see :func:`sarhad.names.compare`).

Letter values follow the ALA-LC romanization tables for Persian, without diacritics.

>>> persian_forms("محمدوف")[:3]
('MAMMADOV', 'MAHAMMADOV', 'MAMEDOV')
>>> persian_forms("علی‌اف")
('ALIYEV', 'ALIEV')
>>> persian_skeleton("رشاد"), persian_skeleton("حسین"), persian_reading("الوین")
('RSAT', 'HSIN', 'ALVIN')
"""

from __future__ import annotations

from functools import lru_cache

from . import tables as T
from .phonetic import letter_key

__all__ = ["KNOWN_STEMS", "persian_forms", "persian_skeleton", "persian_reading",
           "split_suffix"]

ZWNJ = "\u200c"

#: Persian spelling -> Latin renderings (the first is the Azerbaijani MRZ form).
KNOWN_STEMS: dict[str, tuple[str, ...]] = {
    "محمد": ("MAMMAD", "MAHAMMAD", "MAMED", "MOHAMMAD", "MUHAMMAD", "MEHMET"),
    "ممد": ("MAMMAD", "MAMED", "MAMAD"),
    "علی": ("ALI",),
    "حسن": ("HASAN", "HASSAN", "GASAN"),
    "حسین": ("HUSEYN", "HOSSEIN", "HUSSEIN", "HUSEYIN", "GUSEYN"),
    "جعفر": ("CAFAR", "JAFAR", "JAFFAR", "DZHAFAR", "CAFER"),
    "عباس": ("ABBAS",),
    "رحیم": ("RAHIM", "RAGIM"),
    "کریم": ("KARIM", "KERIM"),
    "احمد": ("AHMAD", "AHMED", "AHMET", "AKHMED"),
    "مهدی": ("MEHDI", "MAHDI", "MEKHTI"),
    "ولی": ("VALI", "VELI"),
    "رضا": ("RZA", "REZA", "RIZA"),
    "قاسم": ("QASIM", "GASIM", "GHASEM", "KASIM", "KASYM"),
    "ابراهیم": ("IBRAHIM", "EBRAHIM", "IBRAGIM"),
    "اسماعیل": ("ISMAYIL", "ISMAIL", "ESMAEIL", "ESMAIL"),
    "مصطفی": ("MUSTAFA", "MOSTAFA"),
    "صادق": ("SADIQ", "SADEGH", "SADYKH", "SADIK"),
    "عبدالله": ("ABDULLA", "ABDULLAH", "ABDOLLAH"),
    "قربان": ("QURBAN", "GHORBAN", "GURBAN", "KURBAN"),
    "حیدر": ("HEYDAR", "HEIDAR", "GEYDAR", "HAIDAR"),
    "رستم": ("RUSTAM", "ROSTAM"),
    "رسول": ("RASUL", "RASOUL"),
    "یوسف": ("YUSIF", "YUSUF", "YOUSEF"),
    "طاهر": ("TAHIR", "TAHER", "TAGIR"),
    "سلیمان": ("SULEYMAN", "SOLEYMAN", "SOLEIMAN"),
    "موسی": ("MUSA", "MOUSA"),
    "عیسی": ("ISA", "EISA"),
    "حمید": ("HAMID", "GAMID"),
    "سعید": ("SAID", "SAEED"),
    "مجید": ("MAJID", "MACID"),
    "محسن": ("MOHSEN", "MUHSIN"),
    "جواد": ("CAVAD", "JAVAD", "DZHAVAD"),
    "مرتضی": ("MURTUZA", "MORTEZA"),
    "داوود": ("DAVUD", "DAVOOD", "DAVID"),
    "قلی": ("QULU", "GULI", "KULI", "GHOLI"),
    "حاجی": ("HACI", "HAJI", "GADZHI"),
    "آقا": ("AGA", "AGHA", "AQA"),
    "میرزا": ("MIRZA",),
    "نقی": ("NAGI", "NAGHI", "NAQI"),
    "تقی": ("TAGI", "TAGHI", "TAQI"),
    "بابا": ("BABA",),
    "کاظم": ("KAZIM", "KAZEM", "KYAZIM"),
    "باقر": ("BAGIR", "BAGHER", "BAQIR"),
    "اکبر": ("AKBAR", "AKPER", "AKBER"),
    "عسگر": ("ASGAR", "ASKER", "ASGHAR"),
    "اصغر": ("ASGAR", "ASGHAR"),
    "امیر": ("AMIR",),
    "امین": ("AMIN",),
    "نصیر": ("NASIR",),
    "نظر": ("NAZAR",),
    "صفر": ("SAFAR",),
    "عزیز": ("AZIZ",),
    "اسد": ("ASAD",),
    "صمد": ("SAMAD", "SAMED"),
    "خلیل": ("XALIL", "KHALIL", "HALIL"),
    "سلطان": ("SULTAN", "SOLTAN"),
    "پاشا": ("PASA", "PASHA"),
    "نوروز": ("NOVRUZ", "NOWRUZ", "NOURUZ"),
    "محرم": ("MAHARRAM", "MAGERRAM", "MOHARRAM", "MUHARREM"),
    "قنبر": ("QAMBAR", "GAMBAR", "GHANBAR"),
    "فاطمه": ("FATIMA", "FATEMEH", "FATMA"),
    "زهرا": ("ZAHRA",),
    "مریم": ("MARYAM", "MERYEM", "MARIAM"),
    "خدیجه": ("XADICA", "KHADIJA", "KHADIJEH", "HATICE"),
    "لیلا": ("LEYLA", "LEILA"),
    "نرگس": ("NARGIZ", "NARGES"),
    "سکینه": ("SAKINA", "SAKINEH"),
    "عایشه": ("AYSA", "AISHA", "AYSHE", "AYSE"),
    "زینب": ("ZEYNAB", "ZEINAB"),
    "معصومه": ("MASUMA", "MASOUMEH"),
    "صالح": ("SALEH", "SALIH"),
    "عثمان": ("OSMAN", "USMAN"),
    "عمر": ("OMAR", "UMAR", "OMER"),
    "علیاکبر": ("ALAKBAR", "ALEKPER", "ALIAKBAR", "ALAKPER"),
    "اللهوردی": ("ALLAHVERDI", "ALLAKHVERDI", "ALAVERDI"),
    "ذوالفقار": ("ZULFUGAR", "ZULFAGHAR", "ZULFIQAR"),
}

#: Azerbaijani/Russian surname suffixes as Persian writes them, longest first.
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("زاده", "zade"), ("یوف", "yev"), ("اوا", "ova"), ("یوا", "yeva"), ("وف", "ov"),
    ("اف", "ov"), ("یف", "yev"), ("وا", "ova"), ("یی", "i"), ("لی", "li"), ("ی", "i"),
)
_SUFFIX_LATIN = {
    "zade": ("ZADE", "ZADEH"), "li": ("LI",), "i": ("I", "EI"),
}
#: -ov after a consonant, -yev after a vowel (Persian writes both اف): Hüseynov, Əliyev.
_OV = {False: ("OV",), True: ("YEV", "EV")}
_OVA = {False: ("OVA",), True: ("YEVA", "EVA")}


def split_suffix(token: str) -> tuple[str, str]:
    """(stem, suffix kind) of a Persian-script word; kind '' when there is none."""
    word = token.replace(ZWNJ, "")
    if word in KNOWN_STEMS:
        return word, ""
    for suf, kind in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 2:
            stem = word[: -len(suf)]
            if stem not in KNOWN_STEMS and len(stem.replace("ء", "")) < 3:
                continue
            if kind in {"li", "i"} and stem not in KNOWN_STEMS:
                continue
            return stem, kind
    return word, ""


@lru_cache(maxsize=50_000)
def persian_forms(token: str) -> tuple[str, ...]:
    """Latin forms of a Persian-script word built from a known stem; () when unknown."""
    stem, kind = split_suffix(token)
    forms = KNOWN_STEMS.get(stem)
    if forms is None:
        return ()
    if not kind:
        return forms
    out: list[str] = []
    for f in forms:
        vowel_end = f[-1] in "AEIOU"
        if kind in {"ov", "yev"}:
            sufs = _OV[vowel_end]
        elif kind in {"ova", "yeva"}:
            sufs = _OVA[vowel_end]
        else:
            sufs = _SUFFIX_LATIN[kind]
        out.extend(f + suf for suf in sufs)
    return tuple(dict.fromkeys(out))


#: Second elements of Arabic compound names after the article al-, which assimilates
#: to their sun letter (Elməddin, Əbdürrəhman, Nurəddin, Seyfəddin).
_ARTICLE_ELEMENTS = ("دین", "رحمن", "رحیم", "زمان", "نساء", "شریف", "رضا", "سلام")


def _letter(ch: str, pos: int, n: int, word: str) -> str:
    if ch in T.PERSIAN_CONSONANTS:
        if ch == "ل" and pos > 1 and word[pos - 1] == "ا" \
                and word.startswith(_ARTICLE_ELEMENTS, pos + 1):
            return ""  # the article assimilates: علم‌الدین = Elməddin
        return T.PERSIAN_CONSONANTS[ch]
    if ch == "آ":
        return "A"
    if ch == "ا":
        # an initial alef only carries the first vowel, whichever it is
        return "" if pos == 0 else "A"
    if ch == "و":
        return "V" if pos == 0 else "U"
    if ch == "ی":
        return "" if pos == 0 else "I"  # initial y- is a glide, as in the Latin keys
    if ch == "ه":
        return "A" if pos == n - 1 and n > 2 else "H"
    if ch in "عء":
        return "A" if ch == "ع" and pos == n - 1 and n > 2 else ""  # زارع Zare
    return ""


@lru_cache(maxsize=50_000)
def persian_skeleton(token: str) -> str:
    """The written letters of a Persian-script word as a sound key (long vowels kept)."""
    word = token.replace(ZWNJ, "")
    stem, kind = split_suffix(word)
    # each letter on its own, so that two letters never read as one digraph (ت + ه)
    # (a letter written twice, as the two lams of الله, is one Latin letter)
    # ح and a medial ه stay "H": weak letters that Azerbaijani and Turkish forms may leave
    # unsaid (محمد Məmməd, فتحعلی Fətəli); the comparison reads H as h or as nothing.
    n = len(stem)
    key = "".join(
        "H" if c in "حه" and _letter(c, i, n, stem) == "H" else letter_key(
            _letter(c, i, n, stem))
        for i, c in enumerate(stem) if i == 0 or c != stem[i - 1])
    if kind:
        # only the consonant of -ov/-yev: Persian writes either vowel (وف، اف)
        key += {"zade": "ZATA", "ov": "V", "yev": "V", "ova": "VA", "yeva": "VA",
                "li": "LI", "i": "I"}[kind]
    # doubled letters stay: in this script two written letters are two sounds
    return key


_READING = {"ا": "A", "آ": "A", "و": "V", "ی": "Y", "ه": "H", "ع": "", "ء": ""}


@lru_cache(maxsize=50_000)
def persian_reading(token: str) -> str:
    """A letter-by-letter Latin reading of a word with no known stem (no short vowels):
    الوین → ALVIN. Only a reading aid; matching uses :func:`persian_skeleton`."""
    word = token.replace(ZWNJ, "")
    out = []
    n = len(word)
    for i, ch in enumerate(word):
        if ch in T.PERSIAN_CONSONANTS:
            out.append(T.PERSIAN_CONSONANTS[ch])
        elif ch == "و":
            out.append("V" if i == 0 or word[i - 1] in "اآ" or i + 1 < n and word[i + 1] in "اآی"
                       else "U")
        elif ch == "ی":
            out.append("Y" if i == 0 or i + 1 < n and word[i + 1] in "اآو" else "I")
        elif ch == "ه":
            out.append("E" if i == n - 1 and n > 2 else "H")
        else:
            out.append(_READING.get(ch, ""))
    return "".join(out)
