from django.urls import path

from . import views

app_name = "border"
urlpatterns = [
    path("desk/", views.desk, name="desk"),
    path("desk/check/", views.desk_check, name="desk-check"),
    path("desk/decide/", views.desk_decide, name="desk-decide"),
    path("desk/demo-queue/", views.demo_queue, name="demo-queue"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("referrals/<str:referral_id>/decide/", views.decide_referral, name="decide-referral"),
    path("overstayers/", views.overstayers, name="overstayers"),
    path("crossings/<str:crossing_id>/", views.crossing_detail, name="crossing"),
    path("refusals/<str:refusal_id>/notice.pdf", views.refusal_notice, name="refusal-notice"),
]
