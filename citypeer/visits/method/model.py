"""The visit and its timetable as immutable values.

Times are minutes since midnight (``9 * 60`` is 09:00); days are numbered from 1 in the order
the visit lists them. Everything has a default taken from the seed's INTI-CITIES timetable, and
everything can be changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Interviewee categories: the kinds of people step 5 of the method names.
MUNICIPALITY_STAFF = "municipality_staff"
POLITICIAN = "politician"
PARTNER_ORGANISATION = "partner_organisation"
SERVICE_USER = "service_user"
MIGRANT_GROUP = "migrant_group"
CATEGORIES = (MUNICIPALITY_STAFF, POLITICIAN, PARTNER_ORGANISATION, SERVICE_USER, MIGRANT_GROUP)

# Kinds of fixed block; the kind only changes how a block is shown, never what it blocks.
BLOCK_TEAM = "team"  # the peers among themselves (desk review together, compiling findings)
BLOCK_HOST = "host"  # with the host city (presentation, clarifications, headline findings)
BLOCK_BREAK = "break"
BLOCK_TRAVEL = "travel"
BLOCK_KINDS = (BLOCK_TEAM, BLOCK_HOST, BLOCK_BREAK, BLOCK_TRAVEL)

# The compiled desk review's team status
# (citypeer.deskreviews.method.compilation.TeamStatus values).
NEEDS_INFORMATION = "needs_information"
SPLIT = "split"
AGREES = "agrees"
STATUSES = (NEEDS_INFORMATION, SPLIT, AGREES)


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def minutes(text: str) -> int:
    hours, mins = text.split(":")
    return int(hours) * 60 + int(mins)


@dataclass(frozen=True)
class FixedBlock:
    """A fixed part of a day when no interview is held: by the whole team, or only by
    ``peers`` when they are named (a peer who arrives later, say)."""

    title: str
    start: int
    end: int
    kind: str = BLOCK_TEAM
    peers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Day:
    start: int
    end: int
    blocks: tuple[FixedBlock, ...] = ()
    label: str = ""
    date: str | None = None  # ISO date, when known


def _h(hour: int) -> int:
    return hour * 60


def seed_days() -> tuple[Day, ...]:
    """The seed's four-day grid. Its 13:00-14:00 row is empty every day: a lunch break."""
    lunch = FixedBlock("Lunch", _h(13), _h(14), BLOCK_BREAK)
    return (
        Day(_h(12), _h(18), (
            FixedBlock("Peers arrive in host city", _h(12), _h(13), BLOCK_TRAVEL),
            lunch,
            FixedBlock("Peers go through desk review together", _h(14), _h(15), BLOCK_TEAM),
            FixedBlock("Opportunity to ask clarifications to host city", _h(15), _h(16),
                       BLOCK_HOST),
            FixedBlock("Presentation from host city on integration policy", _h(16), _h(17),
                       BLOCK_HOST),
            FixedBlock("Allocate interviews and prepare questions", _h(17), _h(18), BLOCK_TEAM),
        ), "Day 1"),
        Day(_h(9), _h(18), (lunch,), "Day 2"),
        Day(_h(9), _h(18), (lunch,), "Day 3"),
        Day(_h(9), _h(15), (
            FixedBlock("Peers compile and discuss findings", _h(9), _h(12), BLOCK_TEAM),
            FixedBlock("Peers present headline findings to host city", _h(12), _h(13), BLOCK_HOST),
            lunch,
            FixedBlock("Peers leave host city", _h(14), _h(15), BLOCK_TRAVEL),
        ), "Day 4"),
    )


@dataclass(frozen=True)
class VisitFrame:
    """The visit's days and rules. ``max_parallel`` caps interviews and workshops held at
    the same time (the seed's grid has two columns); None means only the peers limit it."""

    days: tuple[Day, ...] = field(default_factory=seed_days)
    slot_minutes: int = 60
    max_parallel: int | None = 2
    max_interviews_per_day: int = 5
    title: str = ""

    def day_label(self, day: int) -> str:
        if 1 <= day <= len(self.days) and self.days[day - 1].label:
            return self.days[day - 1].label
        return f"Day {day}"


@dataclass(frozen=True)
class Window:
    """A time someone is available: day number, start and end in minutes."""

    day: int
    start: int
    end: int

    def holds(self, day: int, start: int, end: int) -> bool:
        return self.day == day and self.start <= start and end <= self.end


@dataclass(frozen=True)
class Interviewer:
    initials: str
    name: str = ""
    languages: tuple[str, ...] = ()
    max_interviews_per_day: int | None = None  # None: the visit's
    availability: tuple[Window, ...] | None = None  # None: the whole visit


@dataclass(frozen=True)
class IntervieweeToMeet:
    id: str
    name: str
    category: str
    role: str = ""
    organisation: str = ""
    availability: tuple[Window, ...] | None = None  # None: the whole visit
    language: str | None = None  # None: any pair can hold the interview
    interpreter: bool = False  # an interpreted interview takes two slots
    indicators: tuple[str, ...] = ()
    required: bool = False  # must be met: a timetable without them is impossible


@dataclass(frozen=True)
class WorkshopToPlace:
    """A group session. Fixed when ``day`` and ``start`` are given; otherwise the optimiser
    chooses a start within ``options`` (or anywhere in the visit when there are none)."""

    id: str
    title: str = ""
    duration: int = 120
    day: int | None = None
    start: int | None = None
    options: tuple[Window, ...] = ()
    peers: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()  # interviewee ids

    @property
    def fixed(self) -> bool:
        return self.day is not None and self.start is not None

    @property
    def label(self) -> str:
        return self.title or self.id


@dataclass(frozen=True)
class IndicatorNeed:
    """What the compiled desk review asks of the visit about one indicator."""

    indicator: str
    status: str = AGREES
    questions: tuple[str, ...] = ()

    @property
    def target(self) -> int:
        """How many interviews, with different interviewees, should speak to it."""
        if self.status in (NEEDS_INFORMATION, SPLIT):
            return 2
        return 1 if self.questions else 0


def needs_from_desk_review(compiled) -> tuple[IndicatorNeed, ...]:
    """What a compiled desk review
    (``citypeer.deskreviews.method.compilation.CompiledDeskReview``) asks of the visit: each
    indicator's team status and the peers' merged questions."""
    return tuple(
        IndicatorNeed(item.indicator, str(item.status), tuple(q.text for q in item.questions))
        for item in compiled.indicators
    )


@dataclass(frozen=True)
class PlannedInterview:
    """One interview: one interviewee, a pair of peers, a time. An interviewee is met once,
    so ``interviewee`` identifies the interview; ``number`` is how the grid and the evidence
    bank name it (Interview 17), counted in order of time."""

    interviewee: str
    day: int
    start: int
    end: int
    peers: tuple[str, ...]
    locked: bool = False
    number: int = 0

    @property
    def pair(self) -> str:
        return " & ".join(self.peers)


@dataclass(frozen=True)
class WorkshopSession:
    workshop: str
    day: int
    start: int
    end: int


@dataclass(frozen=True)
class Timetable:
    interviews: tuple[PlannedInterview, ...] = ()
    workshops: tuple[WorkshopSession, ...] = ()

    def interview_of(self, interviewee: str) -> PlannedInterview | None:
        return next((i for i in self.interviews if i.interviewee == interviewee), None)


@dataclass(frozen=True)
class VisitInstance:
    """Everything the optimiser needs. ``timetable`` is the current plan, if any: its locked
    interviews stay where they are, and re-planning moves as little of the rest as it can."""

    visit: VisitFrame
    peers: tuple[Interviewer, ...]
    interviewees: tuple[IntervieweeToMeet, ...]
    workshops: tuple[WorkshopToPlace, ...] = ()
    desk_review: tuple[IndicatorNeed, ...] = ()
    timetable: Timetable = Timetable()

    def peer(self, initials: str) -> Interviewer | None:
        return next((p for p in self.peers if p.initials == initials), None)

    def interviewee(self, id: str) -> IntervieweeToMeet | None:
        return next((i for i in self.interviewees if i.id == id), None)

    def workshop(self, id: str) -> WorkshopToPlace | None:
        return next((w for w in self.workshops if w.id == id), None)

    def cap(self, peer: Interviewer) -> int:
        if peer.max_interviews_per_day is not None:
            return peer.max_interviews_per_day
        return self.visit.max_interviews_per_day

    def interview_minutes(self, interviewee: IntervieweeToMeet) -> int:
        return self.visit.slot_minutes * (2 if interviewee.interpreter else 1)


def number_interviews(interviews) -> tuple[PlannedInterview, ...]:
    """Number interviews 1, 2, … in order of day, start, then pair, as the seed's grid does."""
    ordered = sorted(interviews, key=lambda i: (i.day, i.start, i.peers, i.interviewee))
    return tuple(
        PlannedInterview(i.interviewee, i.day, i.start, i.end, i.peers, i.locked, n)
        for n, i in enumerate(ordered, start=1)
    )


# -- what the checker and the optimiser say ---------------------------------------------------

ERROR = "error"  # a hard rule is broken: the timetable cannot be used as it is
WARNING = "warning"  # the timetable can be used, but falls short of what the visit needs


@dataclass(frozen=True)
class TimetableWarning:
    """One thing wrong with a timetable, naming what it concerns so a page can link to it:
    the interview (its interviewee's id and its number), the peer, the workshop, the
    indicator, and the time."""

    code: str
    severity: str
    message: str
    interviewee: str | None = None
    interview: int | None = None
    peer: str | None = None
    workshop: str | None = None
    indicator: str | None = None
    day: int | None = None
    start: int | None = None


@dataclass(frozen=True)
class IndicatorCoverage:
    indicator: str
    status: str
    target: int  # 2 for needs information and split, 1 for other open questions
    interviewees: tuple[str, ...]  # who speaks to it in the timetable, in interview order
    interviews: tuple[int, ...]  # their interview numbers

    @property
    def met(self) -> bool:
        return len(self.interviewees) >= self.target


@dataclass(frozen=True)
class Penalties:
    """The objective's terms, most important first (see citypeer.visits.method.objective)."""

    changes: int = 0
    needs_short: int = 0
    needs_uncovered: int = 0
    questions_uncovered: int = 0
    not_met: int = 0
    load_spread: int = 0
    pairs_unused: int = 0
    scattered: int = 0


@dataclass(frozen=True)
class TimetableObstacle:
    """Why no timetable exists, in plain words, with who and what it concerns."""

    message: str
    interviewees: tuple[str, ...] = ()
    peers: tuple[str, ...] = ()
    workshops: tuple[str, ...] = ()


OPTIMAL = "optimal"  # proven optimal
FEASIBLE = "feasible"  # the best timetable found in the time given; gap to the bound
INFEASIBLE = "infeasible"  # proven impossible: see the explanation
UNKNOWN = "unknown"  # neither a timetable nor a proof within the time given
STATUSES_OF_RESULT = (OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN)


@dataclass(frozen=True)
class TimetableResult:
    status: str
    method: str  # "cp-sat" or "greedy"
    timetable: Timetable = Timetable()
    objective: int | None = None
    bound: int | None = None
    penalties: Penalties | None = None
    coverage: tuple[IndicatorCoverage, ...] = ()
    warnings: tuple[TimetableWarning, ...] = ()
    explanation: tuple[TimetableObstacle, ...] = ()
    moved: tuple[str, ...] = ()  # interviewees whose interview changed against the plan
    seconds: float = 0.0

    @property
    def found(self) -> bool:
        return self.status in (OPTIMAL, FEASIBLE)

    @property
    def gap(self) -> float | None:
        """(objective - bound) / objective, as CP-SAT reports it; 0 when proven optimal."""
        if self.objective is None or self.bound is None:
            return None
        return abs(self.objective - self.bound) / max(1, abs(self.objective))
