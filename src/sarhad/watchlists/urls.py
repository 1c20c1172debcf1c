from django.urls import path

from . import views

app_name = "watchlists"
urlpatterns = [
    path("", views.lists, name="lists"),
    path("hits/", views.hits, name="hits"),
    path("hits/<str:hit_id>/decide/", views.hit_decide, name="decide"),
    path("entries/<str:entry_id>/", views.entry_detail, name="entry"),
    path("entries/<str:entry_id>/deactivate/", views.entry_deactivate, name="deactivate"),
    path("<str:list_id>/", views.list_detail, name="list"),
    path("<str:list_id>/import/", views.list_import, name="import"),
    path("<str:list_id>/active/", views.list_active, name="active"),
    path("<str:list_id>/entries/new/", views.entry_new, name="entry_new"),
]
