from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sarhad.accounts.roles import Role

# What each role does, shown on its home page: (url name, label, text)
ROLE_HOME = {
    Role.BORDER_OFFICER: (
        gettext_lazy("Check travellers at your post: scan a document, see checks and stay limits, admit, refuse or refer."),
        [("border:desk", gettext_lazy("Border desk"), gettext_lazy("Scan a travel document and decide"))],
    ),
    Role.BORDER_SUPERVISOR: (
        gettext_lazy("Watch your post: today's traffic, refusals, watchlist hits and referrals waiting for you."),
        [
            ("border:dashboard", gettext_lazy("Post dashboard"), gettext_lazy("Live figures for your post")),
            ("watchlists:hits", gettext_lazy("Hit review"), gettext_lazy("Confirm or dismiss watchlist hits")),
            ("border:desk", gettext_lazy("Border desk"), gettext_lazy("Check a traveller yourself")),
            ("border:overstayers", gettext_lazy("Overstayers"), gettext_lazy("People beyond their permitted stay")),
        ],
    ),
    Role.MIGRATION_OFFICER: (
        gettext_lazy("Handle visa, residence-permit, work-permit and registration cases."),
        [("people:search", gettext_lazy("People"), gettext_lazy("Find a person and their documents"))],
    ),
    Role.READMISSION_OFFICER: (
        gettext_lazy("Handle readmission requests to and from partner states within the agreement deadlines."),
        [("people:search", gettext_lazy("People"), gettext_lazy("Find a person and their border history"))],
    ),
    Role.ANALYST: (
        gettext_lazy("Statistics and risk analysis: overstayers, refusals, traffic."),
        [("border:overstayers", gettext_lazy("Overstayers"), gettext_lazy("People beyond their permitted stay")),
         ("people:search", gettext_lazy("People"), gettext_lazy("Search the person registry"))],
    ),
    Role.PARTNER_AGENCY: (
        gettext_lazy("Your agency works with Sarhad through the API; its documentation is linked below."),
        [("api:openapi-view", gettext_lazy("API documentation"), gettext_lazy("Endpoints, schemas and scopes"))],
    ),
    Role.ADMINISTRATOR: (
        gettext_lazy("Users, roles, reference data, watchlists and the audit log."),
        [("admin:index", gettext_lazy("Administration"), gettext_lazy("Users, posts, reference data, audit log")),
         ("watchlists:lists", gettext_lazy("Watchlists"), gettext_lazy("Lists, entries and imports")),
         ("people:search", gettext_lazy("People"), gettext_lazy("Search the person registry"))],
    ),
}


@login_required
def home(request):
    summary, tiles = ROLE_HOME.get(request.user.role, ("", []))
    shown = []
    for url_name, label, text in tiles:
        try:
            shown.append({"url": reverse(url_name), "label": label, "text": text})
        except NoReverseMatch:
            continue
    return render(request, "web/home.html", {"role_summary": summary, "tiles": shown})


def forbidden(request, exception=None):
    message = str(exception) if exception and str(exception) else _("You may not open this page.")
    return render(request, "web/error.html", {"status": 403, "title": _("Forbidden"), "message": message}, status=403)


def not_found(request, exception=None):
    return render(request, "web/error.html",
                  {"status": 404, "title": _("Not found"), "message": _("There is nothing at this address.")},
                  status=404)
