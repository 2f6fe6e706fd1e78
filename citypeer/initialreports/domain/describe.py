"""Words for what the core reports, in the reader's language."""

from django.utils.translation import gettext as _

from citypeer.initialreports.method import report as core
from citypeer.initialreports.models import BackgroundSection


def describe_gap(gap: core.Gap) -> str:
    return f"{gap_place(gap)}: {_(gap.problem)}"


def gap_place(gap: core.Gap) -> str:
    if gap.area == core.AREA_BACKGROUND:
        return _("Background section %(number)s (%(title)s)") % {
            "number": gap.place, "title": BackgroundSection.Kind(gap.place).label,
        }
    if gap.area == core.AREA_PROVENANCE:
        return _("Provenance")
    return str(gap.place)
