from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from citypeer.deskreviews.models import DeskJudgement, DeskReview


class DeskJudgementInline(admin.TabularInline):
    model = DeskJudgement
    extra = 0
    fields = ["indicator", "performance", "edit_count", "updated_at"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True


@admin.register(DeskReview)
class DeskReviewAdmin(admin.ModelAdmin):
    list_display = ["review", "peer", "submitted_at"]
    list_select_related = ["review__city", "review__programme", "peer"]
    inlines = [DeskJudgementInline]


@admin.register(DeskJudgement)
class DeskJudgementAdmin(SimpleHistoryAdmin):
    list_display = ["desk_review", "indicator", "performance", "edit_count"]
    list_select_related = ["desk_review__peer", "desk_review__review__city",
                           "desk_review__review__programme", "indicator"]
    raw_id_fields = ["desk_review", "indicator"]
    filter_horizontal = ["to_meet"]
