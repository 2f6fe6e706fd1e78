"""The written report on a real database: composing, versions and edit conflicts, approval
and release."""

import pytest

from citypeer.common.editing import EditConflict
from citypeer.feedback.domain import reports
from citypeer.feedback.domain.refusals import ReportRefused
from citypeer.feedback.models import Report, ReportApproval, ReportVersion
from citypeer.programmes.models import ReviewStep
from tests.feedback.conftest import recommend


def test_composing_prefills_the_sections_and_keeps_version_one(world):
    report = reports.compose_report(review=world.review, by=world.people.jb)

    sections = {s.key: s for s in report.sections.all()}
    assert list(sections) == ["context", "method", "pillar:AC", "pillar:WP", "strengths",
                              "weaknesses", "recommendations", "practices", "annex"]
    assert sections["context"].text == (
        "## Main characteristics of the municipality\n\nA port city of 600,000 inhabitants.")
    assert sections["weaknesses"].text.splitlines()[0] == (
        "- The consultative committee is rarely consulted. (AC/I/3) Barriers: No budget line "
        "for the committee.")
    assert ReportVersion.objects.filter(section__report=report).count() == 9
    assert world.review.steps.get(step=ReviewStep.Step.FEEDBACK).status == "in_progress"
    assert reports.compose_report(review=world.review, by=world.people.fc) == report


def test_a_save_over_a_newer_version_is_refused_with_both(world):
    report = reports.compose_report(review=world.review, by=world.people.jb)
    section = report.sections.get(key="strengths")
    reports.save_section(section=section, by=world.people.jb, text="Jan's text.", edit_count=1)

    with pytest.raises(EditConflict) as conflict:
        reports.save_section(section=section, by=world.people.fc, text="Fay's text.",
                             edit_count=1)

    [stale] = conflict.value.edits
    text = next(f for f in stale.fields if f.name == "text")
    assert (stale.started_from, stale.edit_count, stale.saved_by, text.saved, text.yours) == (
        1, 2, str(world.people.jb), "Jan's text.", "Fay's text.")
    assert list(section.versions.values_list("edit_count", "text"))[1:] == [(2, "Jan's text.")]


def test_any_change_after_an_approval_clears_it(world):
    report = reports.compose_report(review=world.review, by=world.people.jb)
    reports.approve(report=report, by=world.people.jb)
    reports.approve(report=report, by=world.people.fc)
    assert reports.approval_of(report).complete is True

    section = report.sections.get(key="method")
    reports.save_section(section=section, by=world.people.fc, text="Shorter.", edit_count=1)

    assert ReportApproval.objects.filter(report=report).count() == 0
    assert reports.approval_of(report).missing == {world.people.jb.pk, world.people.fc.pk}


def test_a_new_recommendation_also_clears_approvals(world):
    report = reports.compose_report(review=world.review, by=world.people.jb)
    reports.approve(report=report, by=world.people.fc)

    recommend(world)

    assert ReportApproval.objects.filter(report=report).count() == 0


def test_release_needs_every_peer_and_the_leader(world):
    report = reports.compose_report(review=world.review, by=world.people.jb)
    with pytest.raises(ReportRefused) as refused:
        reports.approve(report=report, by=world.people.ex)
    assert str(refused.value) == "only the team's peers approve the report"
    reports.approve(report=report, by=world.people.jb)
    with pytest.raises(ReportRefused) as refused:
        reports.release(report=report, by=world.people.jb)
    assert str(refused.value) == (
        f"1 peer(s) have not approved the final draft yet: {world.people.fc.name}")
    reports.approve(report=report, by=world.people.fc)
    with pytest.raises(ReportRefused):
        reports.release(report=report, by=world.people.fc)

    reports.release(report=report, by=world.people.jb)

    report.refresh_from_db()
    assert (report.state, report.released_by) == (Report.State.RELEASED, world.people.jb)
    assert world.review.steps.get(step=ReviewStep.Step.FEEDBACK).status == "done"
    with pytest.raises(ReportRefused):
        reports.save_section(section=report.sections.first(), by=world.people.jb, text="x",
                             edit_count=1)
