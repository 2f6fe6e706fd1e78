"""The independent checker: is a timetable allowed, and what does it cover?

Written from the rules, not from the optimiser's model, so that it can check the optimiser
(the tests run every solved plan through it) and so that the timetable page can validate a
moved or swapped interview at once. It never raises on a bad timetable: everything wrong is a
``TimetableWarning`` whose fields name the interview, person, workshop, indicator and time it
concerns.

Hard rules (severity ``error``), by code:

``unknown_interviewee`` ``unknown_peer`` ``unknown_workshop`` ``unknown_day``
    the timetable names something the visit does not have;
``pair``               an interview is held by exactly two different peers;
``length``             an interview lasts one slot, two when interpreted; a workshop its
                       duration;
``outside_day``        within the day's hours, starting on the day's grid of slots;
``block``              not during a fixed block or break that concerns one of its peers;
``unavailable``        interviewees and workshop participants only when available;
``peer_unavailable``   peers only when available;
``language``           without an interpreter both peers speak the interviewee's language;
``met_twice``          an interviewee has one interview;
``peer_overlap``       a peer is never in two places at once;
``interviewee_overlap`` nor is an interviewee (an interview during their workshop);
``overload``           a peer holds at most their number of interviews a day;
``parallel``           at most ``max_parallel`` interviews and workshops at the same time;
``workshop_missing`` ``workshop_twice`` ``workshop_moved`` ``workshop_outside_options``
                       every workshop once, at its fixed time or within its options;
``required_missing``   every interviewee marked required is met;
``locked_moved``       every locked interview of the current plan is where it was.

What the visit needs (severity ``warning``):

``uncovered``          an indicator the desk review marks "needs more information" or "split"
                       is spoken to in fewer than two interviews with different interviewees,
                       or another indicator with open questions in none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from citypeer.visits.method.coverage import coverage
from citypeer.visits.method.model import (
    ERROR,
    WARNING,
    PlannedInterview,
    Timetable,
    TimetableWarning,
    VisitInstance,
    WorkshopSession,
    hhmm,
)
from citypeer.visits.method.words import Words, upper_first


def check_timetable(instance: VisitInstance, timetable: Timetable) -> tuple[TimetableWarning, ...]:
    """Every broken rule and every shortfall of ``timetable``, errors first."""
    check = _Checker(instance, timetable)
    check.run()
    return tuple(sorted(check.out, key=_order))


def errors(warnings: Iterable[TimetableWarning]) -> tuple[TimetableWarning, ...]:
    return tuple(w for w in warnings if w.severity == ERROR)


def _order(w: TimetableWarning):
    return (w.severity != ERROR, w.day or 0, w.start or 0, w.interview or 0, w.code,
            w.message)


class _Checker(Words):
    def __init__(self, instance: VisitInstance, timetable: Timetable):
        super().__init__(instance)
        self.timetable = timetable
        self.peers = {p.initials: p for p in instance.peers}
        self.out: list[TimetableWarning] = []

    def add(self, code: str, message: str, *, severity: str = ERROR, **fields) -> None:
        self.out.append(TimetableWarning(code, severity, message, **fields))

    def add_for(self, code: str, interview: PlannedInterview, message: str, **fields) -> None:
        fields.setdefault("day", interview.day)
        fields.setdefault("start", interview.start)
        self.add(code, message, interviewee=interview.interviewee,
                 interview=interview.number or None, **fields)

    # -- rules -------------------------------------------------------------------------------

    def run(self) -> None:
        for interview in self.timetable.interviews:
            self.check_interview(interview)
        self.check_workshops()
        self.check_met_twice()
        self.check_overlaps()
        self.check_overload()
        self.check_parallel()
        self.check_required()
        self.check_locked()
        self.check_coverage()

    def check_time(self, day: int, start: int, end: int, what: str, add) -> bool:
        """The day exists, the time lies within its hours on its grid; False if not."""
        days = self.visit.days
        if not 1 <= day <= len(days):
            add("unknown_day", f"{what} is on day {day}, but the visit has {len(days)} days.")
            return False
        d = days[day - 1]
        slot = self.visit.slot_minutes
        if start < d.start or end > d.end or end <= start:
            add("outside_day", f"{what} ({self.when(day, start, end)}) is outside the day's "
                f"hours {hhmm(d.start)}-{hhmm(d.end)}.")
            return False
        if (start - d.start) % slot:
            add("outside_day", f"{what} starts at {hhmm(start)}, off the day's "
                f"{slot}-minute slots from {hhmm(d.start)}.")
        return True

    def check_blocks(self, day: int, start: int, end: int, peers: Iterable[str], what: str,
                     add) -> None:
        peers = set(peers)
        for block in self.visit.days[day - 1].blocks:
            if block.start < end and start < block.end:
                concerned = sorted(peers & set(block.peers)) if block.peers else []
                if block.peers and not concerned:
                    continue
                whom = f" for {', '.join(concerned)}" if concerned else ""
                add("block", f"{what} ({self.when(day, start, end)}) overlaps "
                    f"'{block.title}' ({hhmm(block.start)}-{hhmm(block.end)}){whom}.",
                    peer=concerned[0] if concerned else None)

    def available(self, windows, day: int, start: int, end: int) -> bool:
        return windows is None or any(w.holds(day, start, end) for w in windows)

    def check_interview(self, interview: PlannedInterview) -> None:
        name = self.interview_name(interview)

        def add(code, message, **fields):
            self.add_for(code, interview, message, **fields)

        person = self.people.get(interview.interviewee)
        if person is None:
            add("unknown_interviewee", f"{upper_first(name)}: '{interview.interviewee}' is "
                "not among the interviewees.")
        pair = list(interview.peers)
        unknown = [p for p in pair if p not in self.peers]
        for initials in unknown:
            add("unknown_peer", f"{upper_first(name)} names peer {initials}, who is not on "
                "the team.", peer=initials)
        if len(pair) != 2 or len(set(pair)) != 2:
            add("pair", f"{upper_first(name)} is held by {' & '.join(pair) or 'nobody'}; "
                "an interview is held by a pair of two different peers.")
        if not self.check_time(interview.day, interview.start, interview.end,
                               upper_first(name), add):
            return
        when = self.when(interview.day, interview.start, interview.end)
        if person is not None:
            expected = self.instance.interview_minutes(person)
            if interview.end - interview.start != expected:
                why = " (interpreted)" if person.interpreter else ""
                add("length", f"{upper_first(name)} lasts {interview.end - interview.start} "
                    f"minutes; it should last {expected}{why}.")
        self.check_blocks(interview.day, interview.start, interview.end, pair,
                          upper_first(name), add)
        if person is not None and not self.available(person.availability, interview.day,
                                                     interview.start, interview.end):
            add("unavailable", f"{self.who(person.id)} is not available at {when} "
                f"(available {self.windows(person.availability)}).")
        for initials in pair:
            peer = self.peers.get(initials)
            if peer is not None and not self.available(peer.availability, interview.day,
                                                       interview.start, interview.end):
                add("peer_unavailable", f"{initials} is not available at {when} for {name} "
                    f"(available {self.windows(peer.availability)}).", peer=initials)
        if person is not None and person.language and not person.interpreter:
            for initials in pair:
                peer = self.peers.get(initials)
                if peer is not None and person.language not in peer.languages:
                    add("language", f"{initials} does not speak {person.language}, the "
                        f"language of {self.who(person.id)}, who has no interpreter "
                        f"({name}).", peer=initials)

    def check_workshops(self) -> None:
        sessions: dict[str, list[WorkshopSession]] = defaultdict(list)
        for session in self.timetable.workshops:
            sessions[session.workshop].append(session)
            workshop = self.workshops.get(session.workshop)
            fields = {"workshop": session.workshop, "day": session.day, "start": session.start}
            name = self.workshop_name(session.workshop)

            def add(code, message, _fields=fields, **more):
                self.add(code, message, **{**_fields, **more})

            if workshop is None:
                add("unknown_workshop", f"The timetable has {name}, which the visit does "
                    "not have.")
                continue
            if not self.check_time(session.day, session.start, session.end,
                                   upper_first(name), add):
                continue
            when = self.when(session.day, session.start, session.end)
            if session.end - session.start != workshop.duration:
                add("length", f"{upper_first(name)} lasts {session.end - session.start} "
                    f"minutes; it should last {workshop.duration}.")
            self.check_blocks(session.day, session.start, session.end, workshop.peers,
                              upper_first(name), add)
            if workshop.fixed and (session.day, session.start) != (workshop.day,
                                                                    workshop.start):
                add("workshop_moved", f"{upper_first(name)} is fixed at "
                    f"{self.when(workshop.day, workshop.start)}, not {when}.")
            elif workshop.options and not any(
                    w.holds(session.day, session.start, session.end) for w in workshop.options):
                add("workshop_outside_options", f"{upper_first(name)} ({when}) is outside "
                    f"the times it may be held: {self.windows(workshop.options)}.")
            for person_id in workshop.participants:
                person = self.people.get(person_id)
                if person is None:
                    add("unknown_interviewee", f"{upper_first(name)} names '{person_id}', "
                        "who is not among the interviewees.", interviewee=person_id)
                elif not self.available(person.availability, session.day, session.start,
                                        session.end):
                    add("unavailable", f"{self.who(person_id)} takes part in {name} at "
                        f"{when} but is not available then (available "
                        f"{self.windows(person.availability)}).", interviewee=person_id)
            for initials in workshop.peers:
                peer = self.peers.get(initials)
                if peer is None:
                    add("unknown_peer", f"{upper_first(name)} names peer {initials}, who is "
                        "not on the team.", peer=initials)
                elif not self.available(peer.availability, session.day, session.start,
                                        session.end):
                    add("peer_unavailable", f"{initials} holds {name} at {when} but is not "
                        f"available then (available {self.windows(peer.availability)}).",
                        peer=initials)
        for workshop in self.instance.workshops:
            held = sessions.get(workshop.id, [])
            name = self.workshop_name(workshop.id)
            if not held:
                self.add("workshop_missing", f"{upper_first(name)} is not in the timetable.",
                         workshop=workshop.id)
            elif len(held) > 1:
                self.add("workshop_twice", f"{upper_first(name)} is in the timetable "
                         f"{len(held)} times.", workshop=workshop.id)

    def check_met_twice(self) -> None:
        by_person: dict[str, list[PlannedInterview]] = defaultdict(list)
        for interview in self.timetable.interviews:
            by_person[interview.interviewee].append(interview)
        for person_id, interviews in by_person.items():
            if len(interviews) > 1:
                for interview in interviews[1:]:
                    self.add_for("met_twice", interview, f"{self.who(person_id)} has "
                                 f"{len(interviews)} interviews; an interviewee is met once.")

    def activities(self):
        """(day, start, end, what, peers, people, interview or None, workshop id or None)."""
        for interview in self.timetable.interviews:
            yield (interview.day, interview.start, interview.end,
                   self.interview_name(interview), tuple(interview.peers),
                   (interview.interviewee,), interview, None)
        for session in self.timetable.workshops:
            workshop = self.workshops.get(session.workshop)
            if workshop is None:
                continue
            yield (session.day, session.start, session.end, self.workshop_name(workshop.id),
                   workshop.peers, workshop.participants, None, workshop.id)

    def check_overlaps(self) -> None:
        by_peer: dict[str, list] = defaultdict(list)
        by_person: dict[str, list] = defaultdict(list)
        for activity in self.activities():
            for initials in dict.fromkeys(activity[4]):
                by_peer[initials].append(activity)
            for person_id in activity[5]:
                by_person[person_id].append(activity)
        for initials, items in by_peer.items():
            for a, b in _overlapping(items):
                self.add_overlap("peer_overlap", f"{initials} is in two places at once",
                                 a, b, peer=initials)
        for person_id, items in by_person.items():
            for a, b in _overlapping(items):
                # Two interviews of one person are met_twice already.
                if a[6] is not None and b[6] is not None:
                    continue
                self.add_overlap("interviewee_overlap",
                                 f"{self.who(person_id)} is in two places at once",
                                 a, b, interviewee=person_id)

    def add_overlap(self, code: str, head: str, a, b, **fields) -> None:
        later = b if (b[0], b[1]) >= (a[0], a[1]) else a
        interview = later[6] if later[6] is not None else (a[6] if a[6] is not None else b[6])
        fields.setdefault("interviewee", interview.interviewee if interview else None)
        message = (f"{head} on {self.visit.day_label(later[0])}: {a[3]} "
                   f"({hhmm(a[1])}-{hhmm(a[2])}) and {b[3]} ({hhmm(b[1])}-{hhmm(b[2])}).")
        self.add(code, message, interview=(interview.number or None) if interview else None,
                 workshop=later[7] or (a[7] or b[7]), day=later[0], start=later[1], **fields)

    def check_overload(self) -> None:
        counts: dict[tuple[str, int], list[PlannedInterview]] = defaultdict(list)
        for interview in self.timetable.interviews:
            for initials in dict.fromkeys(interview.peers):
                counts[initials, interview.day].append(interview)
        for (initials, day), interviews in sorted(counts.items()):
            peer = self.peers.get(initials)
            if peer is None:
                continue
            cap = self.instance.cap(peer)
            if len(interviews) > cap:
                last = max(interviews, key=lambda i: i.start)
                self.add("overload", f"{initials} holds {len(interviews)} interviews on "
                         f"{self.visit.day_label(day)}, more than the {cap} a peer may hold "
                         "in a day.", peer=initials, day=day, start=last.start,
                         interview=last.number or None, interviewee=last.interviewee)

    def check_parallel(self) -> None:
        limit = self.visit.max_parallel
        if limit is None:
            return
        by_day: dict[int, list] = defaultdict(list)
        for activity in self.activities():
            by_day[activity[0]].append(activity)
        for day, items in sorted(by_day.items()):
            for moment in sorted({a[1] for a in items}):
                running = [a for a in items if a[1] <= moment < a[2]]
                if len(running) > limit:
                    names = ", ".join(a[3] for a in running)
                    self.add("parallel", f"{len(running)} interviews and workshops at once on "
                             f"{self.when(day, moment)}, more than the {limit} the visit "
                             f"allows: {names}.", day=day, start=moment)

    def check_required(self) -> None:
        met = {i.interviewee for i in self.timetable.interviews}
        for person in self.instance.interviewees:
            if person.required and person.id not in met:
                self.add("required_missing", f"{self.who(person.id)} must be met but has no "
                         "interview.", interviewee=person.id)

    def check_locked(self) -> None:
        planned = defaultdict(list)
        for interview in self.timetable.interviews:
            planned[interview.interviewee].append(interview)
        for locked in self.instance.timetable.interviews:
            if not locked.locked:
                continue
            same = [i for i in planned.get(locked.interviewee, [])
                    if (i.day, i.start, set(i.peers)) == (locked.day, locked.start,
                                                          set(locked.peers))]
            if not same:
                self.add("locked_moved", f"The locked interview with "
                         f"{self.who(locked.interviewee)} ({self.when(locked.day, locked.start)}"
                         f", {locked.pair}) is not where it was locked.",
                         interviewee=locked.interviewee, interview=locked.number or None,
                         day=locked.day, start=locked.start)

    def check_coverage(self) -> None:
        for item in coverage(self.instance, self.timetable):
            if item.met:
                continue
            have = len(item.interviewees)
            if item.target == 2:
                status = ("needs more information" if item.status == "needs_information"
                          else "split")
                message = (f"{item.indicator} ({status}) is spoken to in {have} interview"
                           f"{'' if have == 1 else 's'}; it needs two with different "
                           "interviewees.")
            else:
                message = f"{item.indicator} has open questions but no interview speaks to it."
            self.add("uncovered", message, severity=WARNING, indicator=item.indicator)


def _overlapping(items: list) -> list[tuple]:
    """Pairs of activities that overlap in time, each pair once."""
    out = []
    ordered = sorted(items, key=lambda a: (a[0], a[1], a[2]))
    for index, a in enumerate(ordered):
        for b in ordered[index + 1:]:
            if b[0] != a[0] or b[1] >= a[2]:
                break
            out.append((a, b))
    return out

