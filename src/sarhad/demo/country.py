"""Load a synthetic but realistic country into the database.

Everything is derived from one seed: the same options give the same people, documents
and crossings, with the same ids, so a second run inserts nothing new (rows are created
with ``ignore_conflicts``). Names come from ``sarhad.names.synthetic`` (the region's
naming in its own scripts and in Latin).

Travellers: a mix of nationalities weighted like Azerbaijan's traffic; each holds a
passport of their nationality and makes trips over the chosen number of years through
the country's posts. Citizens leave and come back; foreigners enter and leave, most
within the visa-free 90 days, a few staying longer (overstayers), some still inside.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from tqdm import tqdm

from sarhad.accounts.actor import Actor
from sarhad.accounts.models import User
from sarhad.accounts.roles import Role
from sarhad.audit.services import record_event
from sarhad.border.models import Crossing
from sarhad.common.ids import uuid7
from sarhad.people.models import Person, TravelDocument

DEMO_PASSWORD = "sarhad-demo-2026"

# username, role, posts, first name, last name
STAFF = [
    ("officer", Role.BORDER_OFFICER, ["GYD"], "Elvin", "Quliyev"),
    ("officer.samur", Role.BORDER_OFFICER, ["SAMUR"], "Rauf", "Hüseynov"),
    ("supervisor", Role.BORDER_SUPERVISOR, ["GYD"], "Leyla", "Məmmədova"),
    ("migration", Role.MIGRATION_OFFICER, [], "Aysel", "Həsənova"),
    ("readmission", Role.READMISSION_OFFICER, [], "Tural", "Əliyev"),
    ("analyst", Role.ANALYST, [], "Nigar", "Cəfərova"),
    ("partner", Role.PARTNER_AGENCY, [], "Partner", "Agency"),
    ("admin", Role.ADMINISTRATOR, [], "Kamran", "İsmayılov"),
]

AIR_POSTS = ["GYD", "GYD", "GYD", "GYD", "KVD", "NAJ", "GBB"]
LAND_POSTS_BY_NEIGHBOUR = {"RUS": ["SAMUR", "YALAMA"], "GEO": ["QKORPU", "BALAKN"], "IRN": ["ASTARA", "BILSVR", "CULFA"],
                           "TUR": ["SEDEREK"]}


@dataclass(frozen=True)
class DemoSummary:
    travellers: int
    documents: int
    crossings: int
    new_crossings: int

    def __str__(self) -> str:
        return (f"demo country: {self.travellers} travellers, {self.documents} documents, "
                f"{self.crossings} crossings ({self.new_crossings} new this run)")


def _uuid(rng: random.Random, when: date) -> UUID:
    """A deterministic id shaped like a UUIDv7 stamped at ``when`` (so ids sort by time)."""
    return uuid7(int(datetime.combine(when, time(12)).timestamp() * 1000), rng.getrandbits)


def ensure_staff() -> None:
    for username, role, posts, first, last in STAFF:
        user, created = User.objects.get_or_create(
            username=username, defaults={"role": role, "first_name": first, "last_name": last},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            if role == Role.ADMINISTRATOR:
                user.is_staff = user.is_superuser = True
            user.save()
            user.posts.set(posts)


def print_logins() -> None:
    print("\nDemo logins (password for all: %s):" % DEMO_PASSWORD)
    for username, role, posts, *_ in STAFF:
        where = f" at {', '.join(posts)}" if posts else ""
        print(f"  {username:14} {Role(role).label}{where}")
    print("Log in at the address `sarhad serve` prints (http://127.0.0.1:8000/ by default).\n")


def _document_number(rng: random.Random, nationality: str) -> str:
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    if nationality == "AZE":
        return "C" + "".join(rng.choice("0123456789") for _ in range(8))
    return rng.choice(letters) + rng.choice(letters) + "".join(rng.choice("0123456789") for _ in range(7))


def _trip_post(rng: random.Random, nationality: str) -> str:
    land = LAND_POSTS_BY_NEIGHBOUR.get(nationality)
    if land and rng.random() < 0.6:
        return rng.choice(land)
    return rng.choice(AIR_POSTS)


def _local_instant(day: date, rng: random.Random) -> datetime:
    zone = ZoneInfo(settings.TIME_ZONE)
    return datetime.combine(day, time(rng.randrange(0, 24), rng.randrange(0, 60)), tzinfo=zone)


def generate(travellers: int, years: int, seed: int, today: date):
    """Yield (person, document, nationality, crossings) rows built from the seed."""
    from sarhad.names.synthetic import generate_people

    rng = random.Random(seed)
    start = today - timedelta(days=365 * years)
    for synthetic in generate_people(travellers, seed):
        nationality = synthetic.nationality
        born = date(rng.randrange(1945, 2008), rng.randrange(1, 13), rng.randrange(1, 29))
        issued = today - timedelta(days=rng.randrange(30, 3400))
        person = Person(
            id=_uuid(rng, issued), surname=synthetic.latin_surname, given_names=synthetic.latin_given,
            surname_native=synthetic.native_surname, given_names_native=synthetic.native_given,
            patronymic=synthetic.native_patronymic,
            birth_year=born.year, birth_month=born.month, birth_day=born.day, sex=synthetic.sex,
        )
        document = TravelDocument(
            id=_uuid(rng, issued), person_id=person.id, document_code="P<",
            number=_document_number(rng, nationality), issuing_state_id=nationality,
            issue_date=issued, expiry_date=issued + timedelta(days=365 * 10),
        )
        crossings = []
        citizen = nationality == "AZE"
        # Most travellers come once; about a third travel again every year or so.
        repeat = rng.random() < 0.3
        day = start + timedelta(days=rng.randrange(0, 365 * years))
        while day < today:
            length = max(1, int(rng.lognormvariate(2.0, 0.9)))
            if not citizen and rng.random() < 0.02:
                length = rng.randrange(95, 200)  # an overstayer
            post_out = _trip_post(rng, nationality)
            first, second = ("exit", "entry") if citizen else ("entry", "exit")
            entry_row = Crossing(
                id=_uuid(rng, day), person_id=person.id, document_id=document.id, post_id=post_out,
                direction=first, occurred_at=_local_instant(day, rng), local_date=day,
                permitted_until=None if citizen else day + timedelta(days=89),
            )
            crossings.append(entry_row)
            back = day + timedelta(days=length - 1)
            if back >= today:
                break  # still abroad / still inside
            crossings.append(Crossing(
                id=_uuid(rng, back), person_id=person.id, document_id=document.id,
                post_id=_trip_post(rng, nationality), direction=second,
                occurred_at=_local_instant(back, rng), local_date=back,
                entry_id=None if citizen else entry_row.id,
                overstay_days=0 if citizen else max(0, length - 90),
            ))
            if not repeat:
                break
            day = back + timedelta(days=max(1, int(rng.expovariate(1 / 365))))
        yield person, document, nationality, crossings


def load_demo_country(travellers: int = 10_000, years: int = 1, seed: int = 2026,
                      today: date | None = None, batch: int = 2000, progress: bool = True) -> DemoSummary:
    """Create (or complete) the demo country. Safe to run again: nothing is duplicated."""
    ensure_staff()
    today = today or date.today()
    people, documents, links, crossings = [], [], [], []
    crossings_before = Crossing.objects.count()

    def flush():
        with transaction.atomic():
            Person.objects.bulk_create(people, ignore_conflicts=True, batch_size=batch)
            TravelDocument.objects.bulk_create(documents, ignore_conflicts=True, batch_size=batch)
            Link = Person.nationalities.through
            Link.objects.bulk_create(
                [Link(person_id=p, country_id=c) for p, c in links], ignore_conflicts=True, batch_size=batch
            )
            # Entries precede the exits that point at them (same batch, in order).
            Crossing.objects.bulk_create(crossings, ignore_conflicts=True, batch_size=batch)
        people.clear(), documents.clear(), links.clear(), crossings.clear()

    rows = generate(travellers, years, seed, today)
    for person, document, nationality, trips in tqdm(rows, total=travellers, desc="demo travellers",
                                                     unit="person", disable=not progress or travellers < 20000):
        people.append(person)
        documents.append(document)
        links.append((person.id, nationality))
        crossings.extend(trips)
        if len(people) >= batch:
            flush()
    flush()
    scenarios = load_scenarios(today)
    from sarhad.watchlists.demo import load_demo_watchlists

    load_demo_watchlists(seed, travellers=[scenarios["banned"]])
    total_crossings = Crossing.objects.count()
    new_crossings = total_crossings - crossings_before
    record_event(Actor.system("demo"), "demo_load", "demo", seed,
                 {"travellers": travellers, "years": years, "new_crossings": new_crossings})
    return DemoSummary(
        travellers=Person.objects.count(), documents=TravelDocument.objects.count(),
        crossings=total_crossings, new_crossings=new_crossings,
    )


def load_scenarios(today: date | None = None) -> dict[str, Person]:
    """Register the demo queue's travellers that need a record or a history (idempotent)."""
    from sarhad.demo.queue import SCENARIOS

    today = today or date.today()
    people = {}
    for s in SCENARIOS:
        if s.key not in ("banned", "overstayer"):
            continue
        doc = TravelDocument.objects.filter(issuing_state_id=s.nationality, number=s.number).select_related("person").first()
        if doc:
            people[s.key] = doc.person
            continue
        person = Person.objects.create(
            surname=s.surname, given_names=s.given_names, surname_native=s.native_surname,
            given_names_native=s.native_given, birth_year=s.birth.year, birth_month=s.birth.month,
            birth_day=s.birth.day, sex=s.sex,
        )
        person.nationalities.set([s.nationality])
        doc = TravelDocument.objects.create(person=person, document_code="P<", number=s.number,
                                            issuing_state_id=s.nationality,
                                            expiry_date=today + timedelta(days=s.expires_in_days))
        if s.key == "overstayer":
            entered = today - timedelta(days=120)
            Crossing.objects.create(person=person, document=doc, post_id="GYD", direction="entry",
                                    occurred_at=_local_instant(entered, random.Random(1)), local_date=entered,
                                    permitted_until=entered + timedelta(days=89))
        people[s.key] = person
    return people
