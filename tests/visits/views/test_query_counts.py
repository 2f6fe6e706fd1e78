"""Pages fetch a fixed number of queries whatever the number of interviews."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from citypeer.visits.domain.interviewees import add_interviewee
from citypeer.visits.domain.plan import solve_visit
from tests.visits.conftest import TIME_LIMIT, make_world


def visit_with(benchmark, slug, people):
    world = make_world(benchmark, slug=slug)
    for n in range(people):
        add_interviewee(visit=world.visit, review=world.review, data={
            "name": f"Person {n}", "category": "municipality_staff",
            "indicators": ["AC/A/1", "AC/A/2"]})
    solve_visit(visit=world.visit, review=world.review, time_limit=TIME_LIMIT,
                edit_count=0)
    return world


def count(client, world, page):
    client.force_login(world.peers["AP"])
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/reviews/{world.review.pk}/visit/{page}")
    assert response.status_code == 200
    return len(queries)


def test_pages_take_as_many_queries_for_one_interview_as_for_several(client, three_indicators):
    one = visit_with(three_indicators, "one", 1)
    several = visit_with(three_indicators, "several", 6)

    counts = {page: (count(client, one, page), count(client, several, page))
              for page in ("", "interviewees/", "briefs/", "export/timetable.json",
                           "export/team.ics")}

    assert {page: a == b for page, (a, b) in counts.items()} == {
        page: True for page in counts}, counts
    assert several.visit.interviews.count() == 6
