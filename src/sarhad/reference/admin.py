from django.contrib import admin

from .models import BorderCrossingPoint, Country, DocumentType, RefusalReason


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "icao_special", "active")
    list_filter = ("icao_special", "active")
    search_fields = ("code", "name")


@admin.register(BorderCrossingPoint)
class BorderCrossingPointAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "name_az", "kind", "neighbour", "region", "active")
    list_filter = ("kind", "active")
    search_fields = ("code", "name", "name_az")


@admin.register(RefusalReason)
class RefusalReasonAdmin(admin.ModelAdmin):
    list_display = ("code", "text")


@admin.register(DocumentType)
class DocumentTypeAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "category")
    list_filter = ("category",)
