"""The revision's world: a programme on the shipped INTI-CITIES benchmark with Lyon's review
and its team (the peer of the shared `people`), built from the shared factories; and a new
version of the benchmark as a coordinator would edit it."""

from dataclasses import dataclass

import pytest
import yaml

from citypeer.programmes.models import Programme, ProgrammePhase
from citypeer.revisions.domain.revisions import start_draft
from tests.factories import make_city, make_review, make_team

REWORDED_TEXT = "The municipality collects specific data on migrant communities and their needs."
ADDED_TEXT = "The municipality publishes its integration data as open data every year."



@dataclass(frozen=True)
class World:
    programme: object
    review: object


@pytest.fixture
def world(inti, people) -> World:
    Programme.objects.create(slug="inti-2008", name="INTI 2008", benchmark=inti)
    make_city("lyon", name="Lyon", country="FR")
    review = make_review(inti, host="lyon", slug="inti-2008")
    ProgrammePhase.objects.create(programme=review.programme, kind="kick_off",
                                  starts_on="2007-09-01")
    make_team(review, peers=[people["peer"]], leader=people["peer"])
    return World(programme=review.programme, review=review)


@pytest.fixture
def draft(inti, people):
    """The coordinator's draft of version 2, a copy of version 1 so far."""
    return start_draft(base=inti, user=people["coordinator"])


def edited(text: str) -> str:
    """GG/A/6 reworded, GG/A/3 removed (GG/A/4–6 renumbered), an indicator added to GG/A."""
    data = yaml.safe_load(text)
    cell = data["pillars"][0]["values"][0]["indicators"]
    assert [i["code"] for i in cell] == [f"GG/A/{n}" for n in range(1, 7)]
    cell[5]["text"] = REWORDED_TEXT
    del cell[2]
    for n, indicator in enumerate(cell, start=1):
        indicator["code"] = f"GG/A/{n}"
    cell.append({"code": "GG/A/6", "text": ADDED_TEXT})
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
