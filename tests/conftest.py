"""Suite-wide test configuration.

Tests of the pure kernels (no database) and the benchmark smoke runs (which start their
own servers) are marked ``kernel`` by their folder, so the PostgreSQL pass of
``make test`` deselects them: they already ran once in the SQLite pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

KERNEL_FOLDERS = {"documents", "names", "screening", "rules", "kernels", "bench"}
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

@pytest.fixture(autouse=True)
def _fresh_reference_cache():
    """Every test starts without the per-process reference cache of the tests before it."""
    from sarhad.common import refcache

    refcache.clear()


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



def _lift_audit_triggers_for_flush() -> None:
    """Let Django empty the audit table between transactional tests.

    After a transactional test (browser tests against the live server) Django empties
    every table; the append-only triggers rightly refuse that for the audit log. The
    test infrastructure lifts them for the flush alone and puts them back at once.
    """
    from django.db import connections
    from django.test import TransactionTestCase

    from sarhad.audit import triggers

    original = TransactionTestCase._fixture_teardown

    def _fixture_teardown(self):
        aliases = self._databases_names(include_mirrors=False)
        for alias in aliases:
            triggers.remove(connections[alias])
        try:
            original(self)
        finally:
            for alias in aliases:
                triggers.install(connections[alias])

    TransactionTestCase._fixture_teardown = _fixture_teardown


_lift_audit_triggers_for_flush()
