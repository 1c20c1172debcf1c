from django.urls import path

from . import views

app_name = "border"
urlpatterns = [
    path("crossings/<str:crossing_id>/", views.crossing_detail, name="crossing"),
]
