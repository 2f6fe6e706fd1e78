"""Why a visit has no timetable, in plain words that name people and times.

Nothing here is guessed. Two steps:

1. The fixed part of the plan (locked interviews, workshops at a fixed time) is run through
   the independent checker on its own: a rule it breaks already (a locked interview when the
   interviewee is away, two locked interviews for one peer at once, …) is reported as the
   checker words it.
2. Otherwise the rules are lifted and put back. The model is built in "relax" mode, where
   every rule that can make a visit impossible is a group with its own literal: each required
   interviewee's being met, their availability, their language; each peer's availability and
   daily limit; each fixed block; the parallel limit; each lock; each workshop's time, each
   participant's and each peer's taking part. CP-SAT, given all literals as assumptions,
   proves the visit impossible and names a sufficient subset; that subset is then shrunk one
   group at a time (lift it, solve again, keep it lifted if still impossible) to a minimal
   one: lifting any single group of it makes a timetable possible. That set is the
   explanation, phrased from the group kinds. To find further, independent obstacles, the
   person at the heart of the first (a required interviewee) is set aside and the search
   repeats, up to ``MAX_REASONS`` times.
"""

from __future__ import annotations

import time

from citypeer.visits.method.checker import check_timetable, errors
from citypeer.visits.method.cpsat import TimetableModel
from citypeer.visits.method.model import (
    INFEASIBLE,
    UNKNOWN,
    Timetable,
    TimetableObstacle,
    VisitInstance,
    WorkshopSession,
)
from citypeer.visits.method.slots import SlotGrid, available
from citypeer.visits.method.words import Words, plural_s, upper_first, workshop_words

MAX_REASONS = 5
# Tried first when shrinking, so that what remains is what people act on: who must be met,
# when they are available, and what is locked.
LIFT_ORDER = ("parallel", "cap", "block", "language", "peer_availability", "workshop_peer",
              "workshop_participant", "workshop_time", "locked", "availability", "required")
IGNORED_FIXED = {"required_missing", "workshop_missing", "locked_moved", "uncovered"}


def explain_infeasible(instance: VisitInstance, *, time_limit: float = 20.0
                       ) -> tuple[TimetableObstacle, ...]:
    found = _structure_errors(instance) or _fixed_part_errors(instance)
    if found:
        return found
    return _Explainer(instance, time.perf_counter() + time_limit).run()


def _structure_errors(instance: VisitInstance) -> tuple[TimetableObstacle, ...]:
    """What no lifting of rules can mend: a workshop naming someone who is not there, or one
    longer than any day. (``validate_instance`` refuses such files; code may still build them.)"""
    people = {p.id for p in instance.interviewees}
    team = {p.initials for p in instance.peers}
    longest = max((d.end - d.start for d in instance.visit.days), default=0)
    out = []
    for w in instance.workshops:
        name = workshop_words(w)
        for person_id in w.participants:
            if person_id not in people:
                out.append(TimetableObstacle(f"{upper_first(name)} names '{person_id}' as a "
                                             "participant, who is not among the interviewees.",
                                             workshops=(w.id,)))
        for initials in w.peers:
            if initials not in team:
                out.append(TimetableObstacle(f"{upper_first(name)} names {initials}, who is "
                                             "not on the team.", workshops=(w.id,)))
        if w.duration > longest:
            out.append(TimetableObstacle(f"{upper_first(name)} lasts {w.duration} minutes, "
                                         f"longer than any day of the visit ({longest} minutes).",
                                         workshops=(w.id,)))
    return tuple(out)


def _fixed_part_errors(instance: VisitInstance) -> tuple[TimetableObstacle, ...]:
    locked = tuple(i for i in instance.timetable.interviews if i.locked)
    sessions = tuple(WorkshopSession(w.id, w.day, w.start, w.start + w.duration)
                     for w in instance.workshops if w.fixed)
    found = errors(check_timetable(instance, Timetable(locked, sessions)))
    return tuple(
        TimetableObstacle("The locked interviews and fixed workshops already break a rule: "
                          + w.message,
                          interviewees=(w.interviewee,) if w.interviewee else (),
                          peers=(w.peer,) if w.peer else (),
                          workshops=(w.workshop,) if w.workshop else ())
        for w in found if w.code not in IGNORED_FIXED
    )


class _Explainer(Words):
    def __init__(self, instance: VisitInstance, deadline: float):
        super().__init__(instance)
        self.deadline = deadline
        self.model = TimetableModel(instance, relax=True)
        self.model.build()
        self.key_of = {v.index: k for k, v in self.model.groups.items()}
        self.last_core: list = []
        self.locked = {i.interviewee: i for i in instance.timetable.interviews if i.locked}

    def impossible(self, keys) -> bool | None:
        """True if the rules ``keys`` alone (the others lifted) admit no timetable; None when
        the solver ran out of time."""
        left = self.deadline - time.perf_counter()
        if left <= 0:
            return None
        status, solver = self.model.solve(
            time_limit=min(left, 5.0), num_workers=1,
            assumptions=[self.model.groups[k] for k in keys])
        if status == INFEASIBLE:
            self.last_core = [self.key_of[i] for i in
                              solver.sufficient_assumptions_for_infeasibility()
                              if i in self.key_of]
            return True
        return None if status == UNKNOWN else False

    def shrink(self, keys: list) -> list | None:
        keys = sorted(keys, key=lambda k: LIFT_ORDER.index(k[0]))
        kept = list(keys)
        for key in keys:
            if key not in kept:
                continue
            trial = [k for k in kept if k != key]
            verdict = self.impossible(trial)
            if verdict is None:
                return None
            if verdict:
                kept = trial
        return kept

    def run(self) -> tuple[TimetableObstacle, ...]:
        active = list(self.model.groups)
        out = []
        while len(out) < MAX_REASONS:
            verdict = self.impossible(active)
            if not verdict:
                break
            core = [k for k in self.last_core if k in active] or active
            mus = self.shrink(core)
            if mus is None:
                break
            if not mus:
                out.append(TimetableObstacle("No timetable exists even with every rule that can be "
                                             "lifted lifted: the visit has too few peers or too "
                                             "little time for its workshops."))
                break
            out.append(self.describe(mus))
            victim = next((k for k in mus if k[0] == "required"), mus[-1])
            active = [k for k in active if k != victim]
        if out:
            return tuple(out)
        return (TimetableObstacle("The solver ran out of time before it could tell which rule "
                                  "makes the timetable impossible."),)

    # -- words ---------------------------------------------------------------------------------

    def lock_name(self, person_id: str) -> str:
        interview = self.locked[person_id]
        number = f"locked interview {interview.number}" if interview.number else \
            "the locked interview"
        return f"{number} with {self.who(person_id)}"

    def words(self, key) -> tuple[str, str]:
        """The rule group ``key`` as a statement about this visit, and what lifting it means,
        as an action."""
        kind, who = key[0], self.who(key[1]) if len(key) > 1 else ""
        visit = self.instance.visit
        if kind == "required":
            return f"{who} must be met", f"not meeting {who}"
        if kind == "availability":
            person = self.people[key[1]]
            return (f"{who} is available {self.windows(person.availability)}",
                    f"{who} being available at other times")
        if kind == "language":
            person = self.people[key[1]]
            speakers = [p.initials for p in self.instance.peers
                        if person.language in p.languages]
            verb = "speaks" if len(speakers) == 1 else "speak"
            return (f"{who} speaks {person.language} without an interpreter, and only "
                    f"{', '.join(speakers) or 'no peer'} {verb} it",
                    f"an interpreter for {who}")
        if kind == "locked":
            interview = self.locked[key[1]]
            number = f"interview {interview.number}" if interview.number else "the interview"
            return (f"{self.lock_name(key[1])} is fixed at "
                    f"{self.when(interview.day, interview.start, interview.end)} with "
                    f"{interview.pair}", f"unlocking {number} with {who}")
        if kind == "block":
            block = visit.days[key[1] - 1].blocks[key[2]]
            when = self.when(key[1], block.start, block.end)
            return (f"{when} is kept for '{block.title}'",
                    f"holding interviews during '{block.title}' ({when})")
        if kind == "parallel":
            return (f"at most {visit.max_parallel} interviews and workshops are held at a time",
                    f"more than {visit.max_parallel} interviews and workshops at a time")
        if kind == "cap":
            cap = self.instance.cap(self.instance.peer(key[1]))
            return (f"{key[1]} holds at most {cap} interview{plural_s(cap)} a day",
                    f"{key[1]} holding more than {cap} interview{plural_s(cap)} a day")
        if kind == "peer_availability":
            peer = self.instance.peer(key[1])
            return (f"{key[1]} is available {self.windows(peer.availability)}",
                    f"{key[1]} being available at other times")
        workshop = self.workshops[key[1]]
        name = self.workshop_name(key[1])
        if kind == "workshop_time":
            if workshop.fixed:
                end = workshop.start + workshop.duration
                fact = f"{name} is fixed at {self.when(workshop.day, workshop.start, end)}"
            else:
                fact = f"{name} must be held within {self.windows(workshop.options)}"
            return fact, f"moving {name}"
        if kind == "workshop_participant":
            person = self.people[key[2]]
            return (f"{self.who(key[2])} (available {self.windows(person.availability)}) takes "
                    f"part in {name}, which lasts {workshop.duration / 60:g} hours",
                    f"{self.who(key[2])} not taking part in {name}")
        if kind == "workshop_peer":
            peer = self.instance.peer(key[2])
            return (f"{key[2]} (available {self.windows(peer.availability)}) holds {name}",
                    f"{key[2]} not holding {name}")
        raise ValueError(key)

    def describe(self, mus: list) -> TimetableObstacle:
        victims = [k[1] for k in mus if k[0] == "required"]
        workshops = sorted({k[1] for k in mus if k[0].startswith("workshop")})
        peers = sorted({k[1] for k in mus if k[0] in ("cap", "peer_availability")}
                       | {k[2] for k in mus if k[0] == "workshop_peer"})
        people = list(dict.fromkeys(victims + [k[1] for k in mus if k[0] in (
            "availability", "language", "locked")] + [k[2] for k in mus
                                                      if k[0] == "workshop_participant"]))
        for k in mus:
            if k[0] == "locked":
                peers = sorted(set(peers) | set(self.locked[k[1]].peers))
        changes = "; ".join(self.words(k)[1] for k in mus)
        tail = f" Any one of these changes would make a timetable possible: {changes}."
        if len(victims) == 1:
            person = self.people[victims[0]]
            head = f"Interviewee {self.who(person.id)}"
            if ("availability", person.id) in mus:
                head += f" (available {self.windows(person.availability)})"
            head += " cannot be fitted"
            why = self.per_start(person, mus)
        elif victims:
            head = ("Interviewees " + ", ".join(self.who(v) for v in victims[:-1])
                    + f" and {self.who(victims[-1])} cannot all be fitted")
            why = None
        elif workshops:
            head = f"{upper_first(self.workshop_name(workshops[0]))} cannot be held"
            why = None
        else:
            head = "These rules cannot all be kept"
            why = None
        if why is None:
            why = "; ".join(self.words(k)[0] for k in mus if not (
                len(victims) == 1 and k in (("required", victims[0]),
                                            ("availability", victims[0]))))
        message = f"{head}: {why}." if why else f"{head}."
        return TimetableObstacle(message + tail, interviewees=tuple(people), peers=tuple(peers),
                                 workshops=tuple(workshops))

    def per_start(self, person, mus: list) -> str | None:
        """At each time the interviewee could come, what the other rules of ``mus`` put in
        the way; None when that is not one simple fact per time (then the rules are listed)."""
        inst, visit = self.instance, self.instance.visit
        grid = SlotGrid(inst)
        length = inst.interview_minutes(person)
        in_mus = set(mus)
        occupants = []  # (day, start, end, description, peers held)
        for k in mus:
            if k[0] == "locked":
                i = self.locked[k[1]]
                occupants.append((i.day, i.start, i.end, self.lock_name(k[1]), i.peers))
            if k[0] == "workshop_time" and self.workshops[k[1]].fixed:
                w = self.workshops[k[1]]
                held = tuple(p for p in w.peers if ("workshop_peer", w.id, p) in in_mus)
                occupants.append((w.day, w.start, w.start + w.duration,
                                  self.workshop_name(w.id), held))
        speakers = [p.initials for p in inst.peers
                    if ("language", person.id) not in in_mus or grid.speaks(person, (
                        grid.peer_index[p.initials], grid.peer_index[p.initials]))]
        if len(speakers) < 2:
            who = (f"only {speakers[0]} speaks" if speakers else "no peer speaks")
            return (f"they speak {person.language} and have no interpreter, and {who} "
                    f"{person.language}, while both peers of an interview must")
        reasons = []
        for day in range(1, len(visit.days) + 1):
            for start in grid.starts(day, length):
                end = start + length
                if ("availability", person.id) in in_mus and not available(
                        person.availability, day, start, end):
                    continue
                blocks = [b for n, b in enumerate(visit.days[day - 1].blocks)
                          if ("block", day, n) in in_mus and not b.peers
                          and b.start < end and start < b.end]
                if blocks:
                    reasons.append(f"at {self.when(day, start)} it is '{blocks[0].title}'")
                    continue
                here = [o for o in occupants if o[0] == day and o[1] < end and start < o[2]]
                busy = {p for o in here for p in o[4]}
                away = {p.initials for p in inst.peers
                        if ("peer_availability", p.initials) in in_mus
                        and not available(p.availability, day, start, end)}
                free = [p for p in speakers if p not in busy and p not in away]
                if len(free) < 2:
                    taken = [f"{' & '.join(o[4])} by {o[3]}" for o in here if o[4]]
                    taken += [f"{p} is not available" for p in sorted(away)]
                    if not taken:
                        return None
                    reasons.append(f"at {self.when(day, start)} every peer who could hold it "
                                   f"is taken: {', '.join(taken)}")
                    continue
                if ("parallel", ) in in_mus and len(here) >= (visit.max_parallel or 0):
                    reasons.append(
                        f"at {self.when(day, start)} the {visit.max_parallel} interviews and "
                        f"workshops that may be held at once are "
                        + ", ".join(o[3] for o in here))
                    continue
                return None
        if not reasons:
            return None
        if len(reasons) > 4:
            reasons = reasons[:4] + [f"and {len(reasons) - 4} more times"]
        return "; ".join(reasons)

