from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from sarhad.web.shortcuts import with_actor

from . import selectors


@login_required
@with_actor
def crossing_detail(request, actor, crossing_id):
    crossing = selectors.get_crossing(actor, crossing_id)
    return render(request, "border/crossing.html", {"crossing": crossing})
