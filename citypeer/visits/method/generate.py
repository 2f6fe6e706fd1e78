"""Invented visits of a given size, the same for the same seed: for the benchmark and tests.

Shaped on the seed: the four-day template, about a third of the peers interviewing at once
(two pairs out of six, the others writing up), interviewees of the five categories with
narrower availability for politicians and wider for staff, some needing an interpreter,
about 40 % of the indicators marked "needs more information" or "split", workshop A fixed on
day 2 at 16:00 and workshop B placed by the optimiser on day 3's afternoon. Every person is
invented.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace

from citypeer.visits.method.model import (
    AGREES,
    MIGRANT_GROUP,
    MUNICIPALITY_STAFF,
    NEEDS_INFORMATION,
    PARTNER_ORGANISATION,
    POLITICIAN,
    SERVICE_USER,
    SPLIT,
    IndicatorNeed,
    IntervieweeToMeet,
    Interviewer,
    VisitFrame,
    VisitInstance,
    Window,
    WorkshopToPlace,
)

INITIALS = ("JB", "FC", "AM", "KL", "RS", "TV", "EH", "PD", "MN", "SG", "LW", "CO", "HV", "IK",
            "BN", "DE")
LANGUAGES = ("fr", "de", "nl", "it", "fi", "sv", "es", "pl")
PILLARS = ("GG", "IE", "AC", "WP")
VALUES = ("A", "L", "R", "I", "E")
FOCUS = {
    MUNICIPALITY_STAFF: ("AC", "GG", "IE"),
    POLITICIAN: ("GG", "AC"),
    PARTNER_ORGANISATION: ("WP", "IE"),
    SERVICE_USER: ("IE",),
    MIGRANT_GROUP: ("WP", "IE", "GG"),
}
DEPARTMENTS = ("Integration office", "Education department", "Social services",
               "Employment service", "Housing department", "Youth and sports",
               "Health department", "Human resources", "Citizens' services")
PARTNERS = ("Refugee Council", "Red Cross local branch", "Chamber of Commerce",
            "Adult education centre", "Trade union council", "Housing association",
            "Volunteer centre", "University research unit")
GROUPS = ("Somali Women's Association", "Turkish Parents' Network", "Migrant Youth Forum",
          "Polish Cultural Society", "Eritrean Community", "Latin American Association",
          "Mosque council", "Consultative committee on integration")
SERVICES = ("Language course", "Job coaching programme", "Welcome desk", "Mentoring scheme")
FIRST = ("Anna", "Ben", "Carla", "Dario", "Elif", "Farah", "Gert", "Hanna", "Ivo", "Jana",
         "Kemal", "Lena", "Marek", "Nadia", "Omar", "Petra", "Rui", "Sanne", "Tomas", "Ula",
         "Vera", "Wim", "Yusuf", "Zofia")
LAST = ("Amrani", "Bakker", "Costa", "Demir", "Eriksen", "Fischer", "Gomez", "Haddad",
        "Ivanova", "Jansen", "Kovacs", "Laine", "Moreau", "Nowak", "Okafor", "Peeters",
        "Rossi", "Schmidt", "Tahir", "Virtanen")


def default_indicators(count: int = 73) -> list[str]:
    """INTI-style codes PILLAR/VALUE/N, spread over the 4 × 5 cells."""
    codes = []
    number = 0
    while len(codes) < count:
        number += 1
        for pillar in PILLARS:
            for value in VALUES:
                if len(codes) < count:
                    codes.append(f"{pillar}/{value}/{number}")
    return codes


def generate_instance(
    *,
    peers: int = 6,
    interviewees: int = 30,
    indicators: Sequence[str] | int = 73,
    workshops: int = 2,
    seed: int = 0,
    max_parallel: int | None = None,
) -> VisitInstance:
    rng = random.Random(seed)
    codes = default_indicators(indicators) if isinstance(indicators, int) else list(indicators)
    host_language = rng.choice(LANGUAGES)

    team = []
    for n in range(peers):
        second = rng.choice(LANGUAGES)
        langs = ("en", second) if second != "en" else ("en",)
        team.append(Interviewer(INITIALS[n] if n < len(INITIALS) else f"P{n}",
                                f"{rng.choice(FIRST)} {rng.choice(LAST)}", langs))
    speakers = sum(host_language in p.languages for p in team)

    categories = ([POLITICIAN] * 2 + [MUNICIPALITY_STAFF] * 8 + [PARTNER_ORGANISATION] * 5
                  + [SERVICE_USER] * 2 + [MIGRANT_GROUP] * 3)
    people = []
    for n in range(interviewees):
        category = POLITICIAN if n == 0 else rng.choice(categories)
        people.append(_person(rng, n, category, codes, host_language, speakers))
    # The first politician is the one the desk review insists on meeting.
    if people:
        people[0] = replace(people[0], required=True, availability=(
            Window(2, 9 * 60, 12 * 60), Window(3, 14 * 60, 16 * 60)))

    needs = []
    for code in codes:
        roll = rng.random()
        questions = tuple(f"What evidence is there for {code}?"
                          for _ in range(rng.randint(1, 2)))
        if roll < 0.30:
            needs.append(IndicatorNeed(code, NEEDS_INFORMATION, questions))
        elif roll < 0.40:
            needs.append(IndicatorNeed(code, SPLIT, questions))
        elif roll < 0.75:
            needs.append(IndicatorNeed(code, AGREES, questions))
        else:
            needs.append(IndicatorNeed(code, AGREES))

    sessions = []
    grassroots = [p.id for p in people if p.category in (SERVICE_USER, MIGRANT_GROUP)]
    partners = [p.id for p in people if p.category in (PARTNER_ORGANISATION, MIGRANT_GROUP)]
    for n in range(workshops):
        pool = grassroots if n % 2 == 0 else partners
        chosen = rng.sample(pool, min(len(pool), rng.randint(3, 5)))
        holders = tuple(p.initials for p in rng.sample(team, 2))
        if n == 0:
            sessions.append(WorkshopToPlace("A", "Workshop A: service users and migrant groups",
                                            120, 2, 16 * 60, (), holders, tuple(chosen)))
        else:
            day = 3 if n % 2 else 2
            sessions.append(WorkshopToPlace(chr(ord("A") + n), f"Workshop {chr(ord('A') + n)}", 120,
                                            options=(Window(day, 14 * 60, 18 * 60),), peers=holders,
                                            participants=tuple(chosen)))
        # Workshop participants come for the workshop: they are available then.
        for person_id in chosen:
            index = next(k for k, p in enumerate(people) if p.id == person_id)
            person = people[index]
            extra = sessions[-1].options or (Window(2, 16 * 60, 18 * 60),)
            people[index] = replace(person, availability=tuple(
                dict.fromkeys((person.availability or ()) + extra)))

    parallel = max(2, round(peers / 3)) if max_parallel is None else max_parallel
    return VisitInstance(
        visit=VisitFrame(max_parallel=parallel, title=f"Generated visit (seed {seed})"),
        peers=tuple(team),
        interviewees=tuple(people),
        workshops=tuple(sessions),
        desk_review=tuple(needs),
    )


def _person(rng: random.Random, n: int, category: str, codes: list[str], host_language: str,
            speakers: int) -> IntervieweeToMeet:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    if category == MUNICIPALITY_STAFF:
        organisation = f"City: {rng.choice(DEPARTMENTS)}"
        role = "Head of unit" if rng.random() < 0.3 else "Officer"
        windows = _windows(rng, count=rng.randint(1, 3), shortest=2, longest=5)
        local = rng.random() < 0.3
    elif category == POLITICIAN:
        organisation = "City council"
        role = rng.choice(("Deputy mayor for integration", "Council member",
                           "Chair of the integration committee"))
        windows = _windows(rng, count=1, shortest=1, longest=2)
        local = rng.random() < 0.4
    elif category == PARTNER_ORGANISATION:
        organisation = rng.choice(PARTNERS)
        role = rng.choice(("Director", "Project manager", "Case worker"))
        windows = _windows(rng, count=rng.randint(1, 2), shortest=2, longest=4)
        local = rng.random() < 0.5
    elif category == SERVICE_USER:
        organisation = rng.choice(SERVICES)
        role = "Participant"
        windows = _windows(rng, count=1, shortest=2, longest=4, earliest=13)
        local = True
    else:
        organisation = rng.choice(GROUPS)
        role = rng.choice(("Chair", "Board member", "Spokesperson"))
        windows = _windows(rng, count=1, shortest=2, longest=4, earliest=12)
        local = rng.random() < 0.7
    interpreter = local and not (speakers >= 2 and rng.random() < 0.5)
    if interpreter and any(w.end - w.start < 120 for w in windows):
        # An interpreted interview takes two hours: someone who needs one comes for two.
        windows = tuple(Window(w.day, min(w.start, 16 * 60), max(w.end, min(w.start, 16 * 60)
                                                               + 120)) for w in windows)
    focus = FOCUS[category]
    focused = [c for c in codes if c.split("/")[0] in focus] or codes
    spoken = set(rng.sample(focused, min(len(focused), rng.randint(3, 6))))
    spoken |= set(rng.sample(codes, min(len(codes), rng.randint(0, 2))))
    return IntervieweeToMeet(
        id=f"p{n + 1:02d}", name=name, category=category, role=role, organisation=organisation,
        availability=windows, language=host_language if local else "en",
        interpreter=interpreter, indicators=tuple(c for c in codes if c in spoken),
    )


def _windows(rng: random.Random, *, count: int, shortest: int, longest: int,
             earliest: int = 9) -> tuple[Window, ...]:
    hours_by_day: dict[int, set[int]] = {}
    for _ in range(count):
        day = rng.choice((2, 3))
        hours = rng.randint(shortest, longest)
        start = rng.randint(earliest, max(earliest, 18 - hours))
        hours_by_day.setdefault(day, set()).update(range(start, min(18, start + hours)))
    # Overlapping windows are merged: a window is a run of hours.
    out = []
    for day, hours in sorted(hours_by_day.items()):
        run: list[int] = []
        for hour in sorted(hours) + [None]:
            if run and (hour is None or hour != run[-1] + 1):
                out.append(Window(day, run[0] * 60, (run[-1] + 1) * 60))
                run = []
            if hour is not None:
                run.append(hour)
    return tuple(out)
