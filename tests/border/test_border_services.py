"""The desk flow through the services: check, admit, exit, refuse, refer, decide."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sarhad.audit.models import AuditEntry
from sarhad.border import services
from sarhad.border.models import Crossing, Referral, Refusal
from sarhad.common.errors import Forbidden, ValidationFailed
from sarhad.people.models import Person

pytestmark = pytest.mark.django_db


def test_clean_traveller_is_admitted_for_90_days(officer, mrz, scenarios):
    result = services.check(officer, mrz("clean"), "GYD", "entry")
    assert result.document["valid"] and result.person is None
    assert result.stay["allowed"] and result.stay["regime"] == "visa_free"
    today = timezone.localdate()
    assert result.stay["last_permitted_day"] == (today + timedelta(days=89)).isoformat()
    assert result.recommendation["decision"] == "admit"
    crossing, created = services.record_entry(officer, mrz("clean"), "GYD")
    assert created and crossing.permitted_until == today + timedelta(days=89)
    assert Person.objects.filter(surname="BERIDZE").count() == 1
    assert AuditEntry.objects.filter(action="create", object_type="crossing", object_id=str(crossing.pk)).exists()


def test_banned_traveller_gets_a_hit_with_explanation_and_refusal_h(officer, mrz, scenarios):
    result = services.check(officer, mrz("banned"), "GYD", "entry")
    assert result.hits, "the ban list entry written in another script must be found"
    assert result.hits[0]["explanation"]
    assert result.recommendation["decision"] == "refuse" and "H" in result.recommendation["reasons"]
    # One desk check is one audit entry, carrying what the screening found.
    audited = AuditEntry.objects.filter(action="check").latest("id")
    assert audited.details["screening"]["hits"][0]["entry"] == result.hits[0]["entry_id"]
    refusal = services.refuse(officer, mrz("banned"), "GYD", ["H"], notes="entry ban")
    assert [r.code for r in refusal.reasons.all()] == ["H"]
    assert refusal.person_id == scenarios["banned"].pk


def test_exit_after_overstay_records_the_days_over(officer, mrz, scenarios):
    result = services.check(officer, mrz("overstayer"), "GYD", "exit")
    assert result.stay["overstay_days"] == 120 - 90 + 1
    crossing, _ = services.record_exit(officer, mrz("overstayer"), "GYD")
    assert crossing.overstay_days == 31 and crossing.entry is not None
    assert crossing.entry.person_id == scenarios["overstayer"].pk


def test_citizen_has_no_limit_and_expired_passport_is_refused_a(officer, mrz, scenarios):
    assert services.check(officer, mrz("citizen"), "GYD").recommendation["decision"] == "admit"
    expired = services.check(officer, mrz("expired"), "GYD")
    assert expired.document["valid"] and expired.document["expired"]
    assert "A" in expired.recommendation["reasons"]


def test_misread_mrz_is_shown_but_cannot_be_recorded(officer, mrz, scenarios):
    result = services.check(officer, mrz("misread"), "GYD")
    assert not result.document["valid"] and result.recommendation["decision"] == "refer"
    assert "date_of_birth at line 2 pos 20" in result.document["errors"][0]["message"]
    with pytest.raises(ValidationFailed) as err:
        services.record_entry(officer, mrz("misread"), "GYD")
    assert err.value.details[0]["line"] == 2
    assert Crossing.objects.count() == 1  # only the overstayer's history


def test_officer_cannot_work_another_post(samur_officer, mrz, scenarios):
    with pytest.raises(Forbidden):
        services.check(samur_officer, mrz("clean"), "GYD")
    with pytest.raises(Forbidden):
        services.record_entry(samur_officer, mrz("clean"), "GYD")


def test_idempotency_key_records_once(officer, mrz, scenarios):
    first, created = services.record_entry(officer, mrz("clean"), "GYD", idempotency_key="k-1")
    again, created_again = services.record_entry(officer, mrz("clean"), "GYD", idempotency_key="k-1")
    assert created and not created_again and first.pk == again.pk
    assert Crossing.objects.filter(idempotency_key="k-1").count() == 1


def test_double_entry_marks_the_missing_exit(officer, mrz, scenarios):
    first, _ = services.record_entry(officer, mrz("clean"), "GYD")
    second, _ = services.record_entry(officer, mrz("clean"), "GYD")
    first.refresh_from_db()
    assert first.exit_missing and not second.exit_missing


def test_exit_without_recorded_entry_is_kept(officer, mrz, scenarios):
    crossing, _ = services.record_exit(officer, mrz("clean"), "GYD")
    assert crossing.entry is None and crossing.overstay_days == 0


def test_refer_then_supervisor_refuses(officer, supervisor, mrz, scenarios):
    referral = services.refer(officer, mrz("clean"), "GYD", "entry", reason="papers look odd")
    decided = services.decide_referral(supervisor, referral.pk, "refuse", reasons=["E"], notes="no return ticket")
    assert decided.status == Referral.Status.REFUSED and decided.refusal.reasons.get().code == "E"
    with pytest.raises(Exception):
        services.decide_referral(supervisor, referral.pk, "admit")


def test_officer_cannot_decide_referrals(officer, mrz, scenarios):
    referral = services.refer(officer, mrz("clean"), "GYD")
    with pytest.raises(Forbidden):
        services.decide_referral(officer, referral.pk, "admit")


def test_refusal_needs_known_reasons(officer, mrz, scenarios):
    with pytest.raises(ValidationFailed, match="reasons"):
        services.refuse(officer, mrz("clean"), "GYD", [])
    with pytest.raises(ValidationFailed, match="position 2"):
        services.refuse(officer, mrz("clean"), "GYD", ["H", "Z"])
    assert Refusal.objects.count() == 0


def test_a_changed_stay_regime_applies_to_the_next_check(officer, mrz, scenarios):
    """Regimes are cached per process; saving one in admin drops the cache."""
    from sarhad.border.models import StayRegime

    before = services.check(officer, mrz("clean"), "GYD", "entry")  # caches the traveller's regime
    nationality = before.document["nationality"]
    StayRegime.objects.update_or_create(nationality_id=nationality, defaults={
        "kind": StayRegime.Kind.VISA_FREE, "limit_days": 30, "window_days": 180})
    after = services.check(officer, mrz("clean"), "GYD", "entry")
    assert before.stay["limit"] != 30 and after.stay["limit"] == 30
    assert after.stay["last_permitted_day"] == (timezone.localdate() + timedelta(days=29)).isoformat()


def test_a_retry_of_a_recorded_entry_records_once_and_changes_nothing(officer, mrz, scenarios):
    """A retry (or one racing the first request) meets the used key on insert: it
    returns the first crossing, and the first entry, open for the retry, is not marked
    as left unseen."""
    first, created = services.record_entry(officer, mrz("clean"), "GYD", idempotency_key="gate-7-0001")
    assert created
    again, created = services.record_entry(officer, mrz("clean"), "GYD", idempotency_key="gate-7-0001")
    assert not created and again.pk == first.pk
    assert Crossing.objects.filter(idempotency_key="gate-7-0001").count() == 1
    first.refresh_from_db()
    assert not first.exit_missing  # the losing request changed nothing
    assert services.record_entry(officer, mrz("clean"), "GYD", idempotency_key="gate-7-0002")[1]  # still usable


def test_visas_and_permits_of_the_person_decide_the_stay(officer, mrz, scenarios):
    from sarhad.border.models import ResidencePermit, StayRegime, Visa

    today = timezone.localdate()
    services.record_entry(officer, mrz("clean"), "GYD")  # registers the traveller
    services.record_exit(officer, mrz("clean"), "GYD")
    person = Crossing.objects.filter(direction="exit").latest("occurred_at").person
    nationality = services.check(officer, mrz("clean"), "GYD").document["nationality"]
    StayRegime.objects.update_or_create(nationality_id=nationality, defaults={
        "kind": StayRegime.Kind.VISA_REQUIRED, "limit_days": 90, "window_days": 180})
    refused = services.check(officer, mrz("clean"), "GYD", "entry")
    assert refused.recommendation["reasons"] == ["C"] and refused.visas == []

    Visa.objects.create(person=person, number="EV-1", valid_from=today - timedelta(days=5),
                        valid_until=today + timedelta(days=60), duration_days=30, entries=1)
    with_visa = services.check(officer, mrz("clean"), "GYD", "entry")
    assert with_visa.stay["allowed"] and [v["number"] for v in with_visa.visas] == ["EV-1"]
    assert with_visa.stay["last_permitted_day"] == (today + timedelta(days=29)).isoformat()

    ResidencePermit.objects.create(person=person, kind="temporary", number="TR-9",
                                   valid_from=today - timedelta(days=1), valid_until=today + timedelta(days=365))
    with_permit = services.check(officer, mrz("clean"), "GYD", "entry")
    assert with_permit.stay["last_permitted_day"] == (today + timedelta(days=365)).isoformat()
    assert [p["number"] for p in with_permit.permits] == ["TR-9"] and len(with_permit.visas) == 1


def test_records_read_by_plain_sql_equal_the_orm_rows(officer, mrz, scenarios):
    """stay.records reads crossings as plain rows: the values (dates as dates on either
    database) and the time order are the ORM's."""
    from sarhad.border import stay

    person = scenarios["overstayer"]
    services.record_exit(officer, mrz("overstayer"), "GYD")
    services.record_entry(officer, mrz("overstayer"), "GYD")
    known = stay.records(person)
    by_orm = Crossing.objects.filter(person=person).order_by("local_date", "occurred_at")
    assert [tuple(c) for c in known.crossings] == [
        (c.direction, c.local_date, c.post_id, c.permitted_until) for c in by_orm]
    assert len(known.crossings) == 3 and isinstance(known.crossings[0].permitted_until, type(timezone.localdate()))
    assert all(isinstance(c.local_date, type(timezone.localdate())) for c in known.crossings)
    assert known.visas == [] and known.permits == []
    assert known.open_entry == by_orm.filter(direction="entry").last().pk


def test_the_open_entry_is_the_latest_entry_no_exit_closes_and_not_marked_missing(officer, mrz, scenarios):
    from sarhad.border import stay

    person = scenarios["overstayer"]
    (recorded,) = Crossing.objects.filter(person=person)
    assert stay.records(person).open_entry == recorded.pk
    exit_, _ = services.record_exit(officer, mrz("overstayer"), "GYD")
    assert exit_.entry_id == recorded.pk and stay.records(person).open_entry is None
    first, _ = services.record_entry(officer, mrz("overstayer"), "GYD")
    assert stay.records(person).open_entry == first.pk
    second, _ = services.record_entry(officer, mrz("overstayer"), "GYD")  # marks the first missing
    first.refresh_from_db()
    assert first.exit_missing and stay.records(person).open_entry == second.pk
    last_exit, _ = services.record_exit(officer, mrz("overstayer"), "GYD")
    assert last_exit.entry_id == second.pk and stay.records(person).open_entry is None
    # an exit with no open entry closes nothing
    assert services.record_exit(officer, mrz("overstayer"), "GYD")[0].entry_id is None


def test_records_read_visas_and_permits_newest_first_with_the_crossings(officer, mrz, scenarios):
    """Crossings, visas and permits come in one plain query: each kind in its own order
    (crossings in time order, visas and permits newest first), values as the ORM's."""
    from sarhad.border import stay
    from sarhad.border.models import ResidencePermit, Visa

    person = scenarios["overstayer"]
    services.record_exit(officer, mrz("overstayer"), "GYD")
    today = timezone.localdate()
    for days, number, entries in ((40, "EV-OLD", None), (3, "EV-NEW", 2), (20, "EV-MID", 1)):
        Visa.objects.create(person=person, number=number, valid_from=today - timedelta(days=days),
                            valid_until=today + timedelta(days=60 - days), duration_days=30, entries=entries)
    for days, number in ((100, "TR-OLD"), (10, "TR-NEW")):
        ResidencePermit.objects.create(person=person, kind="temporary", number=number,
                                       valid_from=today - timedelta(days=days), valid_until=today + timedelta(days=300))
    known = stay.records(person)
    assert [v.number for v in known.visas] == ["EV-NEW", "EV-MID", "EV-OLD"]
    assert [p.number for p in known.permits] == ["TR-NEW", "TR-OLD"]
    fields = ["id", "kind", "number", "valid_from", "valid_until", "duration_days", "entries"]
    by_orm = Visa.objects.filter(person=person).order_by("-valid_from")
    assert [[getattr(v, f) for f in fields] for v in known.visas] == [[getattr(v, f) for f in fields] for v in by_orm]
    fields = fields[:5]
    by_orm = ResidencePermit.objects.filter(person=person).order_by("-valid_from")
    assert [[getattr(p, f) for f in fields] for p in known.permits] == [[getattr(p, f) for f in fields] for p in by_orm]
    assert all(v.person is person for v in known.visas + known.permits)
    by_orm = Crossing.objects.filter(person=person).order_by("local_date", "occurred_at")
    assert [tuple(c) for c in known.crossings] == [
        (c.direction, c.local_date, c.post_id, c.permitted_until) for c in by_orm]


def test_a_check_stores_its_hits_and_its_audit_entry_together(officer, mrz, scenarios, monkeypatch):
    """One transaction: when the audit entry cannot be written, no hit is left stored."""
    from sarhad.watchlists.models import ScreeningHit

    def failing(*args, **kwargs):
        raise RuntimeError("the audit chain is unavailable")

    monkeypatch.setattr(services, "record_event", failing)
    with pytest.raises(RuntimeError):
        services.check(officer, mrz("banned"), "GYD", "entry")
    assert ScreeningHit.objects.count() == 0
    monkeypatch.undo()
    assert services.check(officer, mrz("banned"), "GYD", "entry").hits
    assert ScreeningHit.objects.count() >= 1


def test_a_key_used_for_another_request_is_a_conflict_that_records_nothing(officer, mrz, scenarios):
    """The same idempotency key for another traveller: 409, and the whole request rolled
    back (the new traveller it would have registered too)."""
    from sarhad.common.errors import Conflict

    services.record_entry(officer, mrz("clean"), "GYD", idempotency_key="gate-7-0003")
    people, crossings, audited = Person.objects.count(), Crossing.objects.count(), AuditEntry.objects.count()
    with pytest.raises(Conflict) as err:
        services.record_entry(officer, mrz("citizen"), "GYD", idempotency_key="gate-7-0003")
    assert err.value.code == "idempotency_conflict"
    assert (Person.objects.count(), Crossing.objects.count(), AuditEntry.objects.count()) == (people, crossings, audited)


def test_a_list_change_committed_before_a_check_is_screened(officer, make_user, mrz, scenarios):
    """The desk check reads the lists' state with the traveller's records (one
    statement): an entry added, then removed, between checks is seen by the next one."""
    from sarhad.accounts.actor import Actor
    from sarhad.watchlists import services as watchlists
    from sarhad.watchlists.values import EntryData

    admin = Actor.for_user(make_user("wl-admin", "administrator"))
    clean = services.check(officer, mrz("clean"), "GYD", "entry")
    assert clean.hits == [] and clean.person is None
    listed = watchlists.create_list(admin, name="Alerts", kind="entry_ban", source="tests")
    entry = watchlists.add_entry(admin, listed, EntryData(
        names=(f"{clean.document['surname']} {clean.document['given_names']}",),
        birth_dates=(clean.document["birth_date"],), nationalities=(clean.document["nationality"],)))
    services.record_entry(officer, mrz("clean"), "GYD")  # known from now on: read with the state
    found = services.check(officer, mrz("clean"), "GYD", "exit")
    assert found.person is not None and [h["entry_id"] for h in found.hits] == [str(entry.pk)]
    watchlists.deactivate_entry(admin, entry.pk, reason="listed in error")
    assert services.check(officer, mrz("clean"), "GYD", "exit").hits == []


def test_a_check_stores_new_hits_and_counts_hits_seen_again_with_its_audit_entry(officer, mrz, scenarios):
    """The hits' statements go with the check's audit entry (one statement on
    PostgreSQL): new hits are stored, hits found again are counted, and both are there
    after the check, next to its audit entry."""
    from sarhad.watchlists.models import ScreeningHit

    first = services.check(officer, mrz("banned"), "GYD", "entry")
    stored = ScreeningHit.objects.filter(pk__in=[h["id"] for h in first.hits])
    assert first.hits and stored.count() == len(first.hits) and {h.seen_count for h in stored} == {1}
    again = services.check(officer, mrz("banned"), "GYD", "entry")
    assert [h["id"] for h in again.hits] == [h["id"] for h in first.hits]
    assert {h.seen_count for h in ScreeningHit.objects.filter(pk__in=[h["id"] for h in again.hits])} == {2}
    assert ScreeningHit.objects.count() == len(first.hits)
    checks = AuditEntry.objects.filter(action="check").order_by("id")
    assert [e.details["hits"] for e in checks] == [len(first.hits), len(again.hits)]
