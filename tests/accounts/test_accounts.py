"""Passwords are hashed with Argon2id; repeated failed logins lock the account."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_password_is_argon2id(make_user):
    user = make_user("a1", "analyst", password="a long enough secret 1")
    assert user.password.startswith("argon2$argon2id$")


@override_settings(LOCKOUT_ATTEMPTS=3)
def test_lockout_after_failed_logins_even_with_right_password(client, make_user):
    make_user("a2", "analyst", password="the right password 2")
    for _ in range(3):
        response = client.post("/login/", {"username": "a2", "password": "wrong"})
        assert response.status_code == 200  # form shown again with an error
    response = client.post("/login/", {"username": "a2", "password": "the right password 2"})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    from sarhad.accounts.models import User

    assert User.objects.get(username="a2").is_locked()


def test_successful_login_resets_the_counter(client, make_user):
    user = make_user("a3", "analyst", password="the right password 3")
    client.post("/login/", {"username": "a3", "password": "wrong"})
    response = client.post("/login/", {"username": "a3", "password": "the right password 3"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.failed_logins == 0
