"""A labelled set of person-name pairs for measuring name matching.

Pairs are made from the synthetic population (:mod:`sarhad.names.synthetic`): a
*positive* pair writes one person twice, the way two real documents would; a *negative*
pair writes two different people who are easy to confuse. Nothing here calls the matcher:
the written forms come from the name data (the Russian and Persian forms of Azerbaijani
names as real documents have them) and from the published romanisation systems, applied
the way issuing offices apply them.

Written forms ("renderings") per nationality:

========== ==================================================================================
form       what it is
========== ==================================================================================
az-Latn    Azerbaijani Latin with ə, ı, ş... (Azerbaijani ID card, birth certificate)
mrz        the machine-readable zone: ``SURNAME<<GIVEN`` or its printed Latin line
az-Cyrl    the Azerbaijani Cyrillic alphabet of 1958–1991 (Soviet-era Azerbaijani documents)
ru-Cyrl    the Russian form (Мамедов, Гусейнов) of Soviet and Russian documents
ru-Latn    that Russian form romanised by a Russian system (ICAO, 1997 passport, BGN/PCGN,
           GOST 7.79 B, GOST 52535, English) — Russian-issued visas, old passports
en-Latn    the English press/foreign-document spelling (Jafarov, Khalilov, Aliev)
tr-Latn    the Turkish spelling of Azerbaijani names (Memmedov, Orhan, Kasımov)
fa-Arab    Persian script (محمدوف، علی)
ir-Latn    Iranian Latin spellings other than the passport's (HOSEIN, MUSAVI, REZAI)
ka-Geor    Georgian; hy-Armn Armenian; uk-Cyrl Ukrainian; kk-Cyrl Kazakh
de-Latn    German with umlauts; de-mrz the German MRZ form of Turkish names (OEZTUERK)
Latn       Western names as written
========== ==================================================================================

Variation inside a rendering: name order (surname first or last), the patronymic shown or
not (never in the MRZ or in Persian script), letter case, and the spelling habits of the
English press (Aliyev/Aliev, Mammadov/Mamadov, Huseyn/Husein) where they apply.

>>> pairs = labelled_pairs(200, seed=1)
>>> len(pairs), sum(p.match for p in pairs) > 100
(200, True)
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO

from rapidfuzz.distance import Levenshtein

from . import tables as T
from .synthetic import (
    NameTables,
    latin_passport,
    name_tables,
    persian_az_surname,
    ru_patronymic,
    translit_cyrillic,
    uk_patronymic,
)

__all__ = ["LabelledPair", "labelled_pairs", "keying_error_pairs", "write_csv", "FORMS"]


@dataclass(frozen=True, slots=True)
class LabelledPair:
    id: str
    query: str
    candidate: str
    match: bool
    script_pair: str
    category: str


#: The renderings available per nationality (first = the everyday one).
FORMS: dict[str, tuple[str, ...]] = {
    "AZE": ("az-Latn", "mrz", "ru-Cyrl", "ru-Latn", "en-Latn", "fa-Arab", "az-Cyrl",
            "tr-Latn"),
    "AZE_HOLDOUT": ("az-Latn", "mrz", "ru-Cyrl", "ru-Latn", "en-Latn", "fa-Arab", "az-Cyrl",
                    "tr-Latn"),
    "RUS": ("ru-Cyrl", "mrz", "ru-Latn"),
    "UKR": ("uk-Cyrl", "mrz"),
    "KAZ": ("kk-Cyrl", "mrz", "ru-Latn"),
    "IRN": ("fa-Arab", "mrz", "ir-Latn"),
    "TUR": ("tr-Latn", "mrz", "de-mrz"),
    "GEO": ("ka-Geor", "mrz"),
    "ARM": ("hy-Armn", "mrz", "ru-Cyrl"),
    "DEU": ("de-Latn", "mrz"),
    "GBR": ("Latn", "mrz"),
    "USA": ("Latn", "mrz"),
    "FRA": ("Latn", "mrz"),
}
#: Renderings that can carry a patronymic.
PATRONYMIC_FORMS = {"az-Latn", "az-Cyrl", "ru-Cyrl", "ru-Latn", "en-Latn", "uk-Cyrl",
                    "kk-Cyrl"}
#: The mix of nationalities in the evaluation set (the region's hard cases dominate).
EVAL_MIX = {"AZE": 55, "RUS": 10, "IRN": 9, "TUR": 5, "GEO": 5, "ARM": 5, "UKR": 3,
            "KAZ": 3, "DEU": 2, "GBR": 1, "USA": 1, "FRA": 1}

# --- Azerbaijani Latin into other writings --------------------------------------------------

_AZ_TO_CYR = {v.lower(): k.lower() for k, v in T.AZ_CYRILLIC_TO_LATIN.items() if v}
_AZ_TO_CYR.update({"i": "и", "ı": "ы", "y": "ј", "q": "г", "g": "ҝ"})


def az_to_cyrillic(word: str) -> str:
    """Azerbaijani Latin to the Azerbaijani Cyrillic alphabet (1958–1991)."""
    low = word.replace("İ", "i").replace("I", "ı").lower()
    out = "".join(_AZ_TO_CYR.get(c, c) for c in low)
    return out[:1].upper() + out[1:]


def az_to_english(word: str, rnd: random.Random) -> str:
    """The English spelling of an Azerbaijani word (as in foreign documents and press)."""
    low = word.replace("İ", "i").replace("I", "ı").lower()
    q = rnd.choice(("g", "g", "q"))
    gh = rnd.choice(("gh", "g"))
    table = {"ə": "a", "x": "kh", "c": "j", "ç": "ch", "ş": "sh", "ğ": gh, "q": q,
             "ü": "u", "ö": "o", "ı": "i", "j": "zh"}
    out = "".join(table.get(c, c) for c in low)
    if rnd.random() < 0.3:
        out = out.replace("iyev", "iev").replace("yev", "ev") if out.endswith(("yev", "yeva")) \
            else out
    if rnd.random() < 0.15:
        out = out.replace("mm", "m")
    if rnd.random() < 0.15:
        out = out.replace("ey", "ei")
    return out[:1].upper() + out[1:]


def az_to_turkish(word: str) -> str:
    """How Turkish writes an Azerbaijani name: ə→e, x→h, q→k (Memmedov, Orhan, Kasımov)."""
    table = {"ə": "e", "Ə": "E", "x": "h", "X": "H", "q": "k", "Q": "K"}
    return "".join(table.get(c, c) for c in word)


def _ir_variant(latin: str, rnd: random.Random) -> str:
    """Another Iranian spelling of a passport-Latin Persian name."""
    swaps = [("OU", "U"), ("OU", "OO"), ("EI", "EY"), ("SS", "S"), ("GH", "Q"),
             ("AEI", "AI"), ("MOHAM", "MUHAM"), ("HOSS", "HUS"), ("EE", "I"), ("DAVOOD", "DAVUD")]
    out = latin
    for a, b in swaps:
        if a in out and rnd.random() < 0.5:
            out = out.replace(a, b, 1)
    if out.endswith("EH") and rnd.random() < 0.5:  # FATEMEH / FATEME
        out = out[:-1]
    return out


def _case(text: str, rnd: random.Random) -> str:
    r = rnd.random()
    if r < 0.08:
        return text.lower()
    if r < 0.16:
        return text.upper()
    return text


# --- rendering a person ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Who:
    nat: str
    sex: str
    given: int
    surname: int
    father: int


def _parts(who: _Who, form: str, rnd: random.Random) -> tuple[str, str, str]:
    """(surname, given, patronymic) of ``who`` in the written ``form``."""
    tabs: NameTables = name_tables()[who.nat]
    fem = who.sex == "F"
    g = (tabs.female if fem else tabs.male)[who.given]
    s = tabs.surnames[who.surname]
    f = tabs.male[who.father]
    nat = who.nat
    if nat.startswith("AZE"):
        sur = s.native_f if fem else s.native_m
        word = "qızı" if fem else "oğlu"
        if form == "az-Latn":
            return sur, g.native_m, f"{f.native_m} {word}"
        if form == "mrz":
            return latin_passport(sur, "AZE"), g.latin_m, ""
        if form == "az-Cyrl":
            return (az_to_cyrillic(sur), az_to_cyrillic(g.native_m),
                    f"{az_to_cyrillic(f.native_m)} {az_to_cyrillic(word).lower()}")
        ru_s = s.russian_f if fem else s.russian_m
        ru_p = f"{f.russian_m} {'кызы' if fem else 'оглы'}"
        if form == "ru-Cyrl":
            return ru_s, g.russian_m, ru_p
        if form == "ru-Latn":
            system = rnd.choice(list(T.RUSSIAN_SYSTEMS))
            tr = lambda w: translit_cyrillic(w, T.RUSSIAN_SYSTEMS[system],  # noqa: E731
                                             iotated_e=system in T.RUSSIAN_IOTATED_E)
            return tr(ru_s), tr(g.russian_m), tr(ru_p)
        if form == "en-Latn":
            return (az_to_english(sur, rnd), az_to_english(g.native_m, rnd),
                    f"{az_to_english(f.native_m, rnd)} {'gizi' if fem else 'oglu'}")
        if form == "tr-Latn":
            return az_to_turkish(sur), az_to_turkish(g.native_m), ""
        if form == "fa-Arab":
            kind = {"iyev": "yev"}.get(s.extra, s.extra)
            return persian_az_surname(s.persian_m, kind, who.sex, rnd.randrange(2)), \
                g.persian_m, ""
    if nat in {"RUS", "UKR", "KAZ"}:
        sur = s.native_f if fem else s.native_m
        patr = (uk_patronymic if nat == "UKR" else ru_patronymic)(f.native_m, who.sex)
        if form in {"ru-Cyrl", "uk-Cyrl", "kk-Cyrl"}:
            return sur, g.native_m, patr
        if form == "mrz":
            return latin_passport(sur, nat), latin_passport(g.native_m, nat), ""
        if form == "ru-Latn":
            system = rnd.choice(list(T.RUSSIAN_SYSTEMS))
            tr = lambda w: translit_cyrillic(w, T.RUSSIAN_SYSTEMS[system],  # noqa: E731
                                             iotated_e=system in T.RUSSIAN_IOTATED_E)
            return tr(sur), tr(g.native_m), tr(patr)
    if nat == "IRN":
        if form == "fa-Arab":
            return s.native_m, g.native_m, ""
        if form == "mrz":
            return s.latin_m, g.latin_m, ""
        if form == "ir-Latn":
            return _ir_variant(s.latin_m, rnd), _ir_variant(g.latin_m, rnd), ""
    if nat == "TUR":
        if form == "tr-Latn":
            return s.native_m, g.native_m, ""
        if form == "mrz":
            return s.latin_m, g.latin_m, ""
        if form == "de-mrz":
            return latin_passport(s.native_m, "DEU"), latin_passport(g.native_m, "DEU"), ""
    if nat == "GEO":
        if form == "ka-Geor":
            return s.native_m, g.native_m, ""
        if form == "mrz":
            return s.latin_m, g.latin_m, ""
    if nat == "ARM":
        if form == "hy-Armn":
            return s.native_m, g.native_m, ""
        if form == "mrz":
            return s.latin_m, g.latin_m, ""
        if form == "ru-Cyrl":
            return (s.russian_f if fem else s.russian_m), g.russian_m, ""
    # Western
    sur = s.native_f if fem else s.native_m
    if form == "mrz":
        return s.latin_f if fem else s.latin_m, g.latin_m, ""
    return sur, g.native_m, ""


def render(who: _Who, form: str, rnd: random.Random, patronymic: bool | None = None) -> str:
    """One written form of a person's full name, with realistic order and case."""
    sur, given, patr = _parts(who, form, rnd)
    if form == "mrz":
        if rnd.random() < 0.4:
            return f"{sur}<<{given}".replace(" ", "<")
        return f"{sur} {given}" if rnd.random() < 0.7 else f"{given} {sur}"
    show = patronymic if patronymic is not None else rnd.random() < 0.6
    if show and patronymic is None and form in {"ru-Latn", "en-Latn"}:
        show = rnd.random() < 0.5
    if not show:
        patr = ""
    surname_first = rnd.random() < (0.6 if who.nat[:3] in {"AZE", "RUS", "UKR", "KAZ"} else 0.3)
    words = [sur, given, patr] if surname_first else [given, patr, sur]
    text = " ".join(w for w in words if w)
    if form.startswith(("ru-Latn", "en-Latn", "ir-Latn", "de-mrz")) and text.isupper():
        text = text.title() if rnd.random() < 0.5 else text
    if form.endswith("Latn") or form == "Latn":
        text = _case(text, rnd)
    return text


# --- pairs ----------------------------------------------------------------------------------


def _pick(rnd: random.Random, weights: dict[str, float]) -> str:
    keys = list(weights)
    return rnd.choices(keys, weights=[weights[k] for k in keys])[0]


def _random_who(rnd: random.Random, nat: str) -> _Who:
    tabs = name_tables()[nat]
    sex = "F" if rnd.random() < 0.5 else "M"
    pool = tabs.female if sex == "F" else tabs.male
    gi = rnd.choices(range(len(pool)), weights=[r.weight for r in pool])[0]
    si = rnd.choices(range(len(tabs.surnames)), weights=[r.weight for r in tabs.surnames])[0]
    fi = rnd.choices(range(len(tabs.male)), weights=[r.weight for r in tabs.male])[0]
    return _Who(nat, sex, gi, si, fi)


def _closest(rnd: random.Random, latin: list[str], i: int, hard: bool) -> int:
    others = [j for j in range(len(latin)) if j != i]
    if not hard:
        return rnd.choice(others)
    scored = sorted(others, key=lambda j: -Levenshtein.normalized_similarity(latin[i], latin[j]))
    return rnd.choice(scored[:3])


def _form_pair(rnd: random.Random, nat: str) -> tuple[str, str]:
    forms = FORMS[nat]
    a = rnd.choice(forms)
    b = rnd.choice(forms)
    return a, b


def _negative(rnd: random.Random, nat: str) -> tuple[_Who, _Who, str] | None:
    tabs = name_tables()[nat]
    who = _random_who(rnd, nat)
    pool = tabs.female if who.sex == "F" else tabs.male
    kinds = ["same_surname", "similar_surname", "siblings", "gender_forms", "father_son"]
    if nat == "AZE":
        kinds += ["huseynov_hasanov", "different_father"]
    elif nat == "AZE_HOLDOUT":
        kinds += ["different_father"]
    kind = rnd.choice(kinds)
    if kind == "same_surname":
        gi = _closest(rnd, [r.latin_m for r in pool], who.given, rnd.random() < 0.5)
        return who, _Who(nat, who.sex, gi, who.surname, rnd.randrange(len(tabs.male))), kind
    if kind == "similar_surname":
        si = _closest(rnd, [r.latin_m for r in tabs.surnames], who.surname, True)
        if tabs.surnames[si].latin_m == tabs.surnames[who.surname].latin_m:
            return None
        return who, _Who(nat, who.sex, who.given, si, who.father), kind
    if kind == "huseynov_hasanov":
        names = [r.native_m for r in tabs.surnames]
        a, b = names.index("Hüseynov"), names.index("Həsənov")
        if rnd.random() < 0.5:
            a, b = b, a
        return _Who(nat, who.sex, who.given, a, who.father), \
            _Who(nat, who.sex, who.given, b, who.father), kind
    if kind == "siblings":
        sex = rnd.choice("MF")
        pool2 = tabs.female if sex == "F" else tabs.male
        gi = rnd.randrange(len(pool2))
        if sex == who.sex and gi == who.given:
            return None
        return who, _Who(nat, sex, gi, who.surname, who.father), kind
    if kind == "gender_forms":
        # a brother and a sister whose given names look alike (Samir / Samirə)
        male = [r.latin_m for r in tabs.male]
        fem = [r.latin_m for r in tabs.female]
        mi = rnd.randrange(len(male))
        fi = max(range(len(fem)), key=lambda j: Levenshtein.normalized_similarity(male[mi], fem[j]))
        if Levenshtein.normalized_similarity(male[mi], fem[fi]) < 0.6:
            fi = rnd.randrange(len(fem))
        return _Who(nat, "M", mi, who.surname, who.father), \
            _Who(nat, "F", fi, who.surname, who.father), kind
    if kind == "father_son":
        if who.sex != "M" or tabs.patronymic == "":
            return None
        father = _Who(nat, "M", who.father, who.surname, rnd.randrange(len(tabs.male)))
        if father.given == who.given:
            return None
        return who, father, kind
    if kind == "different_father":
        fi = _closest(rnd, [r.latin_m for r in tabs.male], who.father, False)
        return who, _Who(nat, who.sex, who.given, who.surname, fi), kind
    return None


def labelled_pairs(n: int = 4000, seed: int = 0, negative_share: float = 0.4,
                   holdout: bool = False) -> list[LabelledPair]:
    """``n`` labelled pairs: positives across all renderings, hard negatives.

    ``holdout=True`` draws only Azerbaijani people from the held-out name inventory
    (names the matching rules were not tuned on; see ``namedata.AZ_MALE_HOLDOUT``).
    """
    rnd = random.Random(seed)
    mix = {"AZE_HOLDOUT": 1} if holdout else EVAL_MIX
    out: list[LabelledPair] = []
    n_neg = int(n * negative_share)
    n_pos = n - n_neg
    while len(out) < n_pos:
        nat = _pick(rnd, mix)
        who = _random_who(rnd, nat)
        fa, fb = _form_pair(rnd, nat)
        qa = render(who, fa, rnd)
        qb = render(who, fb, rnd)
        if fa == fb and qa == qb:
            continue
        cat = "same_form" if fa == fb else "cross_form"
        out.append(LabelledPair(f"p{len(out):05d}", qa, qb, True, "~".join(sorted((fa, fb))),
                                cat))
    negs = 0
    while negs < n_neg:
        nat = _pick(rnd, mix)
        made = _negative(rnd, nat)
        if made is None:
            continue
        a, b, kind = made
        fa, fb = _form_pair(rnd, nat)
        show = kind in {"father_son", "siblings"} and rnd.random() < 0.8
        if kind == "different_father":
            # only a difference where both documents show the father's name
            capable = [f for f in FORMS[nat] if f in PATRONYMIC_FORMS]
            fa, fb = rnd.choice(capable), rnd.choice(capable)
            show = True
        qa = render(a, fa, rnd, patronymic=show if show else None)
        qb = render(b, fb, rnd, patronymic=show if show else None)
        if kind == "father_son" and rnd.random() < 0.5:
            qb = render(b, fb, rnd, patronymic=False)
        out.append(LabelledPair(f"n{negs:05d}", qa, qb, False, "~".join(sorted((fa, fb))),
                                kind))
        negs += 1
    rnd.shuffle(out)
    return out


def keying_error(text: str, rnd: random.Random) -> str:
    """One keying error in one word of five letters or more: a letter left out, typed
    twice, or two neighbours swapped (never the first letter)."""
    words = text.split(" ")
    long_words = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not long_words:
        return text
    i = rnd.choice(long_words)
    w = words[i]
    k = rnd.randrange(1, len(w) - 1)
    kind = rnd.randrange(3)
    if kind == 0:
        w = w[:k] + w[k + 1:]
    elif kind == 1:
        w = w[:k] + w[k] + w[k:]
    else:
        w = w[:k] + w[k + 1] + w[k] + w[k + 2:]
    words[i] = w
    return " ".join(words)


def keying_error_pairs(n: int = 1000, seed: int = 0) -> list[LabelledPair]:
    """Positive pairs where one side also carries one keying error (a robustness check
    beyond what documents do: data entry and OCR)."""
    rnd = random.Random(seed)
    out: list[LabelledPair] = []
    while len(out) < n:
        nat = _pick(rnd, EVAL_MIX)
        who = _random_who(rnd, nat)
        fa, fb = _form_pair(rnd, nat)
        qa = render(who, fa, rnd)
        qb = keying_error(render(who, fb, rnd), rnd)
        out.append(LabelledPair(f"k{len(out):05d}", qa, qb, True, "~".join(sorted((fa, fb))),
                                "keying_error"))
    return out


def write_csv(pairs: Iterable[LabelledPair], out: IO[str], labels: bool = True) -> None:
    """CSV with the header ``id,query,candidate`` (plus ``match,script_pair,category``)."""
    w = csv.writer(out)
    head = ["id", "query", "candidate"] + (["match", "script_pair", "category"] if labels else [])
    w.writerow(head)
    for p in pairs:
        row = [p.id, p.query, p.candidate]
        if labels:
            row += [int(p.match), p.script_pair, p.category]
        w.writerow(row)
