"""Benchmarks are read-only in the admin: a version is never edited in place; a change is
imported as a new version (`citypeer benchmark import`, or the import page)."""

from django.contrib import admin

from citypeer.benchmarks.models import (
    Benchmark,
    CityExample,
    ContextFactor,
    GuideQuestion,
    Indicator,
    KeyFactor,
    Pillar,
    Value,
)


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReadOnlyInline(ReadOnlyMixin, admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = True


class PillarInline(ReadOnlyInline):
    model = Pillar
    fields = ["code", "name", "standard"]


class ValueInline(ReadOnlyInline):
    model = Value
    fields = ["code", "name"]


class KeyFactorInline(ReadOnlyInline):
    model = KeyFactor
    fields = ["code", "title"]


class ContextFactorInline(ReadOnlyInline):
    model = ContextFactor
    fields = ["code", "name", "examples"]


@admin.register(Benchmark)
class BenchmarkAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["slug", "version", "title", "kind", "language", "imported_at"]
    list_filter = ["kind", "language"]
    search_fields = ["slug", "title"]
    inlines = [ValueInline, PillarInline, KeyFactorInline, ContextFactorInline]


@admin.register(Indicator)
class IndicatorAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["code", "benchmark", "text"]
    list_filter = ["benchmark", "pillar__code", "value__code"]
    search_fields = ["code", "text"]
    list_select_related = ["benchmark"]


@admin.register(Pillar, Value, ContextFactor)
class BenchmarkPartAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_select_related = ["benchmark"]
    list_display = ["code", "__str__", "benchmark"]


class GuideQuestionInline(ReadOnlyInline):
    model = GuideQuestion
    fields = ["text"]


class CityExampleInline(ReadOnlyInline):
    model = CityExample
    fields = ["city", "year", "text"]


@admin.register(KeyFactor)
class KeyFactorAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["code", "title", "benchmark"]
    list_select_related = ["benchmark"]
    inlines = [GuideQuestionInline, CityExampleInline]


@admin.register(GuideQuestion, CityExample)
class KeyFactorPartAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_select_related = ["key_factor"]
