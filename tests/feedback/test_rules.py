"""Every permission of step 7 for every role, before and after the report's release."""

from citypeer.programmes.models import Review
from tests.feedback.conftest import release_report

ROLES = ("jb", "fc", "ex", "outsider", "host", "coordinator")
ON_REVIEW = ("view_feedback", "write_feedback", "override_guard", "write_recommendation",
             "open_feedback", "approve_report", "release_report", "view_report", "respond",
             "update_commitment")
TEAM = ["jb", "fc", "ex"]


def allowed(world, review):
    return {perm: [r for r in ROLES
                   if getattr(world.people, r).has_perm(f"feedback.{perm}", review)]
            for perm in ON_REVIEW}


def test_permissions_before_the_release(world):
    assert allowed(world, Review.objects.get(pk=world.review.pk)) == {
        "view_feedback": [*TEAM, "coordinator"], "write_feedback": TEAM,
        "override_guard": ["coordinator"], "write_recommendation": [*TEAM, "coordinator"],
        "open_feedback": [*TEAM, "coordinator"], "approve_report": ["jb", "fc"],
        "release_report": ["jb"], "view_report": [*TEAM, "coordinator"], "respond": [],
        "update_commitment": []}


def test_permissions_once_released(world):
    release_report(world)

    assert allowed(world, Review.objects.get(pk=world.review.pk)) == {
        "view_feedback": [*TEAM, "coordinator"], "write_feedback": TEAM,
        "override_guard": ["coordinator"], "write_recommendation": [*TEAM, "coordinator"],
        "open_feedback": [*TEAM, "host", "coordinator"], "approve_report": ["jb", "fc"],
        "release_report": ["jb"], "view_report": [*TEAM, "host", "coordinator"],
        "respond": ["host"], "update_commitment": ["host", "coordinator"]}


def test_only_the_coordinator_follows_up_a_programme(world):
    assert [r for r in ROLES if getattr(world.people, r).has_perm(
        "feedback.view_follow_up", world.programme)] == ["coordinator"]
