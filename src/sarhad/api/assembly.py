"""One NinjaAPI for the whole product; each part contributes a router.

Errors are JSON objects ``{"error": {"code": ..., "message": ..., "details": [...]}}``:
``code`` is machine-readable, ``message`` is for a person, ``details`` names fields.
"""

from __future__ import annotations

from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from sarhad.common.errors import ServiceError

from .auth import ClientToken

api = NinjaAPI(
    title="Sarhad API",
    version="1",
    description=(
        "Migration and border management API for partner agencies, e-gates and kiosks. "
        "Authenticate with `Authorization: Bearer <token>` (create clients with "
        "`sarhad api-client create` or in admin). Every call is audited."
    ),
    auth=ClientToken(),
    docs_url="/docs",
    openapi_url="/v1/openapi.json",
    urls_namespace="api",
)


def _error(request, status: int, code: str, message: str, details=None):
    return api.create_response(
        request, {"error": {"code": code, "message": message, "details": details or []}}, status=status
    )


@api.exception_handler(ServiceError)
def _service_error(request, exc: ServiceError):
    return _error(request, exc.status, exc.code, exc.message, exc.details)


@api.exception_handler(NinjaValidationError)
def _validation_error(request, exc: NinjaValidationError):
    details = []
    for err in exc.errors:
        loc = [str(part) for part in err.get("loc", ()) if part not in ("body", "payload", "query", "path")]
        details.append({"field": ".".join(loc) or "body", "message": err.get("msg", "invalid")})
    summary = "; ".join(f"{d['field']}: {d['message']}" for d in details) or "invalid input"
    return _error(request, 422, "validation_failed", summary, details)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return _error(request, 401, "unauthenticated", "a valid bearer token is required")


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    return _error(request, exc.status_code, "http_error", str(exc))


def _add_routers() -> None:
    # Every router is mounted here, so the whole API surface reads from one place.
    from sarhad.api.documents import router as documents_router
    from sarhad.border.api import router as border_router
    from sarhad.people.api import router as people_router
    from sarhad.watchlists.api import router as screening_router

    api.add_router("/v1/people", people_router)
    api.add_router("/v1/documents", documents_router)
    api.add_router("/v1/screening", screening_router)
    api.add_router("/v1/border", border_router)


_add_routers()
