"""Checking a visit instance before it is solved.

First its shape against ``visit-instance.schema.json`` (the same file as
``docs/visit-instance.schema.json``), then what a schema cannot say: unique ids, references
that resolve, days that exist, ends after starts, starts on the day's grid. Every problem
carries its location in the document, as benchmark files do:
``interviewees[3].availability[0].start``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

import jsonschema

from citypeer.core.schema_problems import (
    Problem,
    document_order,
    problem_from_schema_error,
    unique_problems,
)
from citypeer.visits.method.document import instance_from_dict
from citypeer.visits.method.model import VisitInstance, hhmm, minutes, seed_days

SCHEMA_RESOURCE = "visit-instance.schema.json"
TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$"
_PATTERN_HINTS = {
    TIME: "a time HH:MM (for example 09:00)",
    "^[A-Za-z][A-Za-z0-9.-]{0,7}$": "initials: a letter, then up to 7 letters, digits, "
    "dots or hyphens (for example JB)",
    "^[a-z]{2,3}$": "a language code of 2 or 3 lower-case letters (for example en)",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "a date YYYY-MM-DD",
}


class VisitInstanceError(ValueError):
    def __init__(self, source_name: str, problems: list[Problem]):
        self.source_name = source_name
        self.problems = problems
        super().__init__("\n".join(f"{source_name}: {p}" for p in problems))


@cache
def instance_schema() -> dict:
    text = resources.files(__package__).joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    return json.loads(text)


def validate_instance(data) -> list[Problem]:
    """All problems of an instance: first its shape, then the rules the schema cannot say."""
    if not isinstance(data, dict):
        return [Problem("(document)", "must be an object with peers and interviewees")]
    validator = jsonschema.Draft202012Validator(instance_schema())
    problems = [problem_from_schema_error(err, pattern_hints=_PATTERN_HINTS)
                for err in validator.iter_errors(data)]
    if not problems:
        problems = _Consistency(data).problems()
    return sorted(unique_problems(problems), key=document_order)


def instance_from_text(text: str, *, source_name: str) -> VisitInstance:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise VisitInstanceError(source_name, [Problem(
            f"line {exc.lineno}, column {exc.colno}", f"not valid JSON: {exc.msg}")]) from exc
    problems = validate_instance(data)
    if problems:
        raise VisitInstanceError(source_name, problems)
    return instance_from_dict(data)


def load_instance(path: str | Path) -> VisitInstance:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise VisitInstanceError(str(path), [Problem("(file)", str(exc))]) from exc
    return instance_from_text(text, source_name=str(path))


class _Consistency:
    def __init__(self, data: dict):
        self.data = data
        self.out: list[Problem] = []
        visit = data.get("visit", {})
        self.slot = visit.get("slot_minutes", 60)
        if "days" in visit:
            self.days = [(minutes(d["start"]), minutes(d["end"])) for d in visit["days"]]
        else:
            self.days = [(d.start, d.end) for d in seed_days()]

    def add(self, location: str, message: str) -> None:
        self.out.append(Problem(location, message))

    def problems(self) -> list[Problem]:
        data = self.data
        self.check_days()
        peers = self.unique(data["peers"], "initials", "peers")
        people = self.unique(data["interviewees"], "id", "interviewees")
        workshops = self.unique(data.get("workshops", []), "id", "workshops")
        self.unique(data.get("desk_review", []), "indicator", "desk_review")
        for n, peer in enumerate(data["peers"]):
            self.check_windows(peer.get("availability"), f"peers[{n}].availability")
        for n, person in enumerate(data["interviewees"]):
            self.check_windows(person.get("availability"), f"interviewees[{n}].availability")
        for n, workshop in enumerate(data.get("workshops", [])):
            self.check_workshop(n, workshop, peers, people)
        self.check_timetable(peers, people, workshops)
        return self.out

    def unique(self, items: list[dict], key: str, where: str) -> set[str]:
        seen: dict[str, int] = {}
        for n, item in enumerate(items):
            value = item[key]
            if value in seen:
                self.add(f"{where}[{n}].{key}",
                         f"{value!r} is used twice (first at {where}[{seen[value]}])")
            else:
                seen[value] = n
        return set(seen)

    def check_days(self) -> None:
        visit = self.data.get("visit", {})
        peers = {p["initials"] for p in self.data["peers"]}
        for d, day in enumerate(visit.get("days", [])):
            at = f"visit.days[{d}]"
            start, end = minutes(day["start"]), minutes(day["end"])
            if end <= start:
                self.add(f"{at}.end", f"{day['end']!r} must be after the day's start "
                                      f"{day['start']!r}")
            for b, block in enumerate(day.get("blocks", [])):
                bat = f"{at}.blocks[{b}]"
                if minutes(block["end"]) <= minutes(block["start"]):
                    self.add(f"{bat}.end", f"{block['end']!r} must be after its start "
                                           f"{block['start']!r}")
                for p, initials in enumerate(block.get("peers", [])):
                    if initials not in peers:
                        self.add(f"{bat}.peers[{p}]", f"{initials!r} is not one of the peers")

    def check_day(self, day: int, location: str) -> bool:
        if day > len(self.days):
            self.add(location, f"day {day} does not exist: the visit has {len(self.days)} "
                               "days")
            return False
        return True

    def check_windows(self, windows, at: str) -> None:
        for w, window in enumerate(windows or []):
            self.check_day(window["day"], f"{at}[{w}].day")
            if minutes(window["end"]) <= minutes(window["start"]):
                self.add(f"{at}[{w}].end", f"{window['end']!r} must be after its start "
                                           f"{window['start']!r}")

    def check_start(self, day: int, start: str, length: int, at: str) -> None:
        """A fixed start: within the day's hours, on its grid of slots."""
        if not self.check_day(day, f"{at}.day"):
            return
        first, last = self.days[day - 1]
        begin = minutes(start)
        if begin < first or begin + length > last:
            self.add(f"{at}.start", f"{start!r} on day {day} does not fit within the day's "
                     f"hours {hhmm(first)}-{hhmm(last)}")
        elif (begin - first) % self.slot:
            self.add(f"{at}.start", f"{start!r} is not on day {day}'s grid of "
                     f"{self.slot}-minute slots from {hhmm(first)}")

    def check_workshop(self, n: int, workshop: dict, peers: set, people: set) -> None:
        at = f"workshops[{n}]"
        day, start = workshop.get("day"), workshop.get("start")
        if (day is None) != (start is None):
            missing = "start" if start is None else "day"
            self.add(f"{at}.{missing}", "is required when "
                     f"{'day' if missing == 'start' else 'start'} is given (a fixed workshop "
                     "has both; a workshop the optimiser places has neither)")
        elif day is not None:
            self.check_start(day, start, workshop.get("duration_minutes", 2 * self.slot), at)
        self.check_windows(workshop.get("options"), f"{at}.options")
        for p, initials in enumerate(workshop.get("peers", [])):
            if initials not in peers:
                self.add(f"{at}.peers[{p}]", f"{initials!r} is not one of the peers")
        for p, person in enumerate(workshop.get("participants", [])):
            if person not in people:
                self.add(f"{at}.participants[{p}]", f"{person!r} is not one of the "
                                                    "interviewees")

    def check_timetable(self, peers: set, people: set, workshops: set) -> None:
        timetable = self.data.get("timetable", {})
        interpreted = {p["id"] for p in self.data["interviewees"] if p.get("interpreter")}
        seen: dict[str, int] = {}
        for n, item in enumerate(timetable.get("interviews", [])):
            at = f"timetable.interviews[{n}]"
            person = item["interviewee"]
            if person not in people:
                self.add(f"{at}.interviewee", f"{person!r} is not one of the interviewees")
            elif person in seen:
                self.add(f"{at}.interviewee", f"{person!r} has an interview already (at "
                                              f"timetable.interviews[{seen[person]}])")
            else:
                seen[person] = n
            pair = item["peers"]
            for p, initials in enumerate(pair):
                if initials not in peers:
                    self.add(f"{at}.peers[{p}]", f"{initials!r} is not one of the peers")
            if len(pair) != 2 or len(set(pair)) != 2:
                self.add(f"{at}.peers", "an interview is held by two different peers")
            length = self.slot * (2 if person in interpreted else 1)
            self.check_start(item["day"], item["start"], length, at)
            if "end" in item and minutes(item["end"]) - minutes(item["start"]) != length:
                self.add(f"{at}.end", f"{item['end']!r} must be {length} minutes after the "
                                      f"start {item['start']!r}")
        for n, item in enumerate(timetable.get("workshops", [])):
            at = f"timetable.workshops[{n}]"
            if item["workshop"] not in workshops:
                self.add(f"{at}.workshop", f"{item['workshop']!r} is not one of the workshops")
            self.check_day(item["day"], f"{at}.day")
