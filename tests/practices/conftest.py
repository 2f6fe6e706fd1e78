"""The catalogue's world: Lyon's review on the shipped INTI-CITIES benchmark with its team
(the peer of the shared `people`), built from the shared factories; and the catalogue loaded
from the seeds."""

import pytest

from citypeer.practices.domain.catalogue import load_shipped_practices
from tests.factories import make_city, make_review, make_team


@pytest.fixture
def catalogue(shipped_benchmarks):
    load_shipped_practices()


@pytest.fixture
def world(inti, people):
    """Lyon's review, whose team is the peer."""
    make_city("lyon", name="Lyon", country="FR")
    review = make_review(inti, host="lyon", slug="p")
    make_team(review, peers=[people["peer"]], leader=people["peer"])
    return review
