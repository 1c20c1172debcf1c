"""Names from the visual zone to the MRZ: ICAO 9303 Part 3 transliteration and truncation.

The MRZ only has ``A``-``Z`` and the filler ``<``. Doc 9303 Part 3 section 6 gives the
tables used here: Table A for Latin letters with diacritics, Table B for Cyrillic (with
the exceptions of some languages) and Table C for Arabic script. Punctuation follows
section 4.6: an apostrophe is dropped without a filler, a hyphen becomes ``<``, a comma
that separates the primary from the secondary identifier becomes ``<<`` (any other comma
``<``), other punctuation and digits are dropped.

Where Table A lets the issuer choose (Ä, Å, Ö, Ü, Ñ), the choice is a parameter with
per-language defaults. Azerbaijani Cyrillic goes through the Azerbaijani Latin alphabet
first (BGN/PCGN 1993 table), then Table A.

Sources: https://www.icao.int/publications/Documents/9303_p3_cons_en.pdf (sections 4.6
and 6); BGN/PCGN Azerbaijani romanization (1993),
https://assets.publishing.service.gov.uk/government/uploads/system/uploads/attachment_data/file/816656/TABLE_OF_CORRESPONDENCES_FOR_AZERBAIJANI.pdf.
Choices not confirmed by a primary text are listed in docs/decisions/0302-mrz-names.md.

>>> transliterate_name("Əliyev")
'ALIYEV'
>>> transliterate_name("O'Connor-Smith, Seán")
'OCONNOR<SMITH<<SEAN'
>>> transliterate_name("Müller", lang="az"), transliterate_name("Müller")
('MULLER', 'MUELLER')
>>> transliterate_name("Юлія Тимошенко", lang="uk")
'YULIIA<TYMOSHENKO'
>>> transliterate_name("Ҝүлнарә Һәсәнова", lang="az")
'GULNARA<HASANOVA'
>>> mrz_name("محمود", "عبدالرحيم", 39).rstrip("<")
'MXHMWD<<EBDALRXHYM'
>>> mrz_name("Nilavadhanananda", "Chayapa Dejthamrong Krasuang", 39)
'NILAVADHANANANDA<<CHAYAPA<DEJTHAMRONG<K'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from functools import lru_cache

__all__ = [
    "CHOICES",
    "LANGUAGES",
    "TransliterationError",
    "mrz_name",
    "transliterate_name",
    "truncate_name",
]


class TransliterationError(ValueError):
    """A character with no ICAO 9303 transliteration (e.g. Georgian or Chinese script)."""


# --- Table A (Latin) -------------------------------------------------------------------

_TABLE_A_GROUPS = {
    "A": "ÀÁÂÃĀĂĄ",
    "AE": "Æ",
    "C": "ÇĆĈĊČ",
    "D": "ÐĎĐ",
    "E": "ÈÉÊËĒĔĖĘĚ",
    "G": "ĜĞĠĢ",
    "H": "ĤĦ",
    "I": "ÌÍÎÏĨĪĬĮİı",
    "IJ": "Ĳ",
    "J": "Ĵ",
    "K": "Ķ",
    "L": "ĹĻĽĿŁ",
    "N": "ŃŅŇŊ",
    "O": "ÒÓÔÕŌŎŐ",
    "OE": "ØŒ",
    "R": "ŔŖŘ",
    "S": "ŚŜŞŠ",
    "T": "ŢŤŦ",
    "U": "ÙÚÛŨŪŬŮŰŲ",
    "W": "Ŵ",
    "Y": "ÝŶŸ",
    "Z": "ŹŻŽ",
    "TH": "Þ",
    "SS": "ẞß",
}
TABLE_A: dict[str, str] = {c: mrz for mrz, chars in _TABLE_A_GROUPS.items() for c in chars}
# Azerbaijani schwa: not in Table A; Azerbaijani documents write A (unconfirmed, see
# docs/decisions/0302-mrz-names.md).
TABLE_A["Ə"] = "A"

#: Letters for which Table A lets the issuer choose, with the allowed values.
CHOICES: dict[str, tuple[str, ...]] = {
    "Ä": ("AE", "A"),
    "Å": ("AA", "A"),
    "Ö": ("OE", "O"),
    "Ü": ("UE", "UXX", "U"),
    "Ñ": ("N", "NXX"),
}

_DEFAULT_CHOICES = {letter: options[0] for letter, options in CHOICES.items()}
_LANGUAGE_CHOICES: dict[str, dict[str, str]] = {
    "az": {"Ö": "O", "Ü": "U", "Ä": "A"},
    "tr": {"Ö": "O", "Ü": "U", "Ä": "A"},
    "de": {},
}

# --- Table B (Cyrillic) ----------------------------------------------------------------

TABLE_B: dict[str, str] = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E", "Ё": "E", "Ж": "ZH",
    "З": "Z", "И": "I", "І": "I", "Й": "I", "К": "K", "Л": "L", "М": "M", "Н": "N",
    "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T", "У": "U", "Ф": "F", "Х": "KH",
    "Ц": "TS", "Ч": "CH", "Ш": "SH", "Щ": "SHCH", "Ъ": "IE", "Ы": "Y", "Ь": "",
    "Э": "E", "Ю": "IU", "Я": "IA", "Є": "IE", "Ї": "I", "\u0402": "D", "Ѓ": "G",
    "Ѕ": "DZ", "Ј": "J", "Љ": "LJ", "Њ": "NJ", "Ќ": "K", "Ў": "U", "Џ": "DZ", "Ґ": "G",
    "Ғ": "G", "Ѫ": "U", "Ѵ": "Y", "\u04ba": "C",
    # Not in Table B; the letter's Serbian Latin form, so Serbian names do not fail.
    "\u040b": "C",
}

_LANGUAGE_CYRILLIC: dict[str, dict[str, str]] = {
    "be": {"Ё": "IO", "Г": "H"},
    # The printed table gives Г -> H for Serbian, which the Serbian Latin alphabet
    # contradicts (Г is G); we keep G. See docs/decisions/0302-mrz-names.md.
    "sr": {"Ж": "Z", "Х": "H", "Ц": "C", "Ч": "C", "Ш": "S"},
    "uk": {"Г": "H", "И": "Y"},
    "bg": {"Щ": "SHT"},
    "mk": {"Ќ": "KJ", "Џ": "DJ", "Ѓ": "GJ", "Ғ": "GJ", "Х": "H", "Ц": "C"},
    "ru": {},
}
# Ukrainian letters written differently at the start of a name component.
_UKRAINIAN_INITIAL = {"Є": "YE", "Ї": "YI", "Й": "Y", "Ю": "YU", "Я": "YA"}

# Azerbaijani Cyrillic -> Azerbaijani Latin (BGN/PCGN 1993), applied before Table A.
AZERBAIJANI_CYRILLIC: dict[str, str] = {
    "А": "A", "Б": "B", "В": "V", "Г": "Q", "Ғ": "Ğ", "Д": "D", "Е": "E", "Ә": "Ə",
    "Ж": "J", "З": "Z", "И": "I", "Ы": "I", "Ј": "Y", "К": "K", "Ҝ": "G", "Л": "L",
    "М": "M", "Н": "N", "О": "O", "Ө": "Ö", "П": "P", "Р": "R", "С": "S", "Т": "T",
    "У": "U", "Ү": "Ü", "Ф": "F", "Х": "X", "Һ": "H", "Ч": "Ç", "Ҹ": "C", "Ш": "Ş",
}

# --- Table C (Arabic script) -----------------------------------------------------------

TABLE_C: dict[str, str] = {
    "\u0621": "XE", "\u0622": "XAA", "\u0623": "XAE", "\u0624": "U", "\u0625": "I",
    "\u0626": "XI", "\u0627": "A", "\u0628": "B", "\u0629": "XTA", "\u062a": "T",
    "\u062b": "XTH", "\u062c": "J", "\u062d": "XH", "\u062e": "XKH", "\u062f": "D",
    "\u0630": "XDH", "\u0631": "R", "\u0632": "Z", "\u0633": "S", "\u0634": "XSH",
    "\u0635": "XSS", "\u0636": "XDZ", "\u0637": "XTT", "\u0638": "XZZ", "\u0639": "E",
    "\u063a": "G", "\u0641": "F", "\u0642": "Q", "\u0643": "K", "\u0644": "L",
    "\u0645": "M", "\u0646": "N", "\u0647": "H", "\u0648": "W", "\u0649": "XAY",
    "\u064a": "Y",
    # National letters (Persian, Urdu, Pashto, ...).
    "\u0671": "XXA", "\u0679": "XXT", "\u067c": "XRT", "\u067e": "P", "\u0681": "XKE",
    "\u0685": "XXH", "\u0686": "XC", "\u0688": "XXD", "\u0689": "XDR", "\u0691": "XXR",
    "\u0693": "XRR", "\u0696": "XRX", "\u0698": "XJ", "\u069a": "XXS", "\u06a9": "XKK",
    "\u06ab": "XXK", "\u06ad": "XNG", "\u06af": "XGG", "\u06ba": "XNN", "\u06bc": "XXN",
    "\u06be": "XDO", "\u06c0": "XYH", "\u06c1": "XXG", "\u06c2": "XGE", "\u06c3": "XTG",
    "\u06cc": "XYA", "\u06cd": "XXY", "\u06d0": "Y", "\u06d2": "XYB", "\u06d3": "XBE",
}
_TEH_MARBUTA = "\u0629"
_SHADDA = "\u0651"
# Harakat, tatweel, superscript alef and joiners: not written in the MRZ.
_ARABIC_SILENT = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0652\u0670\u0640\u200c\u200d")

# --- punctuation -----------------------------------------------------------------------

_SEPARATORS = frozenset(" \t\u00a0-\u2010\u2011\u2012\u2013\u2014\u2015<")
_APOSTROPHES = frozenset("'\u2019\u2018\u02bc\u02bb`\u00b4")
_COMMAS = frozenset(",\u060c")

LANGUAGES = frozenset({"az", "tr", "de", "ru", "uk", "be", "bg", "mk", "sr", "ar", "fa"})


def _fallback(char: str) -> str | None:
    """A Latin letter with marks not listed in Table A (e.g. Romanian Ș): its base letter."""
    base = "".join(
        c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return base if base.isascii() and base.isalpha() else None


def _tables(lang: str | None, choices: Mapping[str, str] | None) -> dict[str, str]:
    key = tuple(sorted((k.upper(), v) for k, v in choices.items())) if choices else ()
    return _build_tables(lang, key)


@lru_cache(maxsize=64)
def _build_tables(lang: str | None, choices: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """The character table for a language and issuer choices (built once, then cached)."""
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; known: {', '.join(sorted(LANGUAGES))}")
    table = dict(TABLE_A)
    chosen = dict(_DEFAULT_CHOICES)
    chosen.update(_LANGUAGE_CHOICES.get(lang or "", {}))
    for letter, value in choices:
        if letter not in CHOICES or value not in CHOICES[letter]:
            allowed = "; ".join(f"{k}: {'/'.join(v)}" for k, v in CHOICES.items())
            raise ValueError(f"invalid choice {letter}={value!r}; allowed: {allowed}")
        chosen[letter] = value
    table.update(chosen)
    table.update(TABLE_B)
    table.update(_LANGUAGE_CYRILLIC.get(lang or "", {}))
    table.update(TABLE_C)
    return table


def _components(text: str, lang: str | None, choices: Mapping[str, str] | None,
                comma_splits: bool) -> tuple[list[str], int | None]:
    """Transliterate *text* into MRZ name components.

    Returns the components and, when a comma separated primary and secondary
    identifiers, the index of the first secondary component.
    """
    table = _tables(lang, choices)
    text = unicodedata.normalize("NFC", text).upper()
    if lang == "az":
        text = "".join(AZERBAIJANI_CYRILLIC.get(c, c) for c in text)
    components: list[str] = []
    current: list[str] = []
    split_at: int | None = None
    last = ""

    def close() -> None:
        word = "".join(current)
        if word:  # letters that write nothing (Ь) leave no empty component
            components.append(word)
        current.clear()

    n = len(text)
    for i, char in enumerate(text):
        if "A" <= char <= "Z":
            last = char
            current.append(char)
            continue
        if char in _SEPARATORS:
            close()
            continue
        if char in _COMMAS:
            close()
            if comma_splits and split_at is None:
                split_at = len(components)
            continue
        if char in _APOSTROPHES or char in _ARABIC_SILENT:
            continue
        if char == _SHADDA:
            current.append(last)
            continue
        if lang == "uk" and not current and char in _UKRAINIAN_INITIAL:
            mapped = _UKRAINIAN_INITIAL[char]
        elif char == _TEH_MARBUTA:
            j = i + 1
            while j < n and text[j] in _ARABIC_SILENT:
                j += 1
            at_end = j == n or text[j] in _SEPARATORS or text[j] in _COMMAS
            mapped = "XAH" if at_end else "XTA"
        else:
            mapped = table.get(char)
            if mapped is None:
                category = unicodedata.category(char)
                if category[0] != "L":
                    # Digits, punctuation, symbols: dropped without a filler.
                    continue
                mapped = _fallback(char)
                if mapped is None:
                    hint = " (Azerbaijani Cyrillic: use lang='az')" if (
                        char in AZERBAIJANI_CYRILLIC and lang != "az") else ""
                    raise TransliterationError(
                        f"no ICAO 9303 transliteration for {char!r} "
                        f"({unicodedata.name(char, 'unknown')}){hint}")
        last = mapped
        current.append(mapped)
    close()
    return components, split_at


def transliterate_name(text: str, lang: str | None = None, *,
                       choices: Mapping[str, str] | None = None) -> str:
    """Transliterate a name into MRZ characters (no padding, no truncation).

    Components are joined by ``<``; a comma between the primary and the secondary
    identifier (``"SMITH, JOHN"``) becomes ``<<``. *lang* picks a language's exceptions
    (``az``, ``tr``, ``de``, ``ru``, ``uk``, ``be``, ``bg``, ``mk``, ``sr``, ``ar``,
    ``fa``); *choices* overrides the issuer's choices of Table A, e.g. ``{"Ü": "UXX"}``.
    """
    components, split_at = _components(text, lang, choices, comma_splits=True)
    if split_at is None:
        return "<".join(components)
    return "<".join(components[:split_at]) + "<<" + "<".join(components[split_at:])


def truncate_name(primary: str, secondary: str, length: int) -> str:
    """Lay out MRZ name components in a field of *length*, truncating per ICAO.

    *primary* and *secondary* are already MRZ text (components joined by ``<``). When
    the name is too long, the secondary identifier is cut first; when the primary
    identifier alone leaves no room for ``<<`` and one letter of the secondary one, it
    is cut too. A truncated field ends with a letter, which is how a reader knows it
    was possibly truncated (Part 3, section 4.6).

    >>> truncate_name("PAPANDROPOULOUS", "JONATHON<WARREN<TREVOR", 39)
    'PAPANDROPOULOUS<<JONATHON<WARREN<TREVOR'
    >>> truncate_name("ABCDEFGHIJ", "KLM<NOPQR", 16)
    'ABCDEFGHIJ<<KL<N'
    >>> truncate_name("ABCDEFGHIJKLMNOPQRSTU", "JOHN", 16)
    'ABCDEFGHIJKLM<<J'
    """
    full = f"{primary}<<{secondary}" if secondary else primary
    if len(full) <= length:
        return full.ljust(length, "<")
    if secondary and len(primary) + 3 > length:
        primary = primary[:length - 3].rstrip("<")
        full = f"{primary}<<{secondary}"
    cut = full[:length]
    if cut[-1] == "<":
        # The cut fell on a separator: take the next component's first letter and
        # shorten the component before it by one, so the field still ends with a letter.
        following = full[length]
        if following != "<" and length >= 3 and cut[-2] != "<" and cut[-3] != "<":
            cut = cut[:-2] + "<" + following
        else:
            cut = cut.rstrip("<").ljust(length, "<")
    return cut


def mrz_name(surname: str, given_names: str = "", length: int = 39,
             lang: str | None = None, *, choices: Mapping[str, str] | None = None) -> str:
    """The MRZ name field (exactly *length* characters) for a surname and given names.

    Lengths: 39 for TD3 and MRV-A, 31 for TD2 and MRV-B, 30 for TD1.
    """
    primary, _ = _components(surname, lang, choices, comma_splits=False)
    secondary, _ = _components(given_names, lang, choices, comma_splits=False)
    if not primary and not secondary:
        raise TransliterationError("empty name")
    if not primary:
        # Only one identifier: ICAO writes it as the primary identifier.
        primary, secondary = secondary, []
    return truncate_name("<".join(primary), "<".join(secondary), length)
