"""How the checker and the explanation of an impossible visit name times, people and
workshops in their messages: "Day 2 09:00-10:00", "'Mayor'", "interview 3 with 'Mayor'",
"workshop 'A'"."""

from __future__ import annotations

from citypeer.visits.method.model import PlannedInterview, VisitInstance, WorkshopToPlace, hhmm


def workshop_words(workshop: WorkshopToPlace) -> str:
    """How messages name a workshop: "workshop 'A'", or its title when that says workshop."""
    if workshop.label.casefold().startswith("workshop"):
        return f"'{workshop.label}'"
    return f"workshop '{workshop.label}'"


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def plural_s(count: int) -> str:
    return "" if count == 1 else "s"


class Words:
    """The names a message gives to the parts of one visit instance."""

    def __init__(self, instance: VisitInstance):
        self.instance = instance
        self.visit = instance.visit
        self.people = {i.id: i for i in instance.interviewees}
        self.workshops = {w.id: w for w in instance.workshops}

    def when(self, day: int, start: int, end: int | None = None) -> str:
        text = f"{self.visit.day_label(day)} {hhmm(start)}"
        return text + (f"-{hhmm(end)}" if end is not None else "")

    def windows(self, windows) -> str:
        if windows is None:
            return "throughout the visit"
        if not windows:
            return "never"
        return ", ".join(self.when(w.day, w.start, w.end) for w in windows)

    def who(self, interviewee_id: str) -> str:
        person = self.people.get(interviewee_id)
        return f"'{person.name}'" if person else f"'{interviewee_id}'"

    def interview_name(self, interview: PlannedInterview) -> str:
        number = f"interview {interview.number}" if interview.number else "the interview"
        return f"{number} with {self.who(interview.interviewee)}"

    def workshop_name(self, workshop_id: str) -> str:
        workshop = self.workshops.get(workshop_id)
        return workshop_words(workshop) if workshop else f"workshop '{workshop_id}'"
