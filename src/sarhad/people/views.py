from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from sarhad.common.errors import ValidationFailed
from sarhad.web.shortcuts import with_actor

from . import selectors


@login_required
@with_actor
def search(request, actor):
    actor.require("person.read")
    query = request.GET.get("q", "").strip()
    people, error = [], ""
    if query:
        try:
            people = selectors.search_people(actor, query)
        except ValidationFailed as exc:
            error = exc.message
    return render(request, "people/search.html", {"q": query, "people": people, "error": error})


@login_required
@with_actor
def detail(request, actor, person_id):
    person = selectors.get_person(actor, person_id)
    crossings = person.crossings.select_related("post").order_by("-occurred_at")[:50]
    visible = [c for c in crossings if actor.can_see_post(c.post_id)] if actor.post_codes is not None else list(crossings)
    return render(request, "people/detail.html", {
        "person": person, "documents": selectors.documents_of(person), "crossings": visible,
        "nationalities": person.nationalities.all(),
    })
