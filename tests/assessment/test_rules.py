"""Who sees the bank and interviewees' identities, per role, through the pages, the API and
the exports: the review team and the coordinator do; the host city's officer, a peer of
another team and a person without a role see nothing."""

import pytest
from rest_framework.test import APIClient

from citypeer.assessment.domain.evidence import record_evidence
from citypeer.assessment.models import EvidenceItem
from tests.assessment.conftest import interview_fact

PAGES = ["evidence/", "evidence/record/", "", "indicators/AC/I/3/", "findings/", "practices/",
         "audit/", "evidence/export/xlsx/", "evidence/export/csv/", "evidence/export/qdpx/",
         "evidence/export/qdc/", "evidence/items/{item}/"]
API = ["evidence/", "evidence/{item}/", "evidence/export/csv/", "evidence/export/xlsx/",
       "evidence/export/qdpx/", "assessments/", "assessments/AC/I/3/", "findings/",
       "good-practices/"]
NAMES = ("Mira Chairwoman", "Olaf Officer", "Uma Serviceuser")
# (role, sees the bank, records evidence and decides, restores)
ROLES = [("jb", True, True, False), ("ex", True, True, False),
         ("coordinator", True, False, True), ("host", False, False, False),
         ("outsider", False, False, False)]


@pytest.fixture
def banked(world):
    s = world
    s.item = record_evidence(review=s.review, by=s.people.jb,
                             **interview_fact(s, s.interviews.i17, ["AC/I/3"]))[0]
    return s


def _perms(s, user):
    return (user.has_perm("assessment.view_bank", s.review),
            user.has_perm("assessment.record_evidence", s.review)
            and user.has_perm("assessment.change_assessment", s.review),
            user.has_perm("assessment.restore_deleted", s.review))


@pytest.mark.parametrize(("role", "sees", "writes", "restores"), ROLES)
def test_permissions_per_role(banked, role, sees, writes, restores):
    user = getattr(banked.people, role)
    assert _perms(banked, user) == (sees, writes, restores)
    assert user.has_perm("assessment.view_interviewees", banked.review) == sees


def test_a_host_officer_who_is_also_a_team_peer_still_sees_nothing(banked):
    from citypeer.teams.models import TeamMember

    s = banked
    s.people.host.is_peer = True
    s.people.host.save()
    TeamMember.objects.create(team=s.review.team, person=s.people.host,
                              role=TeamMember.Role.PEER)
    assert _perms(s, s.people.host) == (False, False, False)


@pytest.mark.parametrize(("role", "sees", "writes", "restores"), ROLES)
def test_pages_per_role(client, banked, role, sees, writes, restores):
    s = banked
    client.force_login(getattr(s.people, role))
    statuses = {}
    for page in PAGES:
        response = client.get(f"/reviews/{s.review.pk}/assessment/" + page.format(item=s.item.pk))
        statuses[page] = response.status_code
        if response.status_code == 200 and not page.startswith("evidence/export/"):
            shown = any(name in response.content.decode() for name in NAMES)
            assert shown == (sees and page in (
                "evidence/", "evidence/record/", "evidence/items/{item}/"))
    expected = {page: 200 if sees else 403 for page in PAGES}
    if not writes:
        expected["evidence/record/"] = 403
    assert statuses == expected


@pytest.mark.parametrize(("role", "sees", "writes", "restores"), ROLES)
def test_api_per_role(banked, role, sees, writes, restores):
    s = banked
    client = APIClient()
    client.force_authenticate(getattr(s.people, role))
    statuses = {path: client.get(f"/api/v1/reviews/{s.review.pk}/" + path.format(
        item=s.item.pk)).status_code for path in API}
    assert statuses == {path: 200 if sees else 403 for path in API}
    created = client.post(f"/api/v1/reviews/{s.review.pk}/evidence/",
                          {**interview_fact(s, s.interviews.i18, ["AC/A/1"]),
                           "interview": s.interviews.i18.pk}, format="json")
    assert created.status_code == (201 if writes else 403)


def test_exports_carry_identities_only_to_those_who_see_the_bank(client, banked):
    s = banked
    client.force_login(s.people.coordinator)
    assert "Mira Chairwoman" in client.get(
        f"/reviews/{s.review.pk}/assessment/evidence/export/csv/").content.decode("utf-8-sig")
    client.force_login(s.people.host)
    refused = client.get(f"/reviews/{s.review.pk}/assessment/evidence/export/csv/")
    assert (refused.status_code, "Mira" in refused.content.decode()) == (403, False)


def test_anonymous_is_sent_to_log_in_and_the_api_refuses(client, banked):
    s = banked
    assert client.get(f"/reviews/{s.review.pk}/assessment/evidence/").status_code == 302
    assert APIClient().get(f"/api/v1/reviews/{s.review.pk}/evidence/").status_code in (401,
                                                                                        403)
    assert EvidenceItem.objects.count() == 1
