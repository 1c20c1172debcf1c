"""Border pages: the desk, the post dashboard, referrals, overstayers, refusal notices.

Views translate between the browser and ``services``/``selectors``; they decide nothing.
"""

from __future__ import annotations

import csv
import io
import uuid
from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_POST

from sarhad.common.errors import Conflict, ValidationFailed
from sarhad.reference.models import RefusalReason
from sarhad.web.shortcuts import with_actor

from . import notices, selectors, services
from .models import Direction


def _posts_of(actor):
    if actor.post_codes is None:
        return []
    return sorted(actor.post_codes)


@login_required
@with_actor
def crossing_detail(request, actor, crossing_id):
    crossing = selectors.get_crossing(actor, crossing_id)
    return render(request, "border/crossing.html", {"crossing": crossing})


@login_required
@with_actor
def desk(request, actor):
    actor.require("border.desk")
    posts = _posts_of(actor)
    post = request.GET.get("post") or (posts[0] if posts else "")
    actor.require_post(post)
    return render(request, "border/desk.html", {
        "posts": posts, "post": post, "reasons": RefusalReason.objects.all(),
    })


@login_required
@require_POST
@with_actor
def desk_check(request, actor):
    post = request.POST.get("post", "")
    direction = request.POST.get("direction", Direction.ENTRY)
    mrz = request.POST.get("mrz", "")
    try:
        result = services.check(actor, mrz, post, direction)
    except ValidationFailed as exc:
        return render(request, "border/_problem.html", {"message": exc.message}, status=422)
    return render(request, "border/_check.html", {
        "r": result, "mrz": "\n".join(result.document.get("mrz") or []) or mrz, "post": post,
        "reasons": RefusalReason.objects.all(),
        # One key per screen: a double press of a decision key records once.
        "decision_key": uuid.uuid4().hex,
    })


@login_required
@require_POST
@with_actor
def desk_decide(request, actor):
    post = request.POST.get("post", "")
    mrz = request.POST.get("mrz", "")
    decision = request.POST.get("decision", "")
    notes = request.POST.get("notes", "")[:2000]
    key = request.POST.get("idempotency_key") or None
    try:
        if decision == "admit":
            crossing, _ = services.record_entry(actor, mrz, post, idempotency_key=key, notes=notes)
            context = {"kind": "entry", "crossing": crossing}
        elif decision == "exit":
            crossing, _ = services.record_exit(actor, mrz, post, idempotency_key=key, notes=notes)
            context = {"kind": "exit", "crossing": crossing}
        elif decision == "refuse":
            refusal = services.refuse(actor, mrz, post, request.POST.getlist("reasons"), notes=notes,
                                      idempotency_key=key)
            context = {"kind": "refusal", "refusal": refusal, "reasons": list(refusal.reasons.all())}
        elif decision == "refer":
            direction = request.POST.get("direction", Direction.ENTRY)
            referral = services.refer(actor, mrz, post, direction, reason=notes)
            context = {"kind": "referral", "referral": referral}
        else:
            raise ValidationFailed.on("decision", f"unknown decision {decision!r}")
    except (ValidationFailed, Conflict) as exc:
        return render(request, "border/_problem.html", {"message": exc.message}, status=422)
    return render(request, "border/_done.html", context)


@login_required
@with_actor
def refusal_notice(request, actor, refusal_id):
    refusal = selectors.get_refusal(actor, refusal_id)
    pdf = notices.refusal_notice_pdf(refusal)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="refusal-{refusal.pk}.pdf"'
    return response


@login_required
@with_actor
def dashboard(request, actor):
    data = selectors.dashboard(actor, request.GET.get("post"))
    template = "border/_dashboard.html" if request.headers.get("HX-Request") else "border/dashboard.html"
    return render(request, template, {"d": data, "posts": _posts_of(actor),
                                      "reasons": RefusalReason.objects.all()})


@login_required
@require_POST
@with_actor
def decide_referral(request, actor, referral_id):
    try:
        services.decide_referral(actor, referral_id, request.POST.get("decision", ""),
                                 reasons=request.POST.getlist("reasons"), notes=request.POST.get("notes", ""))
    except (ValidationFailed, Conflict) as exc:
        return render(request, "border/_problem.html", {"message": exc.message}, status=422)
    data = selectors.dashboard(actor, request.POST.get("post"))
    return render(request, "border/_dashboard.html", {"d": data, "reasons": RefusalReason.objects.all()})


def _overstayer_filters(request):
    on = request.GET.get("on")
    try:
        on = date.fromisoformat(on) if on else timezone.localdate()
    except ValueError:
        raise ValidationFailed.on("on", f"{on!r} is not a date (YYYY-MM-DD)") from None
    return {"on": on, "nationality": request.GET.get("nationality") or None, "post": request.GET.get("post") or None}


@login_required
@with_actor
def overstayers(request, actor):
    try:
        filters = _overstayer_filters(request)
    except ValidationFailed as exc:
        return render(request, "border/_problem.html", {"message": exc.message}, status=422)
    fmt = request.GET.get("format")
    rows = selectors.overstayers(actor, filters["on"], nationality=filters["nationality"], post=filters["post"],
                                 limit=None if fmt else 500)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=selectors.OVERSTAYER_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="overstayers-{filters["on"]}.csv"'
        return response
    if fmt == "xlsx":
        response = HttpResponse(notices.overstayers_xlsx(rows, selectors.OVERSTAYER_COLUMNS),
                                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response["Content-Disposition"] = f'attachment; filename="overstayers-{filters["on"]}.xlsx"'
        return response
    return render(request, "border/overstayers.html", {"rows": rows, "f": filters})


@login_required
@with_actor
def demo_queue(request, actor):
    """The demo post's queue of travellers: MRZs to scan at the desk."""
    actor.require("border.desk")
    from sarhad.demo.queue import demo_queue as queue

    return render(request, "border/demo_queue.html", {"queue": queue()})
