"""Sound keys: what stays the same when one name is romanised by different systems.

>>> sound_key("MAMMADOV"), sound_key("MAMEDOV")
('MAMATUV', 'MAMATUV')
>>> sound_key("HUSEYNOV"), sound_key("GUSEINOV"), sound_key("HASANOV")
('KUSAINUV', 'KUSAINUV', 'KASANUV')
>>> sound_key("CAFAROV") == sound_key("DZHAFAROV") == sound_key("JAFAROV")
True
>>> skeleton("KUSAINUV")
'KSNV'

The key is built for the region's romanisation differences, not for English sound
changes (Soundex and Metaphone were made for English surnames and fold the wrong things,
e.g. they keep the Azerbaijani c / Russian дж / English j apart):

* digraphs of the different systems collapse: SHCH/SCH→S, DZH/DJ/ZH→J, KH→H, GH→G,
  SH→S, CH/TCH→C, TS/TC/CZ/TZ (ц) and DZ→C, PH→F, TH→T, W→V, OU/OO→U, EE→I;
* X is the Azerbaijani x (= kh) except after a vowel, where it is the Western ks;
* the guttural letters that the systems exchange — Azerbaijani h and q and Russian г/к/х
  (Hüseynov/Гусейнов, Quliyev/Кулиев, Rəhimov/Рагимов, Xəlilov/Халилов) — become K;
  the affricates c and j (Cəfərov/Джафаров/Jafarov, Ж) become J;
* vowels fold to three classes: A (a, e, ə — ə is written а or е in Russian forms),
  I (i, ı, y), U (o, u, ö, ü); a Russian softening i/y between a consonant and a vowel
  (Гюнель GIUNEL, Кямаля KIAMALIA, ICAO MARIIA) is dropped;
* d/t and b/p are not told apart (Murad/Murat, Mehdiyev/Мехтиев, Ələkbərov/Алекперов);
  a glide i/y between vowels or before the first vowel is dropped (Abdullayev/Abdullaev,
  Yelena/Elena), GOST's J for й before a consonant is read as Y (Lejla);
  doubled letters are written once.

The *skeleton* drops the vowels. It is what a Persian or Arabic spelling keeps, and the
blocking keys are built on it.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["sound_key", "sound_keys", "plain_key", "skeleton", "finish", "letter_key",
           "VOWELS"]

VOWELS = frozenset("AIU")
_DIGRAPHS = [
    ("SHCH", "S"), ("SHH", "S"), ("SCH", "S"), ("DZH", "J"), ("DSH", "J"), ("TCH", "C"),
    ("ZH", "J"), ("DJ", "J"), ("KH", "H"), ("GH", "G"), ("SH", "S"), ("CH", "C"),
    ("TC", "C"), ("TS", "C"), ("CZ", "C"), ("TZ", "C"), ("PH", "F"), ("TH", "T"),
    ("CK", "K"), ("OU", "U"), ("OO", "U"), ("EE", "I"), ("DZ", "C"),
]
_DIGRAPH_RE = re.compile("|".join(a for a, _ in _DIGRAPHS))
_DIGRAPH_MAP = dict(_DIGRAPHS)
_BASE = {"W": "V", "Y": "I", "O": "U", "G": "K", "Q": "K", "H": "K", "C": "J",
         "D": "T", "B": "P"}
_LETTERS_A = str.maketrans(dict(_BASE, E="A"))
_LETTERS_I = str.maketrans(dict(_BASE, E="I"))
_J_GLIDE = re.compile(r"(?<![DZ])J(?=[^AEIOUY])")  # GOST 7.79 writes й as J: LEJLA
_X_AFTER_VOWEL = re.compile(r"(?<=[AEIOU])X")
_SOFT_RE = re.compile(r"(?<=[^AIU])I(?=[AU])")  # Russian softening: GIUNEL, KIAMALIA
_GLIDE_RE = re.compile(r"(?<=[AIU])I(?=[AU])|^I(?=[AU])")  # ABDULLAYEV, YELENA
_DOUBLE_RE = re.compile(r"(.)\1+")
_YO_RE = re.compile(r"(?<=[^AEIOUY])YO")
_VELAR_E_RE = re.compile(r"(?<=^[KG])Y?E|(?<=^KH)Y?E")


def _prepare(latin: str, x_as_h: bool = False) -> str:
    s = latin
    if s.endswith("EH") and len(s) > 4:  # Persian final silent h: FATEMEH, ZADEH
        s = s[:-1]
    s = _J_GLIDE.sub("Y", s)
    s = _DIGRAPH_RE.sub(lambda m: _DIGRAPH_MAP[m.group(0)], s)
    if not x_as_h:
        s = _X_AFTER_VOWEL.sub("KS", s)
    return s.replace("X", "H")


def finish(key: str) -> str:
    """Collapse doubled letters and drop glides and softening signs of a key."""
    s = _DOUBLE_RE.sub(r"\1", key)
    s = _SOFT_RE.sub("", s)
    s = _GLIDE_RE.sub("", s)
    return _DOUBLE_RE.sub(r"\1", s)


@lru_cache(maxsize=200_000)
def sound_key(latin: str) -> str:
    """The sound key of an upper-case ASCII word (see the module docstring)."""
    return finish(_prepare(latin).translate(_LETTERS_A))


def letter_key(latin: str) -> str:
    """The key letters of one transliterated letter (no glide or softening rules)."""
    s = _DIGRAPH_RE.sub(lambda m: _DIGRAPH_MAP[m.group(0)], latin)
    return s.replace("X", "H").translate(_LETTERS_A)


@lru_cache(maxsize=200_000)
def sound_keys(latin: str) -> tuple[str, ...]:
    """The sound key first, then other readings of the same letters.

    For a word with E, a second key reads E as I.

    Persian kasra is written E in Iranian spellings and I in Azerbaijani, Arabic and
    Turkish ones (Mohsen/Muhsin, Kazem/Kazım, Elham/İlham), while the Azerbaijani ə is
    written E in Russian forms of the same names (Мамедов): E is either. Further
    readings: the German MRZ's UE/OE for ü/ö (HUESEYIN), the ICAO E for ё after an
    initial k/g (Кёнуль KENUL / Könül), GOST's final J for й, English YO for ё, GOST's X
    for х.
    """
    s = _prepare(latin)
    out = [finish(s.translate(_LETTERS_A))]
    if "E" in s:
        out.append(finish(s.translate(_LETTERS_I)))
    if s.endswith("J") and len(s) > 3:  # GOST final й: SERGEJ, NURAJ
        out.append(finish((s[:-1] + "Y").translate(_LETTERS_A)))
    if "UE" in s or "OE" in s:  # German MRZ ü, ö (HUESEYIN); not folded: Kazakh MERUERT
        out.append(finish(s.replace("UE", "U").replace("OE", "O").translate(_LETTERS_A)))
    if _VELAR_E_RE.search(s):  # Кёнуль: ICAO writes ё (for ö) as E: KENUL / Könül
        out.append(finish(_VELAR_E_RE.sub("O", s).translate(_LETTERS_A)))
    if _YO_RE.search(s):  # ё: ICAO writes E, English spellings YO (Vorobyov / Vorobev)
        out.append(finish(_YO_RE.sub("E", s).translate(_LETTERS_A)))
    if "KS" in s and "X" in latin:  # GOST 7.79 writes х as X: DOROXOV
        out.append(finish(_prepare(latin, x_as_h=True).translate(_LETTERS_A)))
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=200_000)
def plain_key(latin: str) -> str:
    """The sound key without the glide and softening rules: closer to what a script that
    writes glides shows (ALIYEV → ALIIAV → ALIAV, where the sound key has ALAV)."""
    return _DOUBLE_RE.sub(r"\1", _prepare(latin).translate(_LETTERS_A))


@lru_cache(maxsize=200_000)
def skeleton(key: str) -> str:
    """A sound key without its vowels (doubled consonants written once)."""
    return _DOUBLE_RE.sub(r"\1", "".join(c for c in key if c not in VOWELS))
