"""How the desk review's values read in pages and the CLI (translatable)."""

from django.utils.translation import gettext_lazy as _

from citypeer.deskreviews.method.compilation import AlphaUndefined, TeamStatus
from citypeer.deskreviews.models import DeskJudgement

PERFORMANCE = dict(DeskJudgement.Performance.choices)
# The keys 1-4 choose these on the judgement page, in this order.
PERFORMANCE_KEYS = {value: str(n) for n, value in enumerate(DeskJudgement.Performance.values, 1)}

# A judgement's fields, as the page and a conflict between two versions name them.
JUDGEMENT_FIELDS = {
    "performance": _("Performance"), "known": _("We know"), "unknown": _("We don't know"),
    "suspected": _("We suspect"), "questions": _("We would like to ask"),
    "to_meet": _("We would like to meet"), "to_meet_new": _("New people to meet"),
}

STATUS = {
    TeamStatus.AGREES: _("agrees"),
    TeamStatus.SPLIT: _("split"),
    TeamStatus.NEEDS_INFORMATION: _("needs information"),
}

ALPHA_UNDEFINED = {
    AlphaUndefined.TOO_FEW_JUDGEMENTS: _("not enough judgements"),
    AlphaUndefined.NO_VARIATION: _("not defined: every judgement is the same"),
}


def performance_label(value) -> str:
    return str(PERFORMANCE.get(value, "")) if value else str(_("not judged"))


def alpha_label(agreement) -> str:
    if agreement.alpha is None:
        return str(ALPHA_UNDEFINED[agreement.reason])
    return f"{agreement.alpha:.2f}"
