"""Words for what the core reports, in the reader's language."""

from django.utils.translation import gettext as _

from citypeer.initialreports.method.report import AREA_BACKGROUND, AREA_PROVENANCE, Gap
from citypeer.initialreports.models import BackgroundSection


def describe_gap(gap: Gap) -> str:
    return f"{gap_place(gap)}: {_(gap.problem)}"


def gap_place(gap: Gap) -> str:
    if gap.area == AREA_BACKGROUND:
        return _("Background section %(number)s (%(title)s)") % {
            "number": gap.place, "title": BackgroundSection.Kind(gap.place).label,
        }
    if gap.area == AREA_PROVENANCE:
        return _("Provenance")
    return str(gap.place)
