"""The rules of the CP-SAT model that tie interviews and workshops together: nobody in two
places at once, the parallel limit, each peer's daily limit, and locked interviews kept.
Each function adds them to a ``citypeer.visits.method.cpsat.TimetableModel`` whose variables
are made; in relax mode each rule is tied to the literal of its group."""

from __future__ import annotations


def shared_rules(model) -> None:
    inst, grid, m = model.instance, model.grid, model.m
    for intervals in model.peer_intervals.values():
        if len(intervals) > 1:
            m.add_no_overlap(intervals)

    # An interviewee is not interviewed during a workshop they attend.
    for (person_id, _slot), items in model.person_slots.items():
        interviews = [v for v in items if not isinstance(v, tuple)]
        for workshop_id, wvar in (v for v in items if isinstance(v, tuple)):
            if not interviews:
                continue
            if model.relax:
                m.add(sum(interviews) + wvar <= 1).only_enforce_if(
                    model.group("workshop_participant", workshop_id, person_id))
            else:
                m.add(sum(interviews) + wvar <= 1)

    limit = inst.visit.max_parallel
    if limit is not None:
        for items in model.running.values():
            if len(items) > limit:
                constraint = m.add(sum(c * v for c, v in items) <= limit)
                if model.relax:
                    constraint.only_enforce_if(model.group("parallel"))
        if not model.relax:
            # Redundant with the slots above; its propagation finds gaps sooner.
            m.add_cumulative(model.presence, [1] * len(model.presence), limit)

    for n, _person in enumerate(model.people):
        for k, zvar in model.z[n].items():
            for day in range(1, len(inst.visit.days) + 1):
                day_vars = model.on_day[n, day]
                if day_vars:
                    both = m.new_bool_var(f"q_{n}_{k}_{day}")
                    m.add(both >= zvar + sum(day_vars) - 1)
                    model.per_day[k, day].append(both)
    for (k, _day), items in model.per_day.items():
        cap = inst.cap(grid.peers[k])
        if len(items) > cap:
            constraint = m.add(sum(items) <= cap)
            if model.relax:
                constraint.only_enforce_if(model.group("cap", grid.peers[k].initials))

    if not model.relax:
        redundant_capacity(model)



def redundant_capacity(model) -> None:
    """Per slot, two peers per interview: at most half the free peers are interviewing.
    Implied by the peers' no-overlap, but stated per slot it gives the linear relaxation
    the bound that decides how many people can be met."""
    inst, grid, m = model.instance, model.grid, model.m
    for s, items in model.peer_need.items():
        day, start = grid.slots[s]
        end = start + grid.step
        free = sum(1 for peer in grid.peers if grid.peer_free(peer, day, start, end))
        if sum(c for c, _ in items) > free:
            m.add(sum(c * v for c, v in items) <= free)
    for day in range(1, len(inst.visit.days) + 1):
        items = [v for n in range(len(model.people)) for v in model.on_day[n, day]]
        room = sum(inst.cap(p) for p in grid.peers)
        if 2 * len(items) > room:
            m.add(2 * sum(items) <= room)



def locks(model) -> None:
    m = model.m
    for interview in model.instance.timetable.interviews:
        if not interview.locked:
            continue
        n = model.index.get(interview.interviewee)
        yvar = None if n is None else next(
            (v for v, d, s, _e, _sl in model.y[n] if (d, s) == (interview.day,
                                                              interview.start)), None)
        peers = [model.grid.peer_index.get(p) for p in interview.peers]
        zvars = [model.z[n].get(k) for k in peers] if n is not None else [None]
        if yvar is None or any(v is None for v in zvars) or len(set(peers)) != 2:
            # Not a place the rules allow: no timetable keeps this lock.
            if model.relax:
                m.add_bool_or([model.group("locked", interview.interviewee).Not()])
            else:
                m.add_bool_or([])
            continue
        for var in (yvar, *zvars):
            if model.relax:
                m.add(var == 1).only_enforce_if(model.group("locked", interview.interviewee))
            else:
                m.add(var == 1)

