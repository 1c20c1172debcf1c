"""Watchlist services: entries and versions, screening, hit decisions, dismissals, audit."""

from __future__ import annotations

import pytest

from sarhad.audit.models import AuditEntry
from sarhad.common.errors import Conflict, Forbidden, ValidationFailed
from sarhad.people.services import PersonData, register_person
from sarhad.watchlists import selectors, services
from sarhad.watchlists.models import HitDismissal, HitStatus, ScreeningHit, WatchlistEntry
from sarhad.watchlists.values import EntryData

pytestmark = pytest.mark.django_db

TRAVELLER = {"surname": "MAMMADOV", "given_names": "ALI", "birth_date": "1980-05-02", "nationality": "AZE",
             "sex": "M", "document_number": "C01234567", "issuing_state": "AZE"}


def screen_at(actor, post="GYD", **extra):
    return services.screen(actor, **{**TRAVELLER, **extra}, post=post)


# --------------------------------------------------------------------------- entries


def test_entry_is_validated_field_by_field(admin, bans):
    with pytest.raises(ValidationFailed) as err:
        services.add_entry(admin, bans, EntryData(names=("Aliyev Rashad",), birth_dates=("1980-13-01",)))
    assert err.value.details[0]["field"] == "birth_dates"
    with pytest.raises(ValidationFailed) as err:
        services.add_entry(admin, bans, EntryData(names=("Aliyev Rashad",), documents=("C 0123/4567!",)))
    assert err.value.details[0]["field"] == "documents"
    with pytest.raises(ValidationFailed) as err:
        services.add_entry(admin, bans, EntryData())
    assert err.value.details[0]["field"] == "names"
    assert not WatchlistEntry.objects.exists()


def test_only_administrators_manage_lists(officer, supervisor, bans):
    for actor in (officer, supervisor):
        with pytest.raises(Forbidden):
            services.add_entry(actor, bans, EntryData(names=("Aliyev Rashad",)))


def test_update_makes_a_new_version_only_when_something_changes(admin, mammadov):
    same = services.update_entry(admin, mammadov.pk, remarks="")
    assert same.version == 1
    changed = services.update_entry(admin, mammadov.pk, birth_dates=["1980-05-02", "1981"])
    assert changed.version == 2 and changed.birth_dates == ["1980-05-02", "1981"]
    assert changed.seq > mammadov.seq
    event = AuditEntry.objects.filter(action="update", object_id=str(mammadov.pk)).get()
    assert event.details["changed"]["birth_dates"] == [["1980-05-02"], ["1980-05-02", "1981"]]
    assert event.details["version"] == 2


def test_deactivated_entry_is_no_longer_screened(admin, officer, mammadov):
    assert screen_at(officer).hits
    entry = services.deactivate_entry(admin, mammadov.pk, reason="delisted by court order")
    assert entry.version == 2 and not entry.active
    assert screen_at(officer).hits == ()
    services.update_entry(admin, mammadov.pk, active=True)
    assert [h.entry_version for h in screen_at(officer).hits] == [3]


def test_a_list_switched_off_is_not_screened(admin, officer, bans, mammadov):
    assert screen_at(officer).hits
    services.set_list_active(admin, bans, False)
    assert screen_at(officer).hits == ()
    services.set_list_active(admin, bans, True)
    assert screen_at(officer).hits


# --------------------------------------------------------------------------- screening


def test_screening_finds_the_cyrillic_entry_and_explains_it(officer, mammadov):
    outcome = screen_at(officer)
    [hit] = outcome.hits
    assert hit.entry_id == mammadov.pk and hit.entry_version == 1
    assert hit.band == "hit" and hit.status == "open" and hit.score >= 0.85
    assert hit.list_name == "National entry bans" and hit.required_action == "refuse_entry"
    assert "date of birth" in hit.explanation_text and "MAMMADOV" in hit.explanation_text
    assert outcome.must_stop
    stored = ScreeningHit.objects.get(pk=hit.id)
    assert stored.status == HitStatus.OPEN and stored.post_id == "GYD" and stored.entry_version == 1
    assert stored.traveller_name == "MAMMADOV ALI" and stored.traveller_document == "C01234567:AZE"
    assert stored.explanation["entry_id"] == str(mammadov.pk) and stored.explanation_text == hit.explanation_text
    audit = AuditEntry.objects.filter(action="screen").get()
    assert audit.post == "GYD" and audit.details["hits"][0]["hit"] == str(hit.id)


def test_an_unrelated_traveller_has_no_hit(officer, mammadov):
    outcome = services.screen(officer, surname="HUSEYNOV", given_names="RASHAD", birth_date="1975", post="GYD")
    assert outcome.hits == () and not outcome.must_stop
    assert not ScreeningHit.objects.exists()


def test_screening_again_finds_the_same_open_hit(officer, mammadov):
    first = screen_at(officer).hits[0]
    stored_first = ScreeningHit.objects.get()
    second = screen_at(officer).hits[0]
    assert first.id == second.id
    stored = ScreeningHit.objects.get()
    assert stored.seen_count == 2
    # every field the second screening updates is stored as the ORM reads it back
    assert stored.last_seen_at > stored_first.last_seen_at and stored.last_seen_at.tzinfo is not None
    assert stored.explanation == second.explanation and stored.explanation_text == second.explanation_text
    assert (stored.score, stored.band) == (second.score, second.band)

    # The same document with another date of birth: the same hit, scored and explained anew.
    third = screen_at(officer, birth_date="1980").hits[0]
    assert third.id == first.id and third.explanation_text != second.explanation_text
    stored = ScreeningHit.objects.get()
    assert stored.seen_count == 3
    assert (stored.score, stored.band, stored.explanation_text) == (third.score, third.band, third.explanation_text)
    assert stored.explanation == third.explanation and stored.explanation != second.explanation


def test_a_hit_found_again_unchanged_is_counted_and_kept_as_stored(admin, officer, mammadov):
    first = screen_at(officer).hits[0]
    ScreeningHit.objects.filter(pk=first.id).update(explanation={"kept": True})
    stored_first = ScreeningHit.objects.get()
    again = screen_at(officer).hits[0]
    assert again.id == first.id and again.explanation_text == first.explanation_text
    stored = ScreeningHit.objects.get()
    assert stored.seen_count == 2 and stored.last_seen_at > stored_first.last_seen_at
    assert stored.explanation == {"kept": True}  # the same explanation is not written again
    # A person registered since the first screening is linked: the hit is written in full.
    person = register_person(admin, PersonData(surname="MAMMADOV", given_names="ALI", birth_year=1980))
    services.screen(officer, **TRAVELLER, post="GYD", person=person)
    stored = ScreeningHit.objects.get()
    assert stored.person_id == person.pk and stored.seen_count == 3
    assert stored.explanation == again.explanation


def test_not_recorded_screening_stores_nothing(officer, mammadov):
    outcome = services.screen(officer, **TRAVELLER, post="GYD", record=False)
    assert outcome.hits[0].id is None and outcome.hits[0].status == "open"
    assert not ScreeningHit.objects.exists()


@pytest.mark.parametrize("field, value", [
    ("birth_date", "1980-02-30"), ("nationality", "AZERBAIJAN"), ("sex", "Q"),
    ("document_number", "C-0123*4567"), ("issuing_state", "12"),
])
def test_bad_traveller_values_name_the_field(officer, field, value):
    with pytest.raises(ValidationFailed) as err:
        services.screen(officer, **{**TRAVELLER, field: value}, post="GYD")
    assert err.value.details[0]["field"] == field


def test_a_name_or_document_is_required(officer):
    with pytest.raises(ValidationFailed) as err:
        services.screen(officer, surname="", given_names="", post="GYD")
    assert err.value.details[0]["field"] == "surname"


def test_officer_screens_only_at_own_post(officer, mammadov):
    with pytest.raises(Forbidden):
        screen_at(officer, post="SAMUR")


def test_analyst_may_not_screen(make_user):
    from sarhad.accounts.actor import Actor

    with pytest.raises(Forbidden):
        services.screen(Actor.for_user(make_user("an", "analyst")), **TRAVELLER)


def test_lost_document_list_matches_the_number_despite_ocr_confusion(admin, officer):
    lost = services.create_list(admin, name="Lost and stolen", kind="lost_stolen")
    services.add_entry(admin, lost, EntryData(documents=("C01234567:AZE",), external_id="LS-1"))
    [hit] = services.screen(officer, surname="NOBODY", given_names="ELSE", document_number="CO1234567",
                            issuing_state="AZE", post="GYD").hits
    assert hit.list_name == "Lost and stolen" and hit.required_action == "seize_document"
    assert "OCR" in hit.explanation_text


# --------------------------------------------------------------------------- decisions


def test_supervisor_of_another_post_cannot_decide(officer, other_supervisor, mammadov):
    hit = screen_at(officer).hits[0]
    with pytest.raises(Forbidden):
        services.decide_hit(other_supervisor, hit.id, "dismiss", "not him")
    assert ScreeningHit.objects.get(pk=hit.id).status == HitStatus.OPEN
    with pytest.raises(Forbidden):
        services.decide_hit(officer, hit.id, "confirm")


def test_dismissal_needs_a_reason(officer, supervisor, mammadov):
    hit = screen_at(officer).hits[0]
    with pytest.raises(ValidationFailed) as err:
        services.decide_hit(supervisor, hit.id, "dismiss", "   ")
    assert err.value.details[0]["field"] == "reason"
    assert not HitDismissal.objects.exists()


def test_confirm_closes_the_hit_once(officer, supervisor, mammadov):
    hit = screen_at(officer).hits[0]
    decided = services.decide_hit(supervisor, hit.id, "confirm", "photo and birth date match")
    assert decided.status == HitStatus.CONFIRMED and decided.decided_by_name == "sup-gyd"
    assert not HitDismissal.objects.exists()
    with pytest.raises(Conflict):
        services.decide_hit(supervisor, hit.id, "dismiss", "changed my mind")
    event = AuditEntry.objects.filter(action="decide").get()
    assert event.object_id == str(hit.id) and event.details["decision"] == "confirm" and event.post == "GYD"


def test_dismissal_is_remembered_until_the_entry_changes(admin, officer, supervisor, mammadov):
    hit = screen_at(officer).hits[0]
    services.decide_hit(supervisor, hit.id, "dismiss", "different father's name; checked the birth record")
    dismissal = HitDismissal.objects.get()
    assert (dismissal.entry_id, dismissal.entry_version) == (mammadov.pk, 1)

    again = screen_at(officer).hits[0]
    assert again.status == "suppressed" and "birth record" in again.dismissal_reason
    assert not selectors.open_hits(supervisor, "GYD").exists()
    assert ScreeningHit.objects.get(pk=again.id).status == HitStatus.SUPPRESSED
    assert screen_at(officer).hits[0].id == again.id  # found again, not copied
    assert ScreeningHit.objects.get(pk=again.id).seen_count == 2

    # Another traveller with the same name but another passport is not covered.
    other = screen_at(officer, document_number="C99999999").hits[0]
    assert other.status == "open"

    services.update_entry(admin, mammadov.pk, remarks="new information from the court")
    back = screen_at(officer).hits[0]
    assert back.status == "open" and back.entry_version == 2
    assert selectors.open_hits(supervisor, "GYD").count() == 2


def test_dismissal_follows_the_person_record(admin, officer, supervisor, mammadov):
    person = register_person(admin, PersonData(surname="MAMMADOV", given_names="ALI", birth_year=1980))
    hit = services.screen(officer, **TRAVELLER, person=person, post="GYD").hits[0]
    services.decide_hit(supervisor, hit.id, "dismiss", "known frequent traveller, not the listed person")
    renewed = services.screen(officer, **{**TRAVELLER, "document_number": "C77777777"}, person=person, post="GYD")
    assert renewed.hits[0].status == "suppressed"


def test_open_hits_counts_per_post(officer, supervisor, other_supervisor, mammadov):
    screen_at(officer)
    assert selectors.open_hits(supervisor, "GYD").count() == 1
    assert selectors.open_hits(other_supervisor).count() == 0
    with pytest.raises(Forbidden):
        selectors.open_hits(other_supervisor, "GYD")


def test_one_screening_stores_a_new_hit_and_counts_one_seen_again(admin, officer, bans, mammadov):
    """Both kinds of write of one screening go with its audit entry (one statement on
    PostgreSQL), and both are kept."""
    assert [h.entry_id for h in screen_at(officer).hits] == [mammadov.pk]
    namesake = services.add_entry(admin, bans, EntryData(
        names=("Mammadov Ali",), birth_dates=("1980-05-02",), nationalities=("AZE",), external_id="BAN-2"))
    assert {h.entry_id for h in screen_at(officer).hits} == {mammadov.pk, namesake.pk}
    assert {h.entry_id: h.seen_count for h in ScreeningHit.objects.all()} == {mammadov.pk: 2, namesake.pk: 1}
