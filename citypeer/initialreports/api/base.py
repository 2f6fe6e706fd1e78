"""What every route of the initial report shares: the review's report, found for the asker
with the permission the method needs (reading for GET, changing it otherwise), and lists
given whole, as the pages show them."""

from __future__ import annotations

from rest_framework import generics
from rest_framework.permissions import SAFE_METHODS

from citypeer.common.api import BAD_INPUT, EDIT_CONFLICT, REFUSED, edit_count_from
from citypeer.initialreports.interfaces.access import CHANGE, VIEW, load_report

TAG = ["initial reports"]
# What a change may be answered besides 200: bad input, a report the host city may no
# longer change, someone else's newer save.
CHANGE_ANSWERS = {400: BAD_INPUT, 403: REFUSED, 409: EDIT_CONFLICT}


class InitialReportView(generics.GenericAPIView):
    pagination_class = None

    def load(self, permission: str | None = None):
        """The review and its report, or 404 / 403."""
        if permission is None:
            permission = VIEW if self.request.method in SAFE_METHODS else CHANGE
        return load_report(self.request.user, self.kwargs["review"], permission)

    @property
    def report(self):
        if not hasattr(self, "_report"):
            self._review, self._report = self.load()
        return self._report

    def change_sent(self, serializer_class) -> tuple[int, dict]:
        """The edit count the change started from, and what it sends, checked (400 naming
        what is wrong)."""
        edit_count = edit_count_from(self.request)
        sent = serializer_class(data=self.request.data)
        sent.is_valid(raise_exception=True)
        return edit_count, {k: v for k, v in sent.validated_data.items() if k != "edit_count"}
