"""Programme pages: set-up by the coordinator, the dashboard of reviews and their seven
steps, and who sees and changes what."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from citypeer.network.models import City
from citypeer.programmes.models import Programme, ProgrammePhase, ReviewStep
from citypeer.teams.models import Team, TeamMember
from tests.conftest import make_person
from tests.programmes.conftest import cities, dashboard_programme

Phase = ProgrammePhase.Kind
Step = ReviewStep.Step


def test_coordinator_creates_a_programme_from_the_page(coordinator_client, inti):
    helsinki, lyon, milan = cities("Helsinki", "Lyon", "Milan")
    peer = make_person("pau", roles=["peer"], city=milan)

    response = coordinator_client.post(reverse("programmes:create"), {
        "name": "INTI-CITIES 2008", "slug": "", "benchmark": inti.pk,
        "cities": [helsinki.pk, lyon.pk, milan.pk], "host_cities": [helsinki.pk, lyon.pk],
        "peer_pool": [peer.pk], "team_size": 4, "max_reviews_per_peer": 2,
        "visits_starts_on": "2008-02-11", "visits_ends_on": "2008-06-20",
    })

    programme = Programme.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("programmes:detail", args=[programme.slug])
    assert list(programme.peer_pool.all()) == [peer]
    assert ReviewStep.objects.get(review__city=lyon, step=Step.DESK_REVIEW).due_on == dt.date(
        2008, 2, 4
    )


def test_form_errors_name_the_field(coordinator_client, inti):
    helsinki, lyon = cities("Helsinki", "Lyon")

    response = coordinator_client.post(reverse("programmes:create"), {
        "name": "P", "benchmark": inti.pk, "cities": [helsinki.pk], "host_cities": [lyon.pk],
        "team_size": 4, "max_reviews_per_peer": 2,
        "visits_starts_on": "2008-06-20", "visits_ends_on": "2008-02-11",
    })

    assert response.context["form"].errors == {
        "host_cities": ["Also tick these as participating cities: Lyon"],
        "visits_ends_on": ["This phase ends before it starts."],
    }
    assert Programme.objects.count() == 0


@pytest.mark.parametrize(("role", "status"), [
    ("coordinator", 200), ("host_officer", 403), ("peer", 403), ("expert", 403),
])
def test_only_the_coordinator_creates_programmes(client, people, role, status):
    client.force_login(people[role])

    assert client.get(reverse("programmes:create")).status_code == status


def test_dashboard_shows_every_review_and_step(coordinator_client, inti):
    programme = dashboard_programme(inti, 6)
    ReviewStep.objects.filter(review__city__slug="lyon", step=Step.INITIAL_REPORT).update(
        status="done"
    )

    response = coordinator_client.get(reverse("programmes:detail", args=[programme.slug]))

    html = response.content.decode()
    assert [r.city.name for r in response.context["reviews"]] == [
        "Dusseldorf", "Genoa", "Helsinki", "Lyon", "Malmo", "Rotterdam"
    ]
    assert html.count('<td class="step ') == 42
    assert html.count('<td class="step done">') == 1


def test_dashboard_query_count_does_not_grow_with_reviews(coordinator_client, inti):
    one = dashboard_programme(inti, 1)
    six = dashboard_programme(inti, 6)

    def count(programme):
        with CaptureQueriesContext(connection) as ctx:
            coordinator_client.get(reverse("programmes:detail", args=[programme.slug]))
        return len(ctx.captured_queries)

    assert count(six) == count(one)


def test_host_officer_sees_only_their_own_citys_review(client, inti):
    programme = dashboard_programme(inti, 3)
    officer = make_person("officer", roles=["host_officer"],
                          city=City.objects.get(slug="helsinki"))
    client.force_login(officer)

    response = client.get(reverse("programmes:detail", args=[programme.slug]))

    assert [r.city.name for r in response.context["reviews"]] == ["Helsinki"]


def test_team_member_sees_the_review_of_their_team(client, inti):
    programme = dashboard_programme(inti, 3)
    peer = make_person("peer1", roles=["peer"])
    review = programme.reviews.get(city__slug="malmo")
    TeamMember.objects.create(team=Team.objects.create(review=review), person=peer)
    client.force_login(peer)

    response = client.get(reverse("programmes:detail", args=[programme.slug]))

    assert [r.city.name for r in response.context["reviews"]] == ["Malmo"]


def test_coordinator_edits_a_step(coordinator_client, people, inti):
    programme = dashboard_programme(inti, 1)
    step = ReviewStep.objects.get(review__programme=programme, step=Step.INITIAL_REPORT)

    coordinator_client.post(reverse("programmes:step", args=[programme.slug, step.pk]), {
        "status": "in_progress", "due_on": "2008-01-20", "responsible": people["host_officer"].pk,
    })

    step.refresh_from_db()
    assert (step.status, step.due_on, step.responsible) == (
        "in_progress", dt.date(2008, 1, 20), people["host_officer"]
    )


def test_peer_cannot_edit_a_step(peer_client, inti):
    programme = dashboard_programme(inti, 1)
    step = ReviewStep.objects.get(review__programme=programme, step=Step.VISIT)

    response = peer_client.post(reverse("programmes:step", args=[programme.slug, step.pk]),
                                {"status": "done"})

    assert response.status_code == 403
    step.refresh_from_db()
    assert step.status == "not_started"
