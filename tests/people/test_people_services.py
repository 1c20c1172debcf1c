"""Person registry: validation, duplicate documents, scoping and auditing of every read/write."""

import pytest

from sarhad.accounts.actor import Actor
from sarhad.audit.models import AuditEntry
from sarhad.common.errors import Forbidden, ValidationFailed
from sarhad.people import selectors, services
from sarhad.people.models import Person, TravelDocument

pytestmark = pytest.mark.django_db

PERSON = services.PersonData(surname="MAMMADOV", given_names="ALI", surname_native="Məmmədov",
                             given_names_native="Əli", patronymic="Həsən oğlu", birth_year=1980,
                             birth_month=5, sex="M", nationalities=("AZE",))
DOC = services.DocumentData(document_code="P<", number="c01234567", issuing_state="AZE")


@pytest.fixture
def officer(make_user):
    return Actor.for_user(make_user("o1", "border_officer", ["GYD"]))


@pytest.fixture
def central(make_user):
    return Actor.for_user(make_user("m1", "migration_officer"))


def test_same_document_twice_gives_one_person(central):
    p1, d1, created1 = services.register_traveller(central, PERSON, DOC)
    p2, d2, created2 = services.register_traveller(central, PERSON, DOC)
    assert created1 and not created2
    assert p1.pk == p2.pk and d1.pk == d2.pk
    assert Person.objects.count() == 1 and TravelDocument.objects.count() == 1
    assert d1.number == "C01234567"


def test_partial_birth_date_is_kept(central):
    person = services.register_person(central, PERSON)
    assert person.birth_date_display == "1980-05-XX"


@pytest.mark.parametrize("changes, field", [
    ({"birth_month": 13}, "birth_month"),
    ({"birth_month": 2, "birth_day": 30}, "birth_day"),
    ({"birth_month": None, "birth_day": 3}, "birth_day"),
    ({"sex": "Q"}, "sex"),
    ({"surname": "", "surname_native": ""}, "surname"),
    ({"nationalities": ("AZE", "QQQ")}, "nationalities"),
])
def test_bad_person_data_names_the_field(central, changes, field):
    data = services.PersonData(**{**PERSON.__dict__, **changes})
    with pytest.raises(ValidationFailed) as err:
        services.register_person(central, data)
    assert err.value.details[0]["field"] == field
    assert Person.objects.count() == 0


def test_writes_and_reads_are_audited(central):
    person = services.register_person(central, PERSON)
    selectors.get_person(central, person.pk)
    selectors.search_people(central, "Məmməd")
    services.update_person(central, person.pk, given_names="ALI HASAN")
    actions = list(AuditEntry.objects.filter(object_type="person").values_list("action", "actor_name"))
    assert actions == [("create", "m1"), ("view", "m1"), ("search", "m1"), ("update", "m1")]
    update = AuditEntry.objects.get(action="update")
    assert update.details["changed"]["given_names"] == ["ALI", "ALI HASAN"]


def test_post_scoped_officer_cannot_read_other_posts_person(central, officer):
    person = services.register_person(central, PERSON, post="SAMUR")
    with pytest.raises(Forbidden):
        selectors.get_person(officer, person.pk)
    assert selectors.search_people(officer, "MAMMADOV") == []
    mine = services.register_person(central, PERSON, post="GYD")
    assert selectors.get_person(officer, mine.pk).pk == mine.pk


def test_partner_agency_user_has_no_person_access(make_user):
    partner = Actor.for_user(make_user("pa", "partner_agency"))
    with pytest.raises(Forbidden):
        services.register_person(partner, PERSON)


def test_document_holder_reads_the_document_and_person_as_the_orm_would(central):
    from datetime import date

    data = services.DocumentData(document_code="P<", number="C07654321", issuing_state="AZE",
                                 issue_date=date(2021, 3, 4), expiry_date=date(2031, 3, 3))
    person, doc, _ = services.register_traveller(central, PERSON, data)
    found_person, found_doc = services.document_holder("AZE", "C07654321")
    stored = TravelDocument.objects.get(pk=doc.pk)
    assert found_person.pk == person.pk and found_person.native_name == "Əli Məmmədov"
    assert found_doc.pk == stored.pk and found_doc.person is found_person
    assert (found_doc.issue_date, found_doc.expiry_date) == (date(2021, 3, 4), date(2031, 3, 3))
    assert found_doc.created_at == stored.created_at  # not read by the query: loaded when asked
    assert services.document_holder("AZE", "C00000000") == (None, None)
    assert services.document_holder("GEO", "C07654321") == (None, None)


def test_a_traveller_whose_document_cannot_be_stored_leaves_no_person(central, monkeypatch):
    """register_traveller writes the person and the document together or not at all."""
    def failing(*args, **kwargs):
        raise RuntimeError("the document could not be stored")

    monkeypatch.setattr(services, "_create_document", failing)
    with pytest.raises(RuntimeError):
        services.register_traveller(central, PERSON, DOC)
    assert Person.objects.count() == 0 and TravelDocument.objects.count() == 0
