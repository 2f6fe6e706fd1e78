"""Results as plain data: what ``citypeer schedule --json``, the JSON export and the API
give, in the shape docs/visit-instance.md describes. Its ``timetable`` has the shape of an
instance's: feed it back to re-plan."""

from __future__ import annotations

from citypeer.visits.method.document import timetable_from_dict, timetable_to_dict
from citypeer.visits.method.model import (
    IndicatorCoverage,
    Penalties,
    TimetableObstacle,
    TimetableResult,
    TimetableWarning,
    hhmm,
    minutes,
)


def _time(value: str | None) -> int | None:
    return None if value is None else minutes(value)


def _optional_time(value: int | None) -> str | None:
    return None if value is None else hhmm(value)


def coverage_to_dicts(items) -> list[dict]:
    return [{"indicator": c.indicator, "status": c.status, "target": c.target,
             "interviewees": list(c.interviewees), "interviews": list(c.interviews),
             "met": c.met} for c in items]


def warnings_to_dicts(warnings) -> list[dict]:
    return [{"code": w.code, "severity": w.severity, "message": w.message,
             "interviewee": w.interviewee, "interview": w.interview, "peer": w.peer,
             "workshop": w.workshop, "indicator": w.indicator, "day": w.day,
             "start": _optional_time(w.start)} for w in warnings]


def obstacles_to_dicts(obstacles) -> list[dict]:
    return [{"message": o.message, "interviewees": list(o.interviewees), "peers": list(o.peers),
             "workshops": list(o.workshops)} for o in obstacles]


def obstacles_from_dicts(items) -> tuple[TimetableObstacle, ...]:
    """Obstacles as a result's ``explanation`` writes them (lists may be left out)."""
    return tuple(TimetableObstacle(o["message"], tuple(o.get("interviewees", ())),
                                   tuple(o.get("peers", ())), tuple(o.get("workshops", ())))
                 for o in items)


def result_to_dict(result: TimetableResult) -> dict:
    return {
        "status": result.status,
        "method": result.method,
        "objective": result.objective,
        "bound": result.bound,
        "gap": result.gap,
        "seconds": result.seconds,
        "penalties": None if result.penalties is None else dict(vars(result.penalties)),
        "timetable": timetable_to_dict(result.timetable),
        "coverage": coverage_to_dicts(result.coverage),
        "warnings": warnings_to_dicts(result.warnings),
        "explanation": obstacles_to_dicts(result.explanation),
        "moved": list(result.moved),
    }


def result_from_dict(data: dict) -> TimetableResult:
    """The inverse of ``result_to_dict`` (``gap`` is computed, so it is not read)."""
    return TimetableResult(
        status=data["status"],
        method=data["method"],
        timetable=timetable_from_dict(data["timetable"]),
        objective=data["objective"],
        bound=data["bound"],
        penalties=None if data["penalties"] is None else Penalties(**data["penalties"]),
        coverage=tuple(
            IndicatorCoverage(c["indicator"], c["status"], c["target"],
                              tuple(c["interviewees"]), tuple(c["interviews"]))
            for c in data["coverage"]
        ),
        warnings=tuple(
            TimetableWarning(
                w["code"], w["severity"], w["message"], w["interviewee"], w["interview"],
                w["peer"], w["workshop"], w["indicator"], w["day"], _time(w["start"]))
            for w in data["warnings"]
        ),
        explanation=obstacles_from_dicts(data["explanation"]),
        moved=tuple(data["moved"]),
        seconds=data["seconds"],
    )
