"""Helpers of the programmes' tests: participating cities (from the shared factories), the
INTI-CITIES 2008 milestones, and a programme with some host cities."""

import datetime as dt

from citypeer.programmes.domain.programmes import PhaseDates, create_programme
from citypeer.programmes.models import ProgrammePhase
from tests.factories import make_city

Phase = ProgrammePhase.Kind


def cities(*names):
    return [make_city(n.lower(), name=n) for n in names]


PHASES = [
    PhaseDates(Phase.KICK_OFF, dt.date(2007, 9, 20), dt.date(2007, 9, 21)),
    PhaseDates(Phase.TRAINING, dt.date(2008, 1, 10), dt.date(2008, 1, 11)),
    PhaseDates(Phase.VISITS, dt.date(2008, 2, 11), dt.date(2008, 6, 20)),
    PhaseDates(Phase.REPORTS, dt.date(2008, 7, 1), dt.date(2008, 10, 31)),
]


def dashboard_programme(inti, n_hosts):
    names = ["Helsinki", "Rotterdam", "Malmo", "Genoa", "Dusseldorf", "Lyon"][:n_hosts]
    hosts = cities(*names)
    return create_programme(name=f"P{n_hosts}", benchmark=inti, cities=hosts,
                            host_cities=hosts, phases=PHASES)
