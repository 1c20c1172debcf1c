"""The demo post's queue: a handful of travellers who show the whole desk flow.

Each scenario is a fixed traveller with a passport MRZ made by the documents kernel. The
demo loader registers the ones that need a history (the overstayer inside the country,
the banned traveller's entry on the national list); the desk then scans them like anyone
else. Expiry dates are relative to today so the queue never goes stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sarhad.documents import generate


@dataclass(frozen=True)
class Scenario:
    key: str
    label: str
    note: str
    direction: str
    surname: str
    given_names: str
    native_surname: str
    native_given: str
    nationality: str
    number: str
    birth: date
    sex: str
    expires_in_days: int = 2000
    break_check_digit: bool = False


SCENARIOS = [
    Scenario("clean", "A tourist from Georgia", "Visa-free, first visit: admit for 90 days.", "entry",
             "BERIDZE", "NINO", "ბერიძე", "ნინო", "GEO", "13AB45678", date(1991, 4, 17), "F"),
    Scenario("banned", "A traveller on the national entry-ban list",
             "The list writes him in Soviet-era Cyrillic; the passport says MAMMADOV. Expect a hit, refuse with H.",
             "entry", "MAMMADOV", "RUSTAM", "Məmmədov", "Rüstəm", "RUS", "751234567", date(1983, 9, 2), "M"),
    Scenario("overstayer", "A visitor leaving after too long",
             "Entered 120 days ago on a 90-day visa-free stay: recording the exit shows the days over.", "exit",
             "PETROV", "IGOR", "Петров", "Игорь", "RUS", "759876543", date(1978, 1, 23), "M"),
    Scenario("citizen", "A citizen coming home", "Citizens have no stay limit.", "entry",
             "HASANOVA", "AYSEL", "Həsənova", "Aysel", "AZE", "C07766554", date(1995, 12, 5), "F"),
    Scenario("expired", "A traveller with an expired passport", "Valid MRZ, expired document: refuse with A.",
             "entry", "SCHNEIDER", "JONAS", "Schneider", "Jonas", "DEU", "C4J6R0H11", date(1988, 6, 30), "M",
             expires_in_days=-40),
    Scenario("misread", "A badly scanned passport",
             "One check digit does not agree: the desk names the field and position.", "entry",
             "ALIYEV", "KAMRAN", "Əliyev", "Kamran", "AZE", "C01928374", date(1970, 3, 14), "M",
             break_check_digit=True),
]


def scenario_mrz(s: Scenario, today: date | None = None) -> str:
    today = today or date.today()
    lines = list(generate(
        "TD3", issuing_state=s.nationality, document_number=s.number, nationality=s.nationality,
        birth_date=s.birth, sex=s.sex, expiry_date=today + timedelta(days=s.expires_in_days),
        surname=s.surname, given_names=s.given_names, document_code="P<",
    ))
    if s.break_check_digit:
        line = lines[1]
        wrong = str((int(line[19]) + 3) % 10)  # date-of-birth check digit
        lines[1] = line[:19] + wrong + line[20:]
    return "\n".join(lines)


def demo_queue(today: date | None = None) -> list[dict]:
    return [
        {"key": s.key, "label": s.label, "note": s.note, "direction": s.direction, "mrz": scenario_mrz(s, today)}
        for s in SCENARIOS
    ]
