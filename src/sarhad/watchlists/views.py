"""Watchlist pages: list management for administrators, the hit review queue for supervisors."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sarhad.common.errors import Conflict, ValidationFailed
from sarhad.web.shortcuts import with_actor

from . import selectors, services
from .forms import DecisionForm, EntryForm, ImportForm, ListForm

PAGE = 50


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _error_into(form, exc: ValidationFailed) -> None:
    for detail in exc.details or [{"field": None, "message": exc.message}]:
        field = detail.get("field")
        form.add_error(field if field in form.fields else None, detail.get("message", exc.message))


# --------------------------------------------------------------------------- lists


@login_required
@with_actor
def lists(request, actor):
    actor.require("watchlist.manage")
    form = ListForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            watchlist = services.create_list(actor, **form.cleaned_data)
        except ValidationFailed as exc:
            _error_into(form, exc)
        except Conflict as exc:
            form.add_error("name", exc.message)
        else:
            messages.success(request, _("List %(name)s created.") % {"name": watchlist.name})
            return redirect("watchlists:list", list_id=watchlist.pk)
    return render(request, "watchlists/lists.html", {"lists": selectors.watchlists(actor), "form": form})


def _list_page(request, actor, watchlist, **extra):
    query = request.GET.get("q", "").strip()
    show_inactive = request.GET.get("inactive") == "1"
    try:
        page_number = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        page_number = 1
    entries, total = selectors.search_entries(actor, watchlist, query, include_inactive=show_inactive,
                                              limit=PAGE, offset=(page_number - 1) * PAGE)
    context = {
        "watchlist": watchlist, "entries": entries, "total": total, "q": query, "inactive": show_inactive,
        "page": page_number, "has_next": page_number * PAGE < total, "has_prev": page_number > 1,
        "import_form": extra.pop("import_form", None) or ImportForm(),
        "entry_form": extra.pop("entry_form", None) or EntryForm(), **extra,
    }
    if _is_htmx(request) and request.method == "GET":
        return render(request, "watchlists/_entries.html", context)
    return render(request, "watchlists/list.html", context)


@login_required
@with_actor
def list_detail(request, actor, list_id):
    return _list_page(request, actor, selectors.get_watchlist(actor, list_id))


@login_required
@with_actor
@require_POST
def list_import(request, actor, list_id):
    watchlist = selectors.get_watchlist(actor, list_id)
    form = ImportForm(request.POST, request.FILES)
    report = None
    if form.is_valid():
        try:
            report = services.import_entries(actor, watchlist, form.cleaned_data["format"], form.cleaned_data["file"],
                                             deactivate_missing=form.cleaned_data["replace"])
        except ValidationFailed as exc:
            form.add_error("file", exc.details[0]["message"] if exc.details else exc.message)
    return _list_page(request, actor, watchlist, import_form=form, report=report)


@login_required
@with_actor
@require_POST
def list_active(request, actor, list_id):
    watchlist = selectors.get_watchlist(actor, list_id)
    services.set_list_active(actor, watchlist, request.POST.get("active") == "1")
    return redirect("watchlists:list", list_id=watchlist.pk)


@login_required
@with_actor
@require_POST
def entry_new(request, actor, list_id):
    watchlist = selectors.get_watchlist(actor, list_id)
    form = EntryForm(request.POST)
    if form.is_valid():
        try:
            entry = services.add_entry(actor, watchlist, form.entry_data())
        except ValidationFailed as exc:
            _error_into(form, exc)
        else:
            messages.success(request, _("Entry added."))
            return redirect("watchlists:entry", entry_id=entry.pk)
    return _list_page(request, actor, watchlist, entry_form=form, show_entry_form=True)


# --------------------------------------------------------------------------- entries


@login_required
@with_actor
def entry_detail(request, actor, entry_id):
    entry = selectors.get_entry(actor, entry_id)
    form = EntryForm.for_entry(entry)
    if request.method == "POST":
        form = EntryForm(request.POST)
        if form.is_valid():
            data = form.entry_data(listed_on=entry.listed_on)
            try:
                changes = dict(data.__dict__)
                entry = services.update_entry(actor, entry.pk, **changes)
            except ValidationFailed as exc:
                _error_into(form, exc)
            else:
                messages.success(request, _("Saved as version %(version)s.") % {"version": entry.version})
                return redirect("watchlists:entry", entry_id=entry.pk)
    hits = entry.hits.select_related("post").order_by("-created_at")[:20]
    visible_hits = [h for h in hits if actor.can_see_post(h.post_id)]
    return render(request, "watchlists/entry.html", {"entry": entry, "form": form, "hits": visible_hits})


@login_required
@with_actor
@require_POST
def entry_deactivate(request, actor, entry_id):
    entry = services.deactivate_entry(actor, entry_id, reason=request.POST.get("reason", ""))
    messages.success(request, _("Entry deactivated (version %(version)s).") % {"version": entry.version})
    return redirect("watchlists:entry", entry_id=entry.pk)


# --------------------------------------------------------------------------- hit review


@login_required
@with_actor
def hits(request, actor):
    post = request.GET.get("post") or None
    queue = selectors.review_queue(actor, post)
    posts = sorted(actor.post_codes) if actor.post_codes is not None else []
    return render(request, "watchlists/hits.html", {"hits": queue, "post": post or "", "posts": posts})


@login_required
@with_actor
@require_POST
def hit_decide(request, actor, hit_id):
    form = DecisionForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            services.decide_hit(actor, hit_id, form.cleaned_data["decision"], form.cleaned_data["reason"])
        except ValidationFailed as exc:
            error = exc.details[0]["message"] if exc.details else exc.message
        except Conflict as exc:
            error = exc.message
    else:
        error = _("Choose confirm or dismiss.")
    if _is_htmx(request):
        hit = selectors.get_hit(actor, hit_id, audit=False)
        return render(request, "watchlists/_hit.html", {"h": hit, "error": error, "reason": request.POST.get("reason", "")})
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Decision recorded."))
    return redirect("watchlists:hits")
