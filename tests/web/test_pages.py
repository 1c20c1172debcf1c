"""Pages: login required, a home page per role, language switch, post scoping on pages."""

import pytest
from django.utils import timezone

from sarhad.accounts.roles import Role

pytestmark = pytest.mark.django_db


def test_home_requires_login(client):
    response = client.get("/")
    assert response.status_code == 302 and response.url.startswith("/login/")


@pytest.mark.parametrize("role", list(Role.values))
def test_every_role_has_a_home_page(client, make_user, role):
    user = make_user(f"u-{role}", role, ["GYD"] if role.startswith("border") else [])
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    assert str(Role(role).label) in response.content.decode()


def test_language_switch_to_azerbaijani_and_russian(client, make_user):
    client.force_login(make_user("l1", "analyst"))
    response = client.post("/i18n/setlang/", {"language": "az", "next": "/"}, follow=True)
    assert "Çıxış" in response.content.decode()  # "Log out"
    response = client.post("/i18n/setlang/", {"language": "ru", "next": "/"}, follow=True)
    assert "Выйти" in response.content.decode()


def test_vendored_front_end_libraries_are_served_locally(client, make_user):
    client.force_login(make_user("l2", "analyst"))
    page = client.get("/").content.decode()
    assert "/static/vendor/htmx-2.0.11.min.js" in page and "://cdn" not in page
    assert client.get("/static/vendor/htmx-2.0.11.min.js").status_code == 200
    assert client.get("/static/vendor/chart-4.6.1.umd.min.js").status_code == 200


def test_officer_cannot_open_another_posts_crossing(client, make_user, system_actor):
    from sarhad.border.models import Crossing
    from sarhad.people import services

    person = services.register_person(system_actor, services.PersonData(surname="QULIYEV"), post="SAMUR")
    crossing = Crossing.objects.create(person=person, post_id="SAMUR", direction="entry",
                                       local_date=timezone.localdate())
    client.force_login(make_user("gyd-officer", "border_officer", ["GYD"]))
    assert client.get(f"/border/crossings/{crossing.pk}/").status_code == 403
    assert client.get(f"/people/{person.pk}/").status_code == 403
    client.force_login(make_user("samur-officer", "border_officer", ["SAMUR"]))
    assert client.get(f"/border/crossings/{crossing.pk}/").status_code == 200
    assert client.get(f"/people/{person.pk}/").status_code == 200


def test_admin_views_of_personal_data_are_audited(client, make_user, system_actor):
    from sarhad.audit.models import AuditEntry
    from sarhad.border.models import Crossing
    from sarhad.people import services

    person = services.register_person(system_actor, services.PersonData(surname="ABBASOV"), post="GYD")
    crossing = Crossing.objects.create(person=person, post_id="GYD", direction="entry",
                                       local_date=timezone.localdate())
    admin = make_user("root", "administrator", is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert client.get("/admin/border/crossing/").status_code == 200
    assert client.get(f"/admin/border/crossing/{crossing.pk}/change/").status_code == 200
    actions = set(AuditEntry.objects.filter(actor_name="root", object_type="admin:crossing")
                  .values_list("action", flat=True))
    assert actions == {"search", "view"}
