"""Who may do what with an initial report, checked for every role, through the permissions,
the pages and the API."""

import pytest
from django.urls import reverse

from citypeer.initialreports.domain.transitions import submit_report
from citypeer.initialreports.models import SelfAssessment
from tests.initialreports.conftest import fill_completely

ROLES = ("host", "other_host", "coordinator", "peer", "expert", "outside_peer", "nobody")

DRAFT = {
    "initialreports.view_report": {"host", "coordinator", "peer", "expert"},
    "initialreports.change_report": {"host"},
    "initialreports.submit_report": {"host"},
    "initialreports.resubmit_report": set(),
    "initialreports.return_report": set(),
}
SUBMITTED = {
    "initialreports.view_report": {"host", "coordinator", "peer", "expert"},
    "initialreports.change_report": set(),
    "initialreports.submit_report": set(),
    "initialreports.resubmit_report": set(),
    "initialreports.return_report": {"coordinator"},
}


def granted(world, permission):
    return {r for r in ROLES if getattr(world.people, r).has_perm(permission, world.report)}


@pytest.mark.parametrize("permission", sorted(DRAFT))
def test_permissions_of_a_draft_per_role(world, permission):
    assert granted(world, permission) == DRAFT[permission]


@pytest.mark.parametrize("permission", sorted(SUBMITTED))
def test_permissions_of_a_submitted_report_per_role(world, permission):
    fill_completely(world)
    submit_report(report=world.report, by=world.people.host)
    world.report.refresh_from_db()

    assert granted(world, permission) == SUBMITTED[permission]


def test_a_returned_report_is_the_hosts_to_change_and_resubmit(world):
    fill_completely(world)
    submit_report(report=world.report, by=world.people.host)
    from citypeer.initialreports.domain.transitions import return_report

    return_report(report=world.report, by=world.people.coordinator, question="Why?")
    world.report.refresh_from_db()

    assert granted(world, "initialreports.change_report") == {"host"}
    assert granted(world, "initialreports.resubmit_report") == {"host"}
    assert granted(world, "initialreports.submit_report") == set()


PAGES = ("overview", "background", "self_assessment", "documents", "template")


@pytest.mark.parametrize("who", ROLES)
def test_pages_per_role(client, world, who):
    client.force_login(getattr(world.people, who))
    readers = DRAFT["initialreports.view_report"]

    statuses = {
        page: client.get(reverse(f"initialreports:{page}", kwargs={"review": world.review.pk}))
        .status_code for page in PAGES
    }

    assert statuses == {page: 200 if who in readers else 403 for page in PAGES}


@pytest.mark.parametrize("who", ROLES)
def test_api_read_per_role(client, world, who):
    client.force_login(getattr(world.people, who))
    readers = DRAFT["initialreports.view_report"]
    base = f"/api/v1/reviews/{world.review.pk}/initial-report/"

    statuses = {path: client.get(base + path).status_code
                for path in ("", "background/", "self-assessments/", "people/", "documents/",
                             "transitions/")}

    assert set(statuses.values()) == {200 if who in readers else 403}


@pytest.mark.parametrize("who", ["coordinator", "peer", "expert", "other_host", "nobody"])
def test_only_the_host_edits_through_pages_and_api(client, world, who):
    entry = SelfAssessment.objects.get(report=world.report, indicator__code="GG/A/1")
    client.force_login(getattr(world.people, who))

    page = client.post(
        reverse("initialreports:entry", kwargs={"review": world.review.pk,
                                                "indicator": entry.indicator_id}),
        {f"e{entry.indicator_id}-status": "achieved", f"e{entry.indicator_id}-edit_count": "0"},
    )
    background = client.post(reverse("initialreports:background",
                                     kwargs={"review": world.review.pk}), {})
    api = client.patch(
        f"/api/v1/reviews/{world.review.pk}/initial-report/self-assessments/"
        f"{entry.indicator_id}/",
        {"status": "achieved", "edit_count": 0}, content_type="application/json",
    )

    assert (page.status_code, background.status_code, api.status_code) == (403, 403, 403)
    entry.refresh_from_db()
    assert entry.status == ""


def test_the_host_officer_of_another_city_cannot_read_the_report(client, world):
    client.force_login(world.people.other_host)

    page = client.get(reverse("initialreports:overview", kwargs={"review": world.review.pk}))
    api = client.get(f"/api/v1/reviews/{world.review.pk}/initial-report/self-assessments/")

    assert (page.status_code, api.status_code) == (403, 403)
    assert "Helsinki" not in page.content.decode()


def test_the_coordinator_returns_through_the_page_and_the_host_cannot(client, world):
    fill_completely(world)
    submit_report(report=world.report, by=world.people.host)
    url = reverse("initialreports:return", kwargs={"review": world.review.pk})

    client.force_login(world.people.host)
    refused = client.post(url, {"question": "Anything?"})
    client.force_login(world.people.peer)
    refused_peer = client.post(url, {"question": "Anything?"})
    client.force_login(world.people.coordinator)
    returned = client.post(url, {"question": "Which department runs the language courses?"})

    world.report.refresh_from_db()
    assert (refused.status_code, refused_peer.status_code, returned.status_code) == (403, 403, 302)
    assert world.report.state == "returned"
    assert world.report.transitions.last().message == (
        "Which department runs the language courses?"
    )


def test_peers_cannot_submit_through_page_or_api(client, world):
    fill_completely(world)
    client.force_login(world.people.peer)

    page = client.post(reverse("initialreports:submit", kwargs={"review": world.review.pk}))
    api = client.post(f"/api/v1/reviews/{world.review.pk}/initial-report/transitions/",
                      {"action": "submit"}, content_type="application/json")

    world.report.refresh_from_db()
    assert (page.status_code, api.status_code, world.report.state) == (403, 403, "draft")


def test_anonymous_people_are_sent_to_log_in_or_refused(client, world):
    page = client.get(reverse("initialreports:overview", kwargs={"review": world.review.pk}))
    api = client.get(f"/api/v1/reviews/{world.review.pk}/initial-report/")

    assert page.status_code == 302
    assert api.status_code == 403


def test_an_unknown_review_is_404(client, world):
    client.force_login(world.people.coordinator)

    assert client.get(reverse("initialreports:overview", kwargs={"review": 99999})
                      ).status_code == 404
