from django.contrib import admin
from django.urls import include, path

from sarhad.api.assembly import api

admin.site.site_header = "Sarhad administration"
admin.site.site_title = "Sarhad"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("people/", include("sarhad.people.urls")),
    path("border/", include("sarhad.border.urls")),
    path("watchlists/", include("sarhad.watchlists.urls")),
    path("", include("sarhad.web.urls")),
]

handler403 = "sarhad.web.views.forbidden"
handler404 = "sarhad.web.views.not_found"
