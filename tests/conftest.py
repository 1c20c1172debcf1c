"""Suite-wide test configuration.

Tests of the pure kernels (no database) are marked ``kernel`` by their folder, so the
PostgreSQL pass of ``make test`` skips them: they do not touch a database and already ran
in the SQLite pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

KERNEL_FOLDERS = {"documents", "names", "screening", "rules", "kernels"}
TESTS_ROOT = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        try:
            first = Path(item.fspath).relative_to(TESTS_ROOT).parts[0]
        except ValueError:
            continue
        if first in KERNEL_FOLDERS:
            item.add_marker(pytest.mark.kernel)
        if first == "browser":
            item.add_marker(pytest.mark.browser)


# Property tests: no per-example deadline (shared CI machines are noisy; speed lives in
# bench/), and a fixed derivation under CI so a red run can be reproduced.
from hypothesis import settings as _hyp_settings  # noqa: E402

_hyp_settings.register_profile("sarhad", deadline=None, print_blob=True)
_hyp_settings.register_profile("ci", deadline=None, print_blob=True, derandomize=True)
_hyp_settings.load_profile("ci" if __import__("os").environ.get("CI") else "sarhad")


# --- Django fixtures --------------------------------------------------------------------

@pytest.fixture
def make_user(db):
    """Create a user with a role and posts: ``make_user("officer", "border_officer", ["GYD"])``."""
    from sarhad.accounts.models import User

    def make(username, role, posts=(), password=None, **extra):
        user = User.objects.create(username=username, role=role, **extra)
        if password:
            user.set_password(password)
            user.save()
        user.posts.set(posts)
        return user

    return make


@pytest.fixture
def make_client(db):
    """Create an API client; returns ``(client_row, token)``."""
    from sarhad.accounts.actor import Actor
    from sarhad.accounts.services import create_api_client

    counter = iter(range(10_000))

    def make(scopes, posts=(), name=None):
        return create_api_client(Actor.system("tests"), name or f"client-{next(counter)}", list(scopes), list(posts))

    return make


@pytest.fixture
def system_actor():
    from sarhad.accounts.actor import Actor

    return Actor.system("tests")


@pytest.fixture
def api_call(client):
    """``api_call("post", "/api/v1/...", token, json=...)`` -> response."""
    import json as _json

    def call(method, path, token=None, json=None, **params):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
        if method == "get":
            return client.get(path, params, **headers)
        return getattr(client, method)(path, data=_json.dumps(json) if json is not None else "",
                                       content_type="application/json", **headers)

    return call


@pytest.fixture
def _restore_audit_triggers(django_db_blocker):
    """Teardown (runs after the flush of a transactional test): put the triggers back."""
    yield
    from django.db import connection

    from sarhad.audit import triggers

    with django_db_blocker.unblock():
        triggers.install(connection)


@pytest.fixture
def transactional_site(_restore_audit_triggers, transactional_db):
    """A transactional database whose audit table can be emptied between tests.

    Django empties every table after a transactional test; the append-only triggers
    refuse that for the audit table, so they are lifted just for the flush (teardown
    order: this fixture, then the flush, then ``_restore_audit_triggers``).
    """
    yield
    from django.db import connection

    from sarhad.audit import triggers

    triggers.remove(connection)
