"""Setting up a programme and its reviews, and moving reviews through the seven steps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify

from citypeer.common.refusals import Refused
from citypeer.programmes.models import Programme, ProgrammePhase, Review, ReviewStep

Step = ReviewStep.Step
Phase = ProgrammePhase.Kind


@dataclass(frozen=True)
class PhaseDates:
    kind: str
    starts_on: dt.date | None
    ends_on: dt.date | None


class ProgrammeError(Refused):
    """A programme cannot be set up as asked; the message says which field and why."""

    status_code = 400

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(message)


def validate_phases(phases: list[PhaseDates]) -> list[tuple[str, str]]:
    """Problems with the phase dates, as (phase kind, message)."""
    problems = []
    for phase in phases:
        if phase.starts_on and phase.ends_on and phase.ends_on < phase.starts_on:
            problems.append((phase.kind, "ends before it starts"))
    return problems


def step_due_dates(phases: dict[str, PhaseDates]) -> dict[int, dt.date | None]:
    """When each step of a review falls due, from the programme's milestones.

    The initial report and the desk review must be ready before the visits begin: the seed
    asks for the report "well enough in advance" for the peers to desk-review it.
    """

    def start(kind):
        p = phases.get(kind)
        return p.starts_on if p else None

    def end(kind):
        p = phases.get(kind)
        return (p.ends_on or p.starts_on) if p else None

    visits = start(Phase.VISITS)
    return {
        Step.BENCHMARK: end(Phase.KICK_OFF),
        Step.TRAINING: end(Phase.TRAINING),
        Step.INITIAL_REPORT: visits - dt.timedelta(weeks=4) if visits else None,
        Step.DESK_REVIEW: visits - dt.timedelta(weeks=1) if visits else None,
        Step.VISIT: end(Phase.VISITS),
        Step.ASSESSMENT: end(Phase.VISITS),
        Step.FEEDBACK: end(Phase.REPORTS),
    }


def create_programme(
    *,
    name: str,
    benchmark,
    cities,
    host_cities,
    peer_pool=(),
    phases: list[PhaseDates] = (),
    slug: str | None = None,
    team_size: int = 4,
    max_reviews_per_peer: int = 2,
    description: str = "",
) -> Programme:
    slug = slug or slugify(name)
    if Programme.objects.filter(slug=slug).exists():
        raise ProgrammeError("slug", f"a programme called {slug!r} exists already")
    missing = {c.pk for c in host_cities} - {c.pk for c in cities}
    if missing:
        raise ProgrammeError("host_cities", "every host city must also be a participating city")
    problems = validate_phases(list(phases))
    if problems:
        kind, message = problems[0]
        raise ProgrammeError("phases", f"{Phase(kind).label}: {message}")
    with transaction.atomic():
        programme = Programme.objects.create(
            slug=slug, name=name, benchmark=benchmark, description=description,
            team_size=team_size, max_reviews_per_peer=max_reviews_per_peer,
        )
        programme.cities.set(cities)
        programme.peer_pool.set(peer_pool)
        ProgrammePhase.objects.bulk_create(
            ProgrammePhase(programme=programme, kind=p.kind, starts_on=p.starts_on,
                           ends_on=p.ends_on)
            for p in phases
        )
        due = step_due_dates({p.kind: p for p in phases})
        for city in host_cities:
            add_review(programme=programme, city=city, due=due)
    return programme


def add_review(*, programme: Programme, city, due: dict | None = None) -> Review:
    """A host city's review with its seven steps."""
    if due is None:
        due = step_due_dates({
            p.kind: PhaseDates(p.kind, p.starts_on, p.ends_on) for p in programme.phases.all()
        })
    with transaction.atomic():
        review, _ = Review.objects.get_or_create(programme=programme, city=city)
        programme.cities.add(city)
        existing = set(review.steps.values_list("step", flat=True))
        ReviewStep.objects.bulk_create(
            ReviewStep(review=review, step=step, due_on=due.get(step))
            for step in Step.values if step not in existing
        )
    return review


def update_step(*, step: ReviewStep, status: str, due_on, responsible) -> ReviewStep:
    step.status = ReviewStep.Status(status)
    step.due_on = due_on
    step.responsible = responsible
    step.save(update_fields=["status", "due_on", "responsible"])
    return step


def mark_step(*, review: Review, step: int, status: str) -> None:
    """Other apps move a review on (a submitted initial report finishes step 3, …)."""
    ReviewStep.objects.filter(review=review, step=step).update(status=status)
