"""The step's overview: what each person may open in step 7 of a review."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from citypeer.common.lookup import get_review
from citypeer.feedback.domain.queries import report_of


@login_required
def overview(request, review):
    user = request.user
    review = get_review(review, user=user, permission="feedback.open_feedback")
    return render(request, "feedback/overview.html", {
        "review": review, "report": report_of(review),
        "can_write": user.has_perm("feedback.write_feedback", review),
        "can_see_team_work": user.has_perm("feedback.view_feedback", review),
        "can_see_report": user.has_perm("feedback.view_report", review),
        "can_respond": user.has_perm("feedback.update_commitment", review),
    })
