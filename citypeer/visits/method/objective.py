"""What makes one timetable better than another: penalties in a strict order of importance.

The optimiser minimises one weighted sum (one solve, so one objective, one proven bound and
one gap). Each term's weight is larger than the largest value all the terms after it can reach
together, so the sum orders timetables exactly as comparing the terms one after the other
would (lexicographically). The terms, most important first:

``changes``              re-planning only: interviews of the current plan (not locked) that
                         are no longer at the same time with the same pair, and chosen
                         workshops that moved;
``needs_short``          indicators marked "needs more information" or "split" that fewer than
                         two interviews (different interviewees) speak to;
``needs_uncovered``      of those, the ones no interview speaks to at all;
``questions_uncovered``  other indicators with open questions that no interview speaks to;
``not_met``              interviewees without an interview (the peers' days are for meeting
                         people: a fuller timetable is better when nothing above suffers);
``load_spread``          the most interviews a peer holds minus the fewest;
``pairs_unused``         pairs of peers who never hold an interview together (rotation: each
                         peer works with several others);
``scattered``            per organisation with two or more interviewees, the days its
                         interviews are spread over beyond the first.

``evaluate`` computes the terms from a timetable in plain Python; the optimiser's model
computes the same numbers from its variables, and the tests check that they agree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import astuple, fields

from citypeer.visits.method.checker import coverage
from citypeer.visits.method.model import Penalties, Timetable, VisitInstance

TERMS = tuple(f.name for f in fields(Penalties))


def organisation_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def organisations(instance: VisitInstance) -> dict[str, list[str]]:
    """Organisations with two or more interviewees: key -> interviewee ids."""
    members: dict[str, list[str]] = defaultdict(list)
    for person in instance.interviewees:
        key = organisation_key(person.organisation)
        if key:
            members[key].append(person.id)
    return {key: ids for key, ids in members.items() if len(ids) > 1}


def replannable(instance: VisitInstance) -> tuple[list, list]:
    """The current plan's interviews and workshop sessions re-planning tries to keep: not
    locked (locked ones cannot move), of interviewees and chosen workshops still there."""
    people = {i.id for i in instance.interviewees}
    chosen = {w.id for w in instance.workshops if not w.fixed}
    interviews = [i for i in instance.timetable.interviews
                  if not i.locked and i.interviewee in people]
    sessions = [s for s in instance.timetable.workshops if s.workshop in chosen]
    return interviews, sessions


def interview_days(instance: VisitInstance) -> int:
    return len(instance.visit.days)


def upper_bounds(instance: VisitInstance) -> Penalties:
    """The largest value each term can take for this instance."""
    interviews, sessions = replannable(instance)
    targets = [n.target for n in instance.desk_review]
    days = interview_days(instance)
    n = len(instance.peers)
    caps = [instance.cap(p) for p in instance.peers] or [0]
    return Penalties(
        changes=len(interviews) + len(sessions),
        needs_short=targets.count(2),
        needs_uncovered=targets.count(2),
        questions_uncovered=targets.count(1),
        not_met=len(instance.interviewees),
        load_spread=max(caps) * days,
        pairs_unused=n * (n - 1) // 2,
        scattered=sum(min(len(ids), days) - 1 for ids in organisations(instance).values()),
    )


def weights(instance: VisitInstance) -> Penalties:
    """Each weight exceeds what every later term can add up to: a lexicographic order."""
    bounds = astuple(upper_bounds(instance))
    out = []
    weight = 1
    for bound in reversed(bounds):
        out.append(weight)
        weight *= bound + 1
    return Penalties(*reversed(out))


def weighted(instance: VisitInstance, penalties: Penalties) -> int:
    return sum(w * p for w, p in zip(astuple(weights(instance)), astuple(penalties),
                                     strict=True))


def evaluate(instance: VisitInstance, timetable: Timetable) -> Penalties:
    """The objective's terms for ``timetable``, computed from the timetable alone."""
    people = {i.id: i for i in instance.interviewees}
    interviews = [i for i in timetable.interviews if i.interviewee in people]

    kept_plan, kept_sessions = replannable(instance)
    now = {(i.interviewee, i.day, i.start, frozenset(i.peers)) for i in interviews}
    sessions_now = {(s.workshop, s.day, s.start) for s in timetable.workshops}
    changes = sum((i.interviewee, i.day, i.start, frozenset(i.peers)) not in now
                  for i in kept_plan)
    changes += sum((s.workshop, s.day, s.start) not in sessions_now for s in kept_sessions)

    covered = coverage(instance, timetable)
    needs = [c for c in covered if c.target == 2]
    questions = [c for c in covered if c.target == 1]

    met = {i.interviewee for i in interviews}
    load = {p.initials: 0 for p in instance.peers}
    pairs = set()
    for interview in interviews:
        for initials in set(interview.peers):
            if initials in load:
                load[initials] += 1
        if len(set(interview.peers)) == 2:
            pairs.add(frozenset(interview.peers))
    n = len(instance.peers)

    day_of = {i.interviewee: i.day for i in interviews}
    scattered = 0
    for ids in organisations(instance).values():
        days = {day_of[i] for i in ids if i in day_of}
        scattered += max(len(days) - 1, 0)

    return Penalties(
        changes=changes,
        needs_short=sum(len(c.interviewees) < 2 for c in needs),
        needs_uncovered=sum(len(c.interviewees) == 0 for c in needs),
        questions_uncovered=sum(len(c.interviewees) == 0 for c in questions),
        not_met=len(instance.interviewees) - len(met),
        load_spread=(max(load.values()) - min(load.values())) if load else 0,
        pairs_unused=n * (n - 1) // 2 - len(pairs),
        scattered=scattered,
    )
