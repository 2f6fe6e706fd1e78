"""Headline findings: drafting them from the assessment, agreeing or objecting, redrafting,
and the one printable page for the presentation to the host city."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from citypeer.common.editing import EditConflict
from citypeer.common.lookup import get_review, get_row, require
from citypeer.feedback.domain.headlines import (
    draft_from_assessment,
    save_headline,
    state_of,
    vote,
)
from citypeer.feedback.domain.queries import headlines_in_full, headlines_of, member_ids, team_of
from citypeer.feedback.interfaces.forms import codes_typed, edit_count_sent
from citypeer.feedback.method.agreement import all_agreed


def _rows(review, user):
    members = member_ids(review)
    rows = []
    for headline in headlines_in_full(review):
        state = state_of(headline, members=members)
        mine = next((v for v in headline.votes.all() if v.person_id == user.pk), None)
        rows.append({"headline": headline, "state": state.state, "mine": mine,
                     "votes": sorted(headline.votes.all(), key=lambda v: v.person.name),
                     "waiting": len(state.waiting)})
    return rows


def _act(request, review) -> None:
    """Does what the form asked; raises what the domain refuses."""
    action = request.POST.get("action")
    if action == "draft":
        made = draft_from_assessment(review=review, by=request.user)
        messages.success(request, _("%(n)s headline findings drafted from the "
                                    "assessment.") % {"n": len(made)})
    elif action in ("agree", "object"):
        vote(headline=get_row(headlines_of(review), request.POST.get("headline")),
             person=request.user, agrees=action == "agree",
             comment=request.POST.get("comment", ""))
    else:
        headline = None
        if request.POST.get("headline"):
            headline = get_row(headlines_of(review), request.POST["headline"])
        save_headline(review=review, by=request.user, text=request.POST.get("text", ""),
                      indicators=codes_typed(request.POST.get("indicators", "")),
                      headline=headline, edit_count=edit_count_sent(request.POST))


@login_required
def headlines(request, review):
    review = get_review(review, user=request.user, permission="feedback.view_feedback")
    errors, conflict, status = {}, None, 200
    if request.method == "POST":
        require(request.user, "feedback.write_feedback", review)
        try:
            _act(request, review)
            return redirect("feedback:headlines", review=review.pk)
        except ValidationError as exc:
            errors, status = exc.message_dict, 400
        except EditConflict as exc:
            conflict, status = exc, 409
    rows = _rows(review, request.user)
    return render(request, "feedback/headlines.html", {
        "review": review, "rows": rows, "errors": errors, "conflict": conflict,
        "can_write": request.user.has_perm("feedback.write_feedback", review),
        "all_agreed": all_agreed(r["state"] for r in rows),
    }, status=status)


@login_required
def headline_summary(request, review):
    """One printable page for the presentation to the host city."""
    review = get_review(review, user=request.user, permission="feedback.view_feedback")
    rows = _rows(review, request.user)
    return render(request, "feedback/headline_summary.html", {
        "review": review, "rows": rows, "team": team_of(review),
        "all_agreed": all_agreed(r["state"] for r in rows)})
