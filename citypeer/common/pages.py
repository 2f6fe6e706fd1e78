"""What every app's pages share: an edit conflict or a refusal that a view does not handle
itself becomes the shared page, and a permission refusal the page that says why and what to
do, in the reader's language."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext as _

from citypeer.common.editing import EditConflict
from citypeer.common.refusals import Refused


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


class SharedRefusalsMiddleware:
    """Pages raise `EditConflict` and `Refused` from the domain functions they call; a view
    that wants to show its form again catches them, and every other one gets these pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.path.startswith("/api/"):
            return None
        if isinstance(exception, EditConflict):
            return render(request, "common/edit_conflict.html", {"conflict": exception},
                          status=409)
        if isinstance(exception, Refused):
            return render(request, "common/refused.html", {"refusal": exception},
                          status=exception.status_code)
        return None


def permission_denied(request, exception=None):
    """The 403 page: why (the refusal's reason) and what to do next."""
    reason = str(exception) if exception and str(exception) else ""
    return render(request, "403.html", {
        "reason": reason or _("Your role does not allow you to open this page."),
        "signed_in": request.user.is_authenticated,
    }, status=403)
