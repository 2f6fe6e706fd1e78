"""What the rules of the written report refuse: approving or releasing it out of turn,
editing it once released, answering it before it is released. Pages show the message, the
API answers 409 with it (`citypeer.common.api`)."""

from __future__ import annotations

from citypeer.common.refusals import Refused


class ReportRefused(Refused):
    """The state of the report does not allow this now; nothing was written."""
