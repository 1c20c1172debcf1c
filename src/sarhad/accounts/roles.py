"""Roles and what each may do.

A role is a job, not a bag of permissions: the permissions follow from it here, in one
table, so a reviewer can read who may do what. Border roles are further scoped to the
border crossing points a user is assigned to (see ``sarhad.accounts.actor``).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    BORDER_OFFICER = "border_officer", _("Border officer")
    BORDER_SUPERVISOR = "border_supervisor", _("Border supervisor")
    MIGRATION_OFFICER = "migration_officer", _("Migration officer")
    READMISSION_OFFICER = "readmission_officer", _("Readmission officer")
    ANALYST = "analyst", _("Analyst")
    PARTNER_AGENCY = "partner_agency", _("Partner agency")
    ADMINISTRATOR = "administrator", _("Administrator")


#: Roles whose access to border records is limited to their assigned posts.
POST_SCOPED_ROLES = frozenset({Role.BORDER_OFFICER, Role.BORDER_SUPERVISOR})

#: permission -> roles holding it
PERMISSIONS: dict[str, frozenset[str]] = {
    "person.read": frozenset({
        Role.BORDER_OFFICER, Role.BORDER_SUPERVISOR, Role.MIGRATION_OFFICER,
        Role.READMISSION_OFFICER, Role.ANALYST, Role.ADMINISTRATOR,
    }),
    "person.write": frozenset({
        Role.BORDER_OFFICER, Role.BORDER_SUPERVISOR, Role.MIGRATION_OFFICER,
        Role.READMISSION_OFFICER, Role.ADMINISTRATOR,
    }),
    "border.desk": frozenset({Role.BORDER_OFFICER, Role.BORDER_SUPERVISOR}),
    "border.record": frozenset({Role.BORDER_OFFICER, Role.BORDER_SUPERVISOR}),
    "border.read": frozenset({
        Role.BORDER_OFFICER, Role.BORDER_SUPERVISOR, Role.MIGRATION_OFFICER,
        Role.READMISSION_OFFICER, Role.ANALYST, Role.ADMINISTRATOR,
    }),
    "border.supervise": frozenset({Role.BORDER_SUPERVISOR, Role.ADMINISTRATOR}),
    "watchlist.review": frozenset({Role.BORDER_SUPERVISOR, Role.ADMINISTRATOR}),
    "watchlist.manage": frozenset({Role.ADMINISTRATOR}),
    "stats.read": frozenset({Role.ANALYST, Role.BORDER_SUPERVISOR, Role.ADMINISTRATOR}),
    "audit.read": frozenset({Role.ADMINISTRATOR}),
}

#: Scopes an API client may be granted. A client holds scopes, not a role.
API_SCOPES = {
    "people:read": "Read person records and their travel documents",
    "people:write": "Register persons and travel documents",
    "documents:check": "Parse and validate machine readable zones",
    "screening:check": "Screen a traveller against the watchlists",
    "border:check": "Run a border check (e-gates, kiosks)",
    "border:record": "Record entries and exits (e-gates, kiosks)",
    "border:read": "Read crossing records",
}


def role_has(role: str, permission: str) -> bool:
    return role in PERMISSIONS.get(permission, ())
