"""A seeded generator of realistic people of the region, for demo data and benchmarks.

>>> from sarhad.names.synthetic import generate_people
>>> p = next(generate_people(1, seed=7, nationalities={"AZE": 1}))
>>> p.nationality, p.latin_surname.isascii()
('AZE', True)

Each :class:`SyntheticPerson` carries the name in its original script (Azerbaijani Latin
with ə, Russian or Ukrainian or Kazakh Cyrillic, Persian script, Georgian, Armenian,
Turkish, German, French...) and in Latin as it stands in the passport's machine-readable
zone (upper-case ASCII, words separated by single spaces). Gender forms are correct:
Məmmədov/Məmmədova, Иванов/Иванова, Həsən oğlu/Həsən qızı, Сергеевич/Сергеевна.

The output depends only on ``n``, ``seed`` and ``nationalities``: the same call gives the
same people on every machine. It produces several hundred thousand people per second,
so a million-entry watchlist takes a few seconds.

Name frequencies come from :mod:`sarhad.names.namedata`; the Latin forms follow the
published transliteration tables in :mod:`sarhad.names.tables`.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

from . import namedata as D
from . import tables as T

__all__ = [
    "NATIONALITY_WEIGHTS",
    "SyntheticPerson",
    "generate_people",
    "az_surname",
    "ru_patronymic",
    "uk_patronymic",
    "latin_passport",
]

#: The default mix of nationalities (a border of the South Caucasus).
NATIONALITY_WEIGHTS: dict[str, float] = {
    "AZE": 40, "RUS": 15, "IRN": 10, "TUR": 8, "GEO": 5, "ARM": 2, "UKR": 4, "KAZ": 3,
    "DEU": 3, "GBR": 3, "USA": 3, "FRA": 2,
}

SCRIPTS = {
    "AZE": "Latn", "AZE_HOLDOUT": "Latn", "TUR": "Latn", "DEU": "Latn", "GBR": "Latn", "USA": "Latn",
    "FRA": "Latn", "RUS": "Cyrl", "UKR": "Cyrl", "KAZ": "Cyrl", "IRN": "Arab",
    "GEO": "Geor", "ARM": "Armn",
}


class SyntheticPerson(NamedTuple):
    """One generated person. ``native_*`` in the original script, ``latin_*`` as in the MRZ.

    ``given_id``, ``surname_id`` and ``father_id`` index the nationality's name tables
    (see :func:`name_tables`), so that other generators can find the other written forms
    of the same name (e.g. the Russian and Persian forms of an Azerbaijani name).
    """

    nationality: str
    sex: str
    native_surname: str
    native_given: str
    native_patronymic: str
    latin_surname: str
    latin_given: str
    latin_patronymic: str
    script: str
    given_id: int
    surname_id: int
    father_id: int

    @property
    def surname(self) -> str:
        return self.native_surname

    @property
    def given_names(self) -> str:
        return self.native_given

    @property
    def patronymic(self) -> str:
        return self.native_patronymic

    @property
    def native_full(self) -> str:
        """The name as the person's own documents order it."""
        if self.nationality in {"AZE", "RUS", "UKR", "KAZ"}:
            parts = (self.native_surname, self.native_given, self.native_patronymic)
        else:
            parts = (self.native_given, self.native_patronymic, self.native_surname)
        return " ".join(p for p in parts if p)

    @property
    def latin_full(self) -> str:
        """Given names then surname, as an MRZ reader would print them (no patronymic)."""
        return f"{self.latin_given} {self.latin_surname}"


# --- Latin forms as in passports ----------------------------------------------------------


def _fold_latin(text: str, german: bool = False) -> str:
    out = []
    for ch in text.upper() if not german else text.replace("ß", "SS").upper():
        if "A" <= ch <= "Z" or ch == " ":
            out.append(ch)
        elif ch in T.ICAO_LATIN:
            vals = T.ICAO_LATIN[ch]
            # German passports use AE/OE/UE; Turkish and Azerbaijani ones use the plain
            # vowel (ICAO allows both, the first listed is the German form). Azerbaijani
            # passports write Ə as A.
            out.append(vals[0] if german or len(vals) == 1 or ch == "Ə" else vals[-1])
        elif ch in "-‐":
            out.append(" ")
        # apostrophes and other punctuation are dropped (ICAO 9303 P3 §4.6)
    return " ".join("".join(out).split())


def _upper_tr(text: str) -> str:
    return text.replace("i", "İ").replace("ı", "I").upper()


def translit_cyrillic(text: str, table: Mapping[str, str], iotated_e: bool = False,
                      initial: Mapping[str, str] | None = None) -> str:
    """Transliterate Cyrillic ``text`` with ``table`` (upper-case keys)."""
    out = []
    prev = " "
    for ch in text.upper():
        if initial and prev in " -" and ch in initial:
            val = initial[ch]
        elif ch in table:
            val = table[ch]
            if iotated_e and ch == "Е" and (prev in " -" or prev in "АЕЁИОУЫЭЮЯЬЪ"):
                val = "YE"
        elif ch in T.KK_CYRILLIC:
            val = T.KK_CYRILLIC[ch]
        elif ch in "- ":
            val = " "
        elif "A" <= ch <= "Z":
            val = ch
        else:
            val = ""
        out.append(val)
        prev = ch
    return " ".join("".join(out).split())


def translit_georgian(text: str, table: Mapping[str, str] = T.GEORGIAN) -> str:
    return " ".join("".join(table.get(ch, " " if ch in " -" else "") for ch in text).split())


def translit_armenian(text: str) -> str:
    """Armenian passport romanization (ու=U, initial ե=YE, initial ո=VO, և=EV)."""
    out = []
    low = text.lower()
    i = 0
    at_start = True
    while i < len(low):
        ch = low[i]
        if low.startswith("ու", i):
            out.append("U")
            i += 2
            at_start = False
            continue
        if at_start and ch in T.ARMENIAN_INITIAL:
            out.append(T.ARMENIAN_INITIAL[ch])
        elif ch in T.ARMENIAN:
            out.append(T.ARMENIAN[ch])
        elif ch in " -":
            out.append(" ")
            at_start = True
            i += 1
            continue
        at_start = False
        i += 1
    return " ".join("".join(out).split())


def latin_passport(native: str, nationality: str) -> str:
    """The MRZ-ready Latin form of a name written in its ``nationality``'s usual script."""
    if nationality in {"RUS", "KAZ"}:
        return translit_cyrillic(native, T.ICAO_CYRILLIC)
    if nationality == "UKR":
        return translit_cyrillic(native, T.UK_NATIONAL, initial=T.UK_NATIONAL_INITIAL)
    if nationality == "GEO":
        return translit_georgian(native)
    if nationality == "ARM":
        return translit_armenian(native)
    if nationality in {"AZE", "TUR"}:
        return _fold_latin(_upper_tr(native))
    if nationality == "DEU":
        return _fold_latin(native, german=True)
    return _fold_latin(native)


# --- gender forms -------------------------------------------------------------------------

_AZ_BACK_VOWELS = set("aıouAIOU")
_AZ_VOWELS = set("aıoueəiöüAIOUEƏİÖÜ")


def az_surname(stem: str, ru_stem: str, kind: str, sex: str) -> tuple[str, str]:
    """Azerbaijani surname (Latin, Russian) from a stem and a suffix kind, in gender form."""
    fem = sex == "F"
    if kind == "ov":
        return stem + ("ova" if fem else "ov"), ru_stem + ("ова" if fem else "ов")
    if kind == "yev":
        return stem + ("yeva" if fem else "yev"), ru_stem + ("ева" if fem else "ев")
    if kind == "iyev":
        return stem + ("iyeva" if fem else "iyev"), ru_stem + ("иева" if fem else "иев")
    if kind == "li":
        last = [c for c in stem if c in _AZ_VOWELS][-1]
        return stem + ("lı" if last in _AZ_BACK_VOWELS else "li"), ru_stem + "лы"
    if kind == "zade":
        return stem + "zadə", ru_stem + "заде"
    raise ValueError(f"unknown Azerbaijani surname suffix kind {kind!r}")


def persian_az_surname(stem: str, kind: str, sex: str, variant: int = 0) -> str:
    """How an Azerbaijani surname is spelled in Persian script (Iranian press usage)."""
    fem = sex == "F"
    zwnj = "\u200c"
    if kind in {"ov", "yev", "iyev"}:
        if kind == "ov" and variant % 2 == 0:
            return stem + ("وا" if fem else "وف")
        return stem + zwnj + ("اوا" if fem else "اف")
    if kind == "li":
        return stem + "لی"
    return stem + zwnj + "زاده"


_RU_PATRONYMIC_IRREGULAR = {
    "Михаил": ("Михайлович", "Михайловна"), "Илья": ("Ильич", "Ильинична"),
    "Никита": ("Никитич", "Никитична"), "Павел": ("Павлович", "Павловна"),
    "Пётр": ("Петрович", "Петровна"), "Лев": ("Львович", "Львовна"),
    "Фёдор": ("Фёдорович", "Фёдоровна"), "Артём": ("Артёмович", "Артёмовна"),
    "Дмитрий": ("Дмитриевич", "Дмитриевна"), "Валерий": ("Валерьевич", "Валерьевна"),
}


def ru_patronymic(father: str, sex: str) -> str:
    """Russian patronymic from the father's given name (Сергей → Сергеевич/Сергеевна)."""
    fem = sex == "F"
    if father in _RU_PATRONYMIC_IRREGULAR:
        return _RU_PATRONYMIC_IRREGULAR[father][fem]
    if father.endswith("ий"):
        return father[:-2] + ("ьевна" if fem else "ьевич")
    if father.endswith(("ей", "ай")):
        return father[:-1] + ("евна" if fem else "евич")
    if father.endswith("ь"):
        return father[:-1] + ("евна" if fem else "евич")
    if father.endswith("а"):
        return father[:-1] + ("ична" if fem else "ич")
    return father + ("овна" if fem else "ович")


def uk_patronymic(father: str, sex: str) -> str:
    """Ukrainian patronymic (Сергій → Сергійович/Сергіївна, Петро → Петрович/Петрівна)."""
    fem = sex == "F"
    special = {"Микола": ("Миколайович", "Миколаївна"),
               "Михайло": ("Михайлович", "Михайлівна"), "Ігор": ("Ігорович", "Ігорівна")}
    if father in special:
        return special[father][fem]
    if father.endswith("ій"):
        return father[:-1] + ("ївна" if fem else "йович")
    if father.endswith("о"):
        return father[:-1] + ("івна" if fem else "ович")
    return father + ("івна" if fem else "ович")


def ru_surname(male: str, sex: str) -> str:
    """Russian surname in the gender form: Иванов/Иванова, Покровский/Покровская."""
    if sex != "F":
        return male
    if male.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return male + "а"
    if male.endswith(("ский", "цкий")):
        return male[:-2] + "ая"
    if male.endswith("ой"):
        return male[:-2] + "ая"
    return male  # -их, -ых, -ко and others do not change


# --- tables -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NameRecord:
    """One name of a table: forms per sex where they differ, and a weight."""

    native_m: str
    native_f: str
    latin_m: str
    latin_f: str
    weight: float
    russian_m: str = ""
    russian_f: str = ""
    persian_m: str = ""
    persian_f: str = ""
    extra: str = ""  # e.g. the Azerbaijani surname suffix kind


@dataclass(frozen=True, slots=True)
class NameTables:
    nationality: str
    male: tuple[NameRecord, ...]
    female: tuple[NameRecord, ...]
    surnames: tuple[NameRecord, ...]
    patronymic: str  # "az", "ru", "uk", or "" (none)


def _pairs(block: str) -> list[tuple[str, float]]:
    toks = block.split()
    return [(toks[i], float(toks[i + 1])) for i in range(0, len(toks), 2)]


def _rows(block: str) -> list[list[str]]:
    return [line.split("|") for line in block.strip().splitlines() if line.strip()]


def _simple(nat: str, block: str, invariant: bool = True) -> tuple[NameRecord, ...]:
    out = []
    for name, w in _pairs(block):
        if w <= 0:
            continue
        fem = name if invariant else ru_surname(name, "F")
        out.append(NameRecord(name, fem, latin_passport(name, nat),
                              latin_passport(fem, nat), w))
    return tuple(out)


def _az_tables(code: str, male: str, female: str, surnames: str) -> NameTables:
    az_m = tuple(NameRecord(lat, lat, latin_passport(lat, "AZE"), latin_passport(lat, "AZE"),
                            float(w), ru, ru, fa, fa)
                 for lat, ru, fa, w in _rows(male))
    az_f = tuple(NameRecord(lat, lat, latin_passport(lat, "AZE"), latin_passport(lat, "AZE"),
                            float(w), ru, ru, fa, fa)
                 for lat, ru, fa, w in _rows(female))
    az_s = []
    for stem, ru_stem, fa_stem, kind, w in _rows(surnames):
        if float(w) <= 0:
            continue
        m_lat, m_ru = az_surname(stem, ru_stem, kind, "M")
        f_lat, f_ru = az_surname(stem, ru_stem, kind, "F")
        az_s.append(NameRecord(m_lat, f_lat, latin_passport(m_lat, "AZE"),
                               latin_passport(f_lat, "AZE"), float(w), m_ru, f_ru,
                               fa_stem, fa_stem, kind))
    return NameTables(code, az_m, az_f, tuple(az_s), "az")


def _build_tables() -> dict[str, NameTables]:
    tabs: dict[str, NameTables] = {}
    # Azerbaijan, and the held-out Azerbaijani names used only by the evaluation
    tabs["AZE"] = _az_tables("AZE", D.AZ_MALE, D.AZ_FEMALE, D.AZ_SURNAMES)
    tabs["AZE_HOLDOUT"] = _az_tables("AZE_HOLDOUT", D.AZ_MALE_HOLDOUT, D.AZ_FEMALE_HOLDOUT,
                                     D.AZ_SURNAMES_HOLDOUT)
    # Russia, Ukraine, Kazakhstan
    tabs["RUS"] = NameTables("RUS", _simple("RUS", D.RU_MALE), _simple("RUS", D.RU_FEMALE),
                             _simple("RUS", D.RU_SURNAMES, invariant=False), "ru")
    tabs["UKR"] = NameTables("UKR", _simple("UKR", D.UA_MALE), _simple("UKR", D.UA_FEMALE),
                             _simple("UKR", D.UA_SURNAMES, invariant=False), "uk")
    tabs["KAZ"] = NameTables("KAZ", _simple("KAZ", D.KZ_MALE), _simple("KAZ", D.KZ_FEMALE),
                             _simple("KAZ", D.KZ_SURNAMES, invariant=False), "ru")
    # Iran
    def ir(block: str) -> tuple[NameRecord, ...]:
        return tuple(NameRecord(fa, fa, lat, lat, float(w), persian_m=fa, persian_f=fa)
                     for fa, lat, w in _rows(block))
    tabs["IRN"] = NameTables("IRN", ir(D.IR_MALE), ir(D.IR_FEMALE), ir(D.IR_SURNAMES), "")
    # Armenia
    def am(block: str) -> tuple[NameRecord, ...]:
        out = []
        for hy, ru, w in _rows(block):
            lat = latin_passport(hy, "ARM")
            out.append(NameRecord(hy, hy, lat, lat, float(w), ru, ru))
        return tuple(out)
    am_s = tuple(NameRecord(r.native_m, r.native_f, r.latin_m, r.latin_f, r.weight,
                            r.russian_m, ru_surname(r.russian_m, "F"))
                 for r in am(D.AM_SURNAMES))
    tabs["ARM"] = NameTables("ARM", am(D.AM_MALE), am(D.AM_FEMALE), am_s, "")
    for nat, m, f, s in (("TUR", D.TR_MALE, D.TR_FEMALE, D.TR_SURNAMES),
                         ("GEO", D.GE_MALE, D.GE_FEMALE, D.GE_SURNAMES),
                         ("DEU", D.DE_MALE, D.DE_FEMALE, D.DE_SURNAMES),
                         ("GBR", D.EN_MALE, D.EN_FEMALE, D.EN_SURNAMES),
                         ("USA", D.EN_MALE, D.EN_FEMALE, D.EN_SURNAMES),
                         ("FRA", D.FR_MALE, D.FR_FEMALE, D.FR_SURNAMES)):
        tabs[nat] = NameTables(nat, _simple(nat, m), _simple(nat, f), _simple(nat, s), "")
    return tabs


_TABLES: dict[str, NameTables] | None = None


def name_tables() -> dict[str, NameTables]:
    """The name tables per nationality (built once)."""
    global _TABLES
    if _TABLES is None:
        _TABLES = _build_tables()
    return _TABLES


def patronymic_forms(tabs: NameTables, father: NameRecord, sex: str) -> tuple[str, str]:
    """(native, latin) patronymic of a child of ``father``."""
    if tabs.patronymic == "az":
        word = "qızı" if sex == "F" else "oğlu"
        native = f"{father.native_m} {word}"
        return native, latin_passport(native, "AZE")
    if tabs.patronymic == "ru":
        native = ru_patronymic(father.native_m, sex)
        return native, latin_passport(native, tabs.nationality)
    if tabs.patronymic == "uk":
        native = uk_patronymic(father.native_m, sex)
        return native, latin_passport(native, "UKR")
    return "", ""


class _Sampler:
    """Precomputed cumulative weights and ready-made tuples for one nationality."""

    __slots__ = ("nat", "script", "cum_m", "cum_f", "cum_s", "tot_m", "tot_f", "tot_s",
                 "male", "female", "sur_m", "sur_f", "patr_m", "patr_f", "middle")

    def __init__(self, tabs: NameTables) -> None:
        self.nat = tabs.nationality
        self.script = SCRIPTS[self.nat]
        self.cum_m = list(accumulate(r.weight for r in tabs.male))
        self.cum_f = list(accumulate(r.weight for r in tabs.female))
        self.cum_s = list(accumulate(r.weight for r in tabs.surnames))
        self.tot_m, self.tot_f, self.tot_s = self.cum_m[-1], self.cum_f[-1], self.cum_s[-1]
        self.male = [(r.native_m, r.latin_m) for r in tabs.male]
        self.female = [(r.native_f, r.latin_f) for r in tabs.female]
        self.sur_m = [(r.native_m, r.latin_m) for r in tabs.surnames]
        self.sur_f = [(r.native_f, r.latin_f) for r in tabs.surnames]
        self.patr_m = [patronymic_forms(tabs, r, "M") for r in tabs.male]
        self.patr_f = [patronymic_forms(tabs, r, "F") for r in tabs.male]
        self.middle = self.nat in {"USA", "GBR"}


def generate_people(n: int, seed: int = 0,
                    nationalities: Mapping[str, float] | None = None
                    ) -> Iterator[SyntheticPerson]:
    """Yield ``n`` people, deterministic for a given ``seed`` and nationality mix.

    ``nationalities`` maps ISO 3166-1 alpha-3 codes to relative weights (default
    :data:`NATIONALITY_WEIGHTS`). About 5 % of people have no patronymic even where the
    culture uses one (documents that omit it); a share of British and American people
    carry a middle name.
    """
    mix = dict(nationalities or NATIONALITY_WEIGHTS)
    tabs = name_tables()
    unknown = set(mix) - set(tabs)
    if unknown:
        raise ValueError(f"no name tables for nationalities {sorted(unknown)}")
    nats = [k for k, w in mix.items() if w > 0]
    cum_n = list(accumulate(mix[k] for k in nats))
    tot_n = cum_n[-1]
    samplers = [_Sampler(tabs[k]) for k in nats]
    rnd = random.Random(seed).random
    make = SyntheticPerson
    for _ in range(n):
        s = samplers[bisect(cum_n, rnd() * tot_n)]
        female = rnd() < 0.5
        j = bisect(s.cum_s, rnd() * s.tot_s)
        k = bisect(s.cum_m, rnd() * s.tot_m)  # father
        if female:
            i = bisect(s.cum_f, rnd() * s.tot_f)
            g_native, g_latin = s.female[i]
            sn, sl = s.sur_f[j]
            pn, pl = s.patr_f[k]
        else:
            i = bisect(s.cum_m, rnd() * s.tot_m)
            g_native, g_latin = s.male[i]
            sn, sl = s.sur_m[j]
            pn, pl = s.patr_m[k]
        if pn and rnd() < 0.05:
            pn = pl = ""
        if s.middle and rnd() < 0.3:
            pool, cum, tot = (s.female, s.cum_f, s.tot_f) if female else (s.male, s.cum_m, s.tot_m)
            mn, ml = pool[bisect(cum, rnd() * tot)]
            if mn != g_native:
                g_native, g_latin = f"{g_native} {mn}", f"{g_latin} {ml}"
        yield make(s.nat, "F" if female else "M", sn, g_native, pn, sl, g_latin, pl,
                   s.script, i, j, k)
