"""A person logs in through a real browser, sees their role's home page, switches language."""

from sarhad.accounts.models import User

PASSWORD = "browser test password 1"


def test_login_home_and_language_switch(login, page, site, make_user):
    make_user("b-officer", "border_officer", ["GYD"], password=PASSWORD, first_name="Elvin")
    login("b-officer", PASSWORD)
    assert page.locator("h1").inner_text() == "Welcome, Elvin"
    assert "Border officer" in page.locator(".whoami").inner_text()
    with page.expect_navigation():
        page.select_option("#lang", "az")
    assert page.locator("#logout").inner_text() == "Çıxış"
    with page.expect_navigation():
        page.select_option("#lang", "ru")
    assert page.locator("#logout").inner_text() == "Выйти"


def test_wrong_password_shows_an_error_and_counts(login, page, make_user):
    make_user("b-analyst", "analyst", password=PASSWORD)
    login("b-analyst", "not the password")
    assert page.locator("p.error[role=alert]").is_visible()
    assert User.objects.get(username="b-analyst").failed_logins == 1
