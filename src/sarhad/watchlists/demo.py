"""Demo watchlists: a national entry-ban list, a wanted-persons list and lost or stolen
documents, synthetic but shaped like the real ones.

The ban list holds a few hundred generated people, written as a list kept since Soviet
times would write them (Azerbaijani names in Russian Cyrillic, surname first), plus one
entry for each demo traveller passed in, written in another script or spelling than
their passport, so the border desk shows a real cross-script hit with its explanation.
Generated entries that would stop one of the demo queue's other travellers are left
out, so the clean scenarios stay clean. Running it again changes nothing.
"""

from __future__ import annotations

import random
from datetime import date

from sarhad.accounts.actor import Actor

from .importers import ParsedRow
from .models import ListKind, Watchlist
from .values import EntryData

BAN_LIST = "National entry bans"
WANTED_LIST = "Wanted persons"
LOST_LIST = "Lost and stolen documents"

#: Passport numbers reported lost or stolen in the demo (number, issuing state).
LOST_DOCUMENTS = [
    ("C09988776", "AZE"), ("C00011223", "AZE"), ("C05544332", "AZE"),
    ("753214698", "RUS"), ("12AB34567", "GEO"), ("U12345678", "TUR"), ("C7L9K2M41", "D"),
]
SYNTHETIC_BANS = 300
SYNTHETIC_WANTED = 40

_REASONS = [
    "Deported in {year}; entry ban for five years",
    "Court order: entry prohibited until further notice",
    "Overstayed and left without paying the fine ({year})",
    "Forged residence permit presented at the border in {year}",
    "Smuggling conviction ({year})",
]


def _lookup(value: str):
    """The name-table record of an Azerbaijani name, by its Latin or native form."""
    from sarhad.names.synthetic import name_tables

    key = value.strip().casefold()
    if not key:
        return None, ""
    tables = name_tables()["AZE"]
    for records in (tables.surnames, tables.male, tables.female):
        for record in records:
            for sex, native, latin in (("M", record.native_m, record.latin_m), ("F", record.native_f, record.latin_f)):
                if key in (native.casefold(), latin.casefold()):
                    return record, sex
    return None, ""


def other_script_forms(person) -> tuple[str, list[str]]:
    """``(name, aliases)`` for a listed person, written unlike their passport.

    Azerbaijani names are written in Soviet-era Russian Cyrillic (Məmmədov → Мамедов),
    with the Persian-script form as an alias; other names in their own script, or, if
    that is Latin too, surname first.
    """
    from sarhad.names.synthetic import persian_az_surname

    surname_record, surname_sex = _lookup(person.surname_native or person.surname)
    given = (person.given_names_native or person.given_names).split()
    given_record, _ = _lookup(given[0]) if given else (None, "")
    if surname_record is not None and surname_record.russian_m:
        female = surname_sex == "F" or person.sex == "F"
        russian = [surname_record.russian_f if female else surname_record.russian_m]
        persian = []
        if given_record is not None and given_record.russian_m:
            russian.append(given_record.russian_f if female else given_record.russian_m)
            persian.append(given_record.persian_f if female else given_record.persian_m)
        if surname_record.persian_m and surname_record.extra:
            persian.append(persian_az_surname(surname_record.persian_m, surname_record.extra,
                                              "F" if female else "M"))
        aliases = [" ".join(persian)] if len(persian) == 2 else []
        return " ".join(russian), aliases
    native = person.native_name
    if native and native.casefold() != person.full_name.casefold():
        return native, []
    return f"{person.surname} {person.given_names}".strip(), []


def _birth(person) -> tuple[str, ...]:
    if not person.birth_year:
        return ()
    if person.birth_month and person.birth_day:
        return (f"{person.birth_year:04d}-{person.birth_month:02d}-{person.birth_day:02d}",)
    if person.birth_month:
        return (f"{person.birth_year:04d}-{person.birth_month:02d}",)
    return (str(person.birth_year),)


def _soviet_form(person) -> str:
    """An Azerbaijani name as a Soviet-era Russian register writes it: Мамедов Али Гасан оглы."""
    from sarhad.names.synthetic import name_tables

    if person.nationality != "AZE":
        return ""
    tables = name_tables()["AZE"]
    female = person.sex == "F"
    surname = tables.surnames[person.surname_id]
    given = (tables.female if female else tables.male)[person.given_id]
    father = tables.male[person.father_id]
    parts = [surname.russian_f if female else surname.russian_m, given.russian_f if female else given.russian_m]
    if person.native_patronymic and father.russian_m:
        parts.append(f"{father.russian_m} {'кызы' if female else 'оглы'}")
    return " ".join(p for p in parts if p)


def _synthetic_rows(prefix: str, count: int, seed: int, avoid) -> list[ParsedRow]:
    from sarhad.names.synthetic import generate_people

    rng = random.Random(seed)
    rows = []
    for number, person in enumerate(generate_people(count * 2, seed), 1):
        if len(rows) >= count:
            break
        born = date(rng.randrange(1950, 2004), rng.randrange(1, 13), rng.randrange(1, 29))
        year = rng.randrange(2012, 2026)
        names, aliases = (person.native_full,), (person.latin_full,)
        soviet = _soviet_form(person)
        if soviet and rng.random() < 0.7:
            names, aliases = (soviet,), (person.native_full,)
        data = EntryData(
            names=names, aliases=aliases,
            birth_dates=(born.isoformat() if rng.random() < 0.8 else str(born.year),),
            nationalities=(person.nationality,), sex=person.sex,
            remarks=rng.choice(_REASONS).format(year=year), external_id=f"{prefix}-{number:05d}",
        )
        if not avoid(data):
            rows.append(ParsedRow(f"synthetic {number}", data=data))
    return rows


def _avoid_scenarios(spared: set[str]):
    """A test that a generated entry would hit one of the demo queue's travellers."""
    from sarhad.screening import Query, ScreeningIndex

    from .values import normalise_entry, to_kernel

    try:
        from sarhad.demo.queue import SCENARIOS
    except ImportError:  # the demo queue is not part of this build
        return lambda data: False
    queries = [
        Query.traveller(f"{s.surname} {s.given_names}", f"{s.native_surname} {s.native_given}", dob=s.birth,
                        nationality=s.nationality, sex=s.sex)
        for s in SCENARIOS if s.number not in spared
    ]
    index = ScreeningIndex(candidates=5)

    def avoid(data: EntryData) -> bool:
        entry = to_kernel("probe", 1, "probe", normalise_entry(data))
        return any(index.score_entry(q, entry) is not None
                   and index.score_entry(q, entry).decision.value != "no_match" for q in queries)

    return avoid


def load_demo_watchlists(seed: int = 2026, travellers=()) -> dict[str, int]:
    """Create or complete the demo lists; ``travellers`` are ``people.Person`` rows to ban.

    Returns the number of active entries per list.
    """
    from . import services

    actor = Actor.system("demo")

    def ensure(name: str, kind: str, source: str) -> Watchlist:
        return Watchlist.objects.filter(name=name).first() or services.create_list(
            actor, name=name, kind=kind, source=source)

    bans = ensure(BAN_LIST, ListKind.ENTRY_BAN, "State Migration Service (demo)")
    wanted = ensure(WANTED_LIST, ListKind.WANTED, "Ministry of Internal Affairs (demo)")
    lost = ensure(LOST_LIST, ListKind.LOST_STOLEN, "Passport offices and partner states (demo)")

    spared = set()
    personal = []
    for person in travellers:
        name, _aliases = other_script_forms(person)
        spared.update(d.number for d in person.documents.all())
        # The other forms stay out: the desk should show the Soviet-era spelling matched.
        personal.append(ParsedRow(f"traveller {person.pk}", data=EntryData(
            names=(name,), birth_dates=_birth(person),
            nationalities=tuple(person.nationalities.values_list("code", flat=True)),
            sex=person.sex if person.sex in ("F", "M") else "",
            remarks="Deported in 2019 after a forged work permit; entry ban for ten years",
            external_id=f"DEMO-T-{person.pk}",
        )))
    avoid = _avoid_scenarios(spared)
    services.import_rows(actor, bans, _synthetic_rows("DEMO-BAN", SYNTHETIC_BANS, seed + 7919, avoid) + personal,
                         fmt="demo", file_name="demo")
    services.import_rows(actor, wanted, _synthetic_rows("DEMO-WANTED", SYNTHETIC_WANTED, seed + 104729, avoid),
                         fmt="demo", file_name="demo")
    services.import_rows(actor, lost, [
        ParsedRow(f"document {i}", data=EntryData(documents=(f"{number}:{state}",), external_id=f"DEMO-LOST-{i:03d}",
                                                   remarks="Reported stolen"))
        for i, (number, state) in enumerate(LOST_DOCUMENTS, 1)
    ], fmt="demo", file_name="demo")
    return {w.name: w.entries.filter(active=True).count() for w in (bans, wanted, lost)}
