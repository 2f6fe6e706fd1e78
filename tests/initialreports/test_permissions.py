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
def test_permissions_of_a_draft_per_role(small, permission):
    assert granted(small, permission) == DRAFT[permission]


@pytest.mark.parametrize("permission", sorted(SUBMITTED))
def test_permissions_of_a_submitted_report_per_role(small, permission):
    fill_completely(small)
    submit_report(report=small.report, by=small.people.host)
    small.report.refresh_from_db()

    assert granted(small, permission) == SUBMITTED[permission]


def test_a_returned_report_is_the_hosts_to_change_and_resubmit(small):
    fill_completely(small)
    submit_report(report=small.report, by=small.people.host)
    from citypeer.initialreports.domain.transitions import return_report

    return_report(report=small.report, by=small.people.coordinator, question="Why?")
    small.report.refresh_from_db()

    assert granted(small, "initialreports.change_report") == {"host"}
    assert granted(small, "initialreports.resubmit_report") == {"host"}
    assert granted(small, "initialreports.submit_report") == set()


PAGES = ("overview", "background", "self_assessment", "documents", "template")


@pytest.mark.parametrize("who", ROLES)
def test_pages_per_role(client, small, who):
    client.force_login(getattr(small.people, who))
    readers = DRAFT["initialreports.view_report"]

    statuses = {
        page: client.get(reverse(f"initialreports:{page}", kwargs={"review": small.review.pk}))
        .status_code for page in PAGES
    }

    assert statuses == {page: 200 if who in readers else 403 for page in PAGES}


@pytest.mark.parametrize("who", ROLES)
def test_api_read_per_role(client, small, who):
    client.force_login(getattr(small.people, who))
    readers = DRAFT["initialreports.view_report"]
    base = f"/api/v1/reviews/{small.review.pk}/initial-report/"

    statuses = {path: client.get(base + path).status_code
                for path in ("", "background/", "self-assessments/", "people/", "documents/",
                             "transitions/")}

    assert set(statuses.values()) == {200 if who in readers else 403}


@pytest.mark.parametrize("who", ["coordinator", "peer", "expert", "other_host", "nobody"])
def test_only_the_host_edits_through_pages_and_api(client, small, who):
    entry = SelfAssessment.objects.get(report=small.report, indicator__code="GG/A/1")
    client.force_login(getattr(small.people, who))

    page = client.post(
        reverse("initialreports:entry", kwargs={"review": small.review.pk,
                                                "indicator": entry.indicator_id}),
        {f"e{entry.indicator_id}-status": "achieved", f"e{entry.indicator_id}-revision": "0"},
    )
    background = client.post(reverse("initialreports:background",
                                     kwargs={"review": small.review.pk}), {})
    api = client.patch(
        f"/api/v1/reviews/{small.review.pk}/initial-report/self-assessments/"
        f"{entry.indicator_id}/",
        {"status": "achieved", "revision": 0}, content_type="application/json",
    )

    assert (page.status_code, background.status_code, api.status_code) == (403, 403, 403)
    entry.refresh_from_db()
    assert entry.status == ""


def test_the_host_officer_of_another_city_cannot_read_the_report(client, small):
    client.force_login(small.people.other_host)

    page = client.get(reverse("initialreports:overview", kwargs={"review": small.review.pk}))
    api = client.get(f"/api/v1/reviews/{small.review.pk}/initial-report/self-assessments/")

    assert (page.status_code, api.status_code) == (403, 403)
    assert "Helsinki" not in page.content.decode()


def test_the_coordinator_returns_through_the_page_and_the_host_cannot(client, small):
    fill_completely(small)
    submit_report(report=small.report, by=small.people.host)
    url = reverse("initialreports:return", kwargs={"review": small.review.pk})

    client.force_login(small.people.host)
    refused = client.post(url, {"question": "Anything?"})
    client.force_login(small.people.peer)
    refused_peer = client.post(url, {"question": "Anything?"})
    client.force_login(small.people.coordinator)
    returned = client.post(url, {"question": "Which department runs the language courses?"})

    small.report.refresh_from_db()
    assert (refused.status_code, refused_peer.status_code, returned.status_code) == (403, 403, 302)
    assert small.report.state == "returned"
    assert small.report.transitions.last().message == (
        "Which department runs the language courses?"
    )


def test_peers_cannot_submit_through_page_or_api(client, small):
    fill_completely(small)
    client.force_login(small.people.peer)

    page = client.post(reverse("initialreports:submit", kwargs={"review": small.review.pk}))
    api = client.post(f"/api/v1/reviews/{small.review.pk}/initial-report/transitions/",
                      {"action": "submit"}, content_type="application/json")

    small.report.refresh_from_db()
    assert (page.status_code, api.status_code, small.report.state) == (403, 403, "draft")


def test_anonymous_people_are_sent_to_log_in_or_refused(client, small):
    page = client.get(reverse("initialreports:overview", kwargs={"review": small.review.pk}))
    api = client.get(f"/api/v1/reviews/{small.review.pk}/initial-report/")

    assert page.status_code == 302
    assert api.status_code == 403


def test_an_unknown_review_is_404(client, small):
    client.force_login(small.people.coordinator)

    assert client.get(reverse("initialreports:overview", kwargs={"review": 99999})
                      ).status_code == 404
