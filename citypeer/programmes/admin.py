from django.contrib import admin

from citypeer.programmes.models import Programme, Review


class ReviewInline(admin.TabularInline):
    model = Review
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "benchmark"]
    filter_horizontal = ["cities"]
    inlines = [ReviewInline]
    list_select_related = ["benchmark"]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["city", "programme"]
    list_select_related = ["city", "programme"]
