from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("", views.search, name="search"),
    path("<str:person_id>/", views.detail, name="detail"),
]
