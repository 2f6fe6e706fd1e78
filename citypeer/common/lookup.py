"""Looking up what a request is about and checking that its user may act on it: the same
two calls for pages and the API (DRF answers Django's Http404 and PermissionDenied with its
own 404 and 403)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from citypeer.programmes.models import Programme, Review

# The largest id a database key can hold: beyond it a lookup is answered 404, not an error.
MAX_ID = 2**63 - 1


def require(user, permission: str, obj=None, *, reason: str = "") -> None:
    """Raise PermissionDenied (with the reason the refusal page shows) unless `user` has
    `permission` on `obj`."""
    if not user.has_perm(permission, obj):
        raise PermissionDenied(reason or _("Your role in this review does not allow this."))


def get_review(review_id, *, user=None, permission: str | None = None, queryset=None) -> Review:
    """The review with this id, or Http404; with `permission`, also PermissionDenied unless
    `user` has it on the review. `queryset` says what to fetch with it."""
    try:
        pk = int(review_id)
    except (TypeError, ValueError):
        raise Http404(_("No such review.")) from None
    if not 0 < pk <= MAX_ID:
        raise Http404(_("No such review."))
    queryset = Review.objects.select_related("programme__benchmark", "city") \
        if queryset is None else queryset
    review = queryset.filter(pk=pk).first()
    if review is None:
        raise Http404(_("No such review."))
    if permission is not None:
        require(user, permission, review)
    return review


def get_programme(slug, *, user=None, permission: str | None = None, queryset=None
                  ) -> Programme:
    """The programme with this slug, or Http404; with `permission`, also PermissionDenied
    unless `user` has it on the programme. `queryset` says what to fetch with it."""
    queryset = Programme.objects.select_related("benchmark") if queryset is None else queryset
    programme = queryset.filter(slug=str(slug)).first()
    if programme is None:
        raise Http404(_("No such programme."))
    if permission is not None:
        require(user, permission, programme)
    return programme


def get_row(queryset, pk, *, message: str = ""):
    """One row of `queryset` by primary key, or Http404 (also for ids no key can hold)."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404(message or _("Not found.")) from None
    row = queryset.filter(pk=pk).first() if 0 < pk <= MAX_ID else None
    if row is None:
        raise Http404(message or _("Not found."))
    return row
