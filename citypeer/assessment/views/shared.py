"""What every page of step 6 shows the same way: a colour chip, and what the reader may do
(the links of the sub-navigation)."""

from citypeer.assessment.method import Colour
from citypeer.assessment.models import Assessment

COLOUR_LABELS = dict(Assessment.Colour.choices)


def colour_chip(code: str) -> dict:
    return {"code": code, "label": str(COLOUR_LABELS.get(code, code)), "rgb": Colour(code).rgb}


def abilities(request, review) -> dict:
    user = request.user
    return {
        "can_record": user.has_perm("assessment.record_evidence", review),
        "can_restore": user.has_perm("assessment.restore_deleted", review),
        "can_decide": user.has_perm("assessment.change_assessment", review),
    }


def posted_edit_count(request) -> int | None:
    """The edit count a form sent (its hidden `edit_count`), None when missing or not a
    number: the save is then refused as an edit conflict."""
    value = request.POST.get("edit_count", "")
    return int(value) if value.isdigit() else None
