"""What one person may see of a visit, as pages, API and exports read it."""

from django.http import Http404
from django.utils.translation import gettext as _

from citypeer.visits.domain.instance import VisitData, visit_data
from citypeer.visits.domain.queries import visit_of


def visit_or_404(review):
    """The review's visit, or Http404 when it has none yet."""
    visit = visit_of(review)
    if visit is None:
        raise Http404(_("This review has no visit yet."))
    return visit


def data_for(user, review, visit) -> tuple[VisitData, bool]:
    """The visit as `user` may see it, and whether they see interviewees' identities.

    Those who may not know identities get references instead of names. The desk review's
    statuses, hypotheses and questions (coverage, uncovered indicators, briefs) come only to
    those who may read the compiled desk review: never the host city, and a peer only once
    their own desk review is submitted, as on the desk review's pages."""
    identities = user.has_perm("visits.view_identities", review)
    desk = user.has_perm("deskreviews.view_compiled_desk_review", review)
    data = visit_data(visit=visit, review=review, pseudonymous=not identities,
                      with_desk_review=desk)
    return data, identities
