"""Who sees and does what in step 7. The team drafts and agrees headline findings, writes
recommendations and the report; its peers approve, its leader releases; the coordinator
sees everything and alone overrides the corroboration rule; the host city sees the report,
its recommendations and its own commitments only once the report is released.
Predicates take a programmes.Review unless their name says otherwise."""

import rules

from citypeer.feedback.domain.queries import leader_id, peer_ids
from citypeer.feedback.models import Report
from citypeer.people.rules import is_coordinator
from citypeer.programmes.rules import is_host_officer_of_review, is_review_team_member


@rules.predicate
def is_team_peer(user, review) -> bool:
    return bool(review is not None and user.is_authenticated and user.pk in peer_ids(review))


@rules.predicate
def is_team_leader(user, review) -> bool:
    return bool(review is not None and user.is_authenticated
                and user.pk == leader_id(review))


@rules.predicate
def is_report_released(user, review) -> bool:
    if review is None:
        return False
    if not hasattr(review, "_feedback_released"):
        review._feedback_released = Report.objects.filter(
            review=review, state=Report.State.RELEASED).exists()
    return review._feedback_released


@rules.predicate
def is_programme_coordinator(user, programme) -> bool:
    return is_coordinator(user)


on_team = ~is_host_officer_of_review & is_review_team_member
may_see_report = is_coordinator | on_team | (is_host_officer_of_review & is_report_released)

rules.add_perm("feedback.view_feedback", is_coordinator | on_team)
rules.add_perm("feedback.write_feedback", on_team)
rules.add_perm("feedback.override_guard", is_coordinator)
# The team writes recommendations; the coordinator changes them to override the guard.
rules.add_perm("feedback.write_recommendation", on_team | is_coordinator)
# The step's overview and the list of recommendations: whoever sees the team's work or
# the report.
rules.add_perm("feedback.open_feedback", may_see_report)
rules.add_perm("feedback.approve_report", on_team & is_team_peer)
rules.add_perm("feedback.release_report", on_team & is_team_leader)
rules.add_perm("feedback.view_report", may_see_report)
rules.add_perm("feedback.respond", is_host_officer_of_review & is_report_released)
rules.add_perm("feedback.update_commitment",
               (is_host_officer_of_review | is_coordinator) & is_report_released)
rules.add_perm("feedback.view_follow_up", is_programme_coordinator)
