"""Words the pages use for the method's codes (plan status, warnings), translated."""

from django.utils.translation import gettext_lazy as _

STATUS_HELP = {
    "not_planned": _("Not planned yet: draw the interviewees in, then plan."),
    "optimal": _("Proven optimal: no timetable does better on the planner's aims, in their "
                 "order."),
    "feasible": _("The best timetable found in the time given; the gap says how far from the "
                  "proven bound it may be. Planning again may improve it."),
    "infeasible": _("Impossible: no timetable keeps every rule. The reasons below name who "
                    "and when; the current plan is kept."),
    "unknown": _("The planner found neither a timetable nor a proof in the time given; the "
                 "current plan is kept."),
    "edited": _("Changed by hand since the last plan: the warnings below are the checker's."),
}

WARNINGS = {
    "peer_overlap": _("overlap: a peer in two places"),
    "interviewee_overlap": _("overlap: an interviewee in two places"),
    "unavailable": _("interviewee unavailable"),
    "peer_unavailable": _("peer unavailable"),
    "overload": _("overload"),
    "uncovered": _("uncovered indicator"),
    "block": _("during a fixed block"),
    "language": _("language"),
    "pair": _("pair"),
    "length": _("length"),
    "outside_day": _("outside the day"),
    "parallel": _("too many at once"),
    "met_twice": _("met twice"),
    "required_missing": _("required person not met"),
    "locked_moved": _("locked interview moved"),
    "workshop_missing": _("workshop missing"),
    "workshop_twice": _("workshop twice"),
    "workshop_moved": _("workshop moved"),
    "workshop_outside_options": _("workshop outside its times"),
}


def warning_label(code: str) -> str:
    return WARNINGS.get(code, code)
