"""Errors raised by services and selectors, translated by each edge (page, API, CLI).

Each carries a machine-readable ``code`` and a human message; validation errors also
name the field (and, for MRZ text, the line and position) that was wrong.
"""

from __future__ import annotations


class ServiceError(Exception):
    """A request that cannot be carried out as asked (HTTP 400)."""

    code = "invalid_request"
    status = 400

    def __init__(self, message: str, *, code: str | None = None, details: list | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        self.details = details or []


class ValidationFailed(ServiceError):
    """Bad input: ``details`` lists ``{"field": ..., "message": ...}`` items (HTTP 422)."""

    code = "validation_failed"
    status = 422

    @classmethod
    def on(cls, field_name: str, message: str, **extra) -> "ValidationFailed":
        return cls(f"{field_name}: {message}", details=[{"field": field_name, "message": message, **extra}])


class NotFound(ServiceError):
    code = "not_found"
    status = 404


class Forbidden(ServiceError):
    """The actor may not see or change this object (role or post scope)."""

    code = "forbidden"
    status = 403


class Conflict(ServiceError):
    code = "conflict"
    status = 409



def get_or_not_found(queryset, pk, what: str):
    """``queryset.get(pk=pk)``, or :class:`NotFound` naming ``what`` — also for an id that
    is not even well-formed (a malformed UUID in a URL is "no such record", not a 500)."""
    from django.core.exceptions import ValidationError

    try:
        return queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, ValidationError):
        raise NotFound(f"no {what} {pk}") from None
