"""Navigation per role: each role sees the pages of its work, nothing else."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from sarhad.accounts.roles import role_has

# (permission, url name, label)
NAVIGATION = [
    (None, "home", _("Home")),
    ("border.desk", "border:desk", _("Border desk")),
    ("border.supervise", "border:dashboard", _("Post dashboard")),
    ("watchlist.review", "watchlists:hits", _("Hit review")),
    ("stats.read", "border:overstayers", _("Overstayers")),
    ("person.read", "people:search", _("People")),
    ("watchlist.manage", "watchlists:lists", _("Watchlists")),
    ("audit.read", "admin:index", _("Administration")),
]


def navigation(request):
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {"nav_items": []}
    items = []
    for permission, url_name, label in NAVIGATION:
        if permission and not (role_has(user.role, permission) or user.is_superuser):
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:  # a part of the product not installed in this build
            continue
        items.append({"url": url, "label": label, "active": request.path == url})
    return {"nav_items": items}
