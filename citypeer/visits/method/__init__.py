"""The peer review visit's timetable (step 5): model, optimiser, checker, baseline, formats.

Plain Python, no Django: the timetable page, the API and ``citypeer schedule`` all plan and
check visits through this package. OR-Tools is imported only when the optimiser runs.
"""

from citypeer.visits.method.checker import check_timetable, errors
from citypeer.visits.method.coverage import coverage
from citypeer.visits.method.document import (
    instance_from_dict,
    instance_to_dict,
    timetable_from_dict,
    timetable_to_dict,
)
from citypeer.visits.method.greedy import greedy_timetable, solve_greedy
from citypeer.visits.method.model import (
    ERROR,
    FEASIBLE,
    INFEASIBLE,
    OPTIMAL,
    UNKNOWN,
    WARNING,
    Day,
    FixedBlock,
    IndicatorCoverage,
    IndicatorNeed,
    IntervieweeToMeet,
    Interviewer,
    Penalties,
    PlannedInterview,
    Timetable,
    TimetableObstacle,
    TimetableResult,
    TimetableWarning,
    VisitFrame,
    VisitInstance,
    Window,
    WorkshopSession,
    WorkshopToPlace,
    needs_from_desk_review,
    number_interviews,
    seed_days,
)
from citypeer.visits.method.objective import evaluate, weighted, weights
from citypeer.visits.method.results import result_from_dict, result_to_dict
from citypeer.visits.method.solver import replan, solve_timetable
from citypeer.visits.method.validation import (
    VisitInstanceError,
    instance_from_text,
    load_instance,
    validate_instance,
)

__all__ = [
    "ERROR", "FEASIBLE", "INFEASIBLE", "OPTIMAL", "UNKNOWN", "WARNING",
    "Day", "FixedBlock", "IndicatorCoverage", "IndicatorNeed", "IntervieweeToMeet",
    "Interviewer", "Penalties", "PlannedInterview", "Timetable", "TimetableObstacle",
    "TimetableResult", "TimetableWarning", "VisitFrame", "VisitInstance", "VisitInstanceError",
    "Window", "WorkshopSession", "WorkshopToPlace",
    "check_timetable", "coverage", "errors", "evaluate", "greedy_timetable",
    "instance_from_dict", "instance_from_text", "instance_to_dict", "load_instance",
    "needs_from_desk_review", "number_interviews", "replan", "result_from_dict",
    "result_to_dict", "seed_days", "solve_greedy", "solve_timetable", "timetable_from_dict",
    "timetable_to_dict",
    "validate_instance", "weighted", "weights",
]
