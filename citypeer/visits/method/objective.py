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

from citypeer.visits.method.coverage import coverage
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


def add_terms(model) -> None:
    """The same terms as expressions of the CP-SAT model's variables
    (``citypeer.visits.method.cpsat.TimetableModel``), in ``model.terms``."""
    inst, grid, m = model.instance, model.grid, model.m
    speakers = defaultdict(list)
    for n, person in enumerate(model.people):
        for code in dict.fromkeys(person.indicators):
            speakers[code].append(model.met[n])
    twice, once, asked = [], [], []
    for need in inst.desk_review:
        heard = speakers.get(need.indicator, [])
        if need.target == 2:
            t2 = m.new_bool_var(f"twice_{need.indicator}")
            t1 = m.new_bool_var(f"once_{need.indicator}")
            m.add(2 * t2 <= sum(heard))
            m.add(t1 <= sum(heard))
            twice.append(t2)
            once.append(t1)
        elif need.target == 1:
            t1 = m.new_bool_var(f"asked_{need.indicator}")
            m.add(t1 <= sum(heard))
            asked.append(t1)
    terms = model.terms
    terms["needs_short"] = len(twice) - sum(twice)
    terms["needs_uncovered"] = len(once) - sum(once)
    terms["questions_uncovered"] = len(asked) - sum(asked)
    terms["not_met"] = len(model.met) - sum(model.met)

    top = upper_bounds(inst).load_spread
    high = m.new_int_var(0, top, "load_high")
    low = m.new_int_var(0, top, "load_low")
    for k in range(len(grid.peers)):
        load = m.new_int_var(0, top, f"load_{k}")
        m.add(load == sum(z[k] for z in model.z if k in z))
        m.add(high >= load)
        m.add(low <= load)
    terms["load_spread"] = high - low

    together = defaultdict(list)
    for n, zs in enumerate(model.z):
        peers = sorted(zs)
        pairs = []
        for a_pos, a in enumerate(peers):
            for b in peers[a_pos + 1:]:
                both = m.new_bool_var(f"pair_{n}_{a}_{b}")
                m.add_implication(both, zs[a])
                m.add_implication(both, zs[b])
                together[a, b].append(both)
                pairs.append(both)
        if pairs:
            # One pair per interview: without this the relaxation counts one interview
            # as up to all its pairs and proves nothing about rotation.
            m.add(sum(pairs) <= model.met[n])
    used = []
    for key, items in together.items():
        u = m.new_bool_var(f"pair_{key[0]}_{key[1]}")
        m.add(u <= sum(items))
        used.append(u)
    if used:
        # Each interview brings one pair: stated outright, this bound survives presolve.
        m.add(sum(used) <= sum(model.met))
    terms["pairs_unused"] = len(grid.pairs) - sum(used)

    scattered = []
    for key, ids in organisations(inst).items():
        day_vars = []
        for day in range(1, len(inst.visit.days) + 1):
            groups = [model.on_day[model.index[pid], day] for pid in ids
                      if model.on_day[model.index[pid], day]]
            if not groups:
                continue
            u = m.new_bool_var(f"org_{key}_{day}")
            for group in groups:
                m.add(u >= sum(group))
            day_vars.append(u)
        if len(day_vars) > 1:
            any_day = m.new_bool_var(f"org_{key}")
            m.add(any_day <= sum(day_vars))
            scattered.append(sum(day_vars) - any_day)
    terms["scattered"] = sum(scattered)

    kept, sessions = replannable(inst)
    changes = []
    for interview in kept:
        n = model.index[interview.interviewee]
        yvar = next((v for v, d, s, _e, _sl in model.y[n]
                     if (d, s) == (interview.day, interview.start)), None)
        zvars = [model.z[n].get(model.grid.peer_index.get(p, -1)) for p in interview.peers]
        if (yvar is None or any(v is None for v in zvars)
                or len(set(interview.peers)) != 2):
            changes.append(1)
            continue
        same = m.new_bool_var(f"same_{n}")
        for var in (yvar, *zvars):
            m.add_implication(same, var)
        changes.append(1 - same)
    workshop_index = {w.id: n for n, w in enumerate(inst.workshops)}
    for session in sessions:
        var = next((v for v, d, s, _ in model.w[workshop_index[session.workshop]]
                    if (d, s) == (session.day, session.start)), None)
        changes.append(1 if var is None else 1 - var)
    terms["changes"] = sum(changes)

