from django.contrib import admin

from citypeer.programmes.models import Programme, ProgrammePhase, Review, ReviewStep


class ReviewInline(admin.TabularInline):
    model = Review
    extra = 0
    show_change_link = True


class PhaseInline(admin.TabularInline):
    model = ProgrammePhase
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "benchmark", "team_size", "max_reviews_per_peer"]
    filter_horizontal = ["cities", "peer_pool"]
    inlines = [PhaseInline, ReviewInline]
    list_select_related = ["benchmark"]
    prepopulated_fields = {"slug": ["name"]}


class StepInline(admin.TabularInline):
    model = ReviewStep
    extra = 0
    can_delete = False
    fields = ["step", "status", "due_on", "responsible"]
    readonly_fields = ["step"]
    raw_id_fields = ["responsible"]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["city", "programme"]
    list_filter = ["programme"]
    list_select_related = ["city", "programme"]
    inlines = [StepInline]
