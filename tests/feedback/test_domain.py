"""Headline findings, the corroboration guard and its override, the composer's versions and
conflicts, approval and release, and the city's commitments, on a real database."""

import pytest
from django.core.exceptions import ValidationError

from citypeer.feedback.domain import commitments, headlines, reports
from citypeer.feedback.domain.common import Conflict, Refused
from citypeer.feedback.domain.document import report_document
from citypeer.feedback.domain.recommendations import RecommendationRefused
from citypeer.feedback.models import HeadlineVote, Report, ReportApproval, ReportVersion
from citypeer.programmes.models import ReviewStep
from tests.feedback.conftest import recommend


def test_headlines_drafted_from_the_assessment_are_final_when_all_agree(fb):
    made = headlines.draft_from_assessment(review=fb.review, by=fb.people.jb)

    assert [h.text for h in made] == ["Administrative Co-operation: the city falls short on "
                                      "AC/I/3."]
    headline = made[0]
    for person in (fb.people.jb, fb.people.fc):
        headlines.vote(headline=headline, person=person, agrees=True)
    members = fb.review.team_members_ids()
    assert headlines.state_of(headline, members=members).state == "open"
    headlines.vote(headline=headline, person=fb.people.ex, agrees=True)
    assert headlines.state_of(headline, members=members).state == "agreed"


def test_an_objection_needs_a_comment_and_a_redraft_clears_the_votes(fb):
    headline = headlines.save_headline(review=fb.review, by=fb.people.jb, text="Draft.",
                                       indicators=["AC/I/3"])
    with pytest.raises(ValidationError) as refused:
        headlines.vote(headline=headline, person=fb.people.fc, agrees=False)
    assert list(refused.value.message_dict) == ["comment"]
    headlines.vote(headline=headline, person=fb.people.fc, agrees=False, comment="Too vague.")

    headlines.save_headline(review=fb.review, by=fb.people.jb, text="Sharper.",
                            headline=headline, revision=1)

    assert HeadlineVote.objects.filter(headline=headline).count() == 0


def test_guard_refuses_a_recommendation_on_an_uncorroborated_finding(fb):
    with pytest.raises(RecommendationRefused) as refused:
        recommend(fb, codes=["AC/A/1"], findings=[fb.findings.committee.pk])

    assert refused.value.message_dict == {
        "findings": ["finding “A consultative committee exists.”: AC/A/1 is not "
                     "corroborated: facts from 1 interviewee(s), 2 needed"],
        "indicators": ["AC/A/1 is not corroborated: facts from 1 interviewee(s), 2 needed"]}
    assert fb.review.recommendations.count() == 0


def test_guard_refuses_a_contested_finding(fb):
    with pytest.raises(RecommendationRefused) as refused:
        recommend(fb, codes=["AC/I/3"], findings=[fb.findings.hiring.pk])

    assert [(p.finding, p.indicator) for p in refused.value.problems] == [
        (fb.findings.hiring.pk, "WP/A/1")]


def test_guard_accepts_a_corroborated_uncontested_finding(fb):
    rec = recommend(fb, timescale="within a year")

    assert (rec.text, [i.code for i in rec.indicators.all()], rec.override_justification) == (
        "Consult the committee every quarter.", ["AC/I/3"], "")


def test_only_the_coordinator_overrides_and_the_annex_lists_it(fb):
    with pytest.raises(ValidationError) as refused:
        recommend(fb, codes=["AC/A/1"], findings=[fb.findings.committee.pk],
                  override_justification="The chair's minutes say it.")
    assert list(refused.value.message_dict) == ["override_justification"]

    rec = recommend(fb, "Keep the committee.", codes=["AC/A/1"],
                    findings=[fb.findings.committee.pk], by=fb.people.coordinator,
                    override_justification="The chair's minutes confirm it.")
    reports.compose_report(review=fb.review, by=fb.people.jb)
    doc = report_document(fb.review)

    assert [(o.number, o.justification, o.overridden_by) for o in doc.overrides] == [
        (rec.position, "The chair's minutes confirm it.", str(fb.people.coordinator))]
    assert doc.overrides[0].override_problems == [
        "finding “A consultative committee exists.”: AC/A/1 is not corroborated: facts from 1 "
        "interviewee(s), 2 needed",
        "AC/A/1 is not corroborated: facts from 1 interviewee(s), 2 needed"]


def test_the_annex_traces_a_recommendation_to_its_evidence(fb):
    recommend(fb)
    reports.compose_report(review=fb.review, by=fb.people.jb)

    trace = report_document(fb.review).recommendations[0].trace

    assert [(t.indicator, t.status, t.interviews, t.references) for t in trace] == [
        ("AC/I/3", "corroborated", "17, 18",
         ["AC/I/3 – Interview 17 – JB & FC", "AC/I/3 – Interview 18 – JB & FC"])]


def test_composing_prefills_the_sections_and_keeps_version_one(fb):
    report = reports.compose_report(review=fb.review, by=fb.people.jb)

    sections = {s.key: s for s in report.sections.all()}
    assert list(sections) == ["context", "method", "pillar:AC", "pillar:WP", "strengths",
                              "weaknesses", "recommendations", "practices", "annex"]
    assert sections["context"].text == (
        "## Main characteristics of the municipality\n\nA port city of 600,000 inhabitants.")
    assert sections["weaknesses"].text.splitlines()[0] == (
        "- The consultative committee is rarely consulted. (AC/I/3) Barriers: No budget line "
        "for the committee.")
    assert ReportVersion.objects.filter(section__report=report).count() == 9
    assert fb.review.steps.get(step=ReviewStep.Step.FEEDBACK).status == "in_progress"
    assert reports.compose_report(review=fb.review, by=fb.people.fc) == report


def test_a_save_over_a_newer_version_is_refused_with_both(fb):
    report = reports.compose_report(review=fb.review, by=fb.people.jb)
    section = report.sections.get(key="strengths")
    reports.save_section(section=section, by=fb.people.jb, text="Jan's text.", revision=1)

    with pytest.raises(Conflict) as conflict:
        reports.save_section(section=section, by=fb.people.fc, text="Fay's text.", revision=1)

    assert (conflict.value.current["text"], conflict.value.current["revision"],
            conflict.value.attempted["text"]) == ("Jan's text.", 2, "Fay's text.")
    assert list(section.versions.values_list("revision", "text"))[1:] == [(2, "Jan's text.")]


def test_any_change_after_an_approval_clears_it(fb):
    report = reports.compose_report(review=fb.review, by=fb.people.jb)
    reports.approve(report=report, by=fb.people.jb)
    reports.approve(report=report, by=fb.people.fc)
    assert reports.approval_of(report).complete is True

    section = report.sections.get(key="method")
    reports.save_section(section=section, by=fb.people.fc, text="Shorter.", revision=1)

    assert ReportApproval.objects.filter(report=report).count() == 0
    assert reports.approval_of(report).missing == {fb.people.jb.pk, fb.people.fc.pk}


def test_a_new_recommendation_also_clears_approvals(fb):
    report = reports.compose_report(review=fb.review, by=fb.people.jb)
    reports.approve(report=report, by=fb.people.fc)

    recommend(fb)

    assert ReportApproval.objects.filter(report=report).count() == 0


def test_release_needs_every_peer_and_the_leader(fb):
    report = reports.compose_report(review=fb.review, by=fb.people.jb)
    with pytest.raises(Refused) as refused:
        reports.approve(report=report, by=fb.people.ex)
    assert str(refused.value) == "only the team's peers approve the report"
    reports.approve(report=report, by=fb.people.jb)
    with pytest.raises(Refused) as refused:
        reports.release(report=report, by=fb.people.jb)
    assert str(refused.value) == (
        f"1 peer(s) have not approved the final draft yet: {fb.people.fc.name}")
    reports.approve(report=report, by=fb.people.fc)
    with pytest.raises(Refused):
        reports.release(report=report, by=fb.people.fc)

    reports.release(report=report, by=fb.people.jb)

    report.refresh_from_db()
    assert (report.state, report.released_by) == (Report.State.RELEASED, fb.people.jb)
    assert fb.review.steps.get(step=ReviewStep.Step.FEEDBACK).status == "done"
    with pytest.raises(Refused):
        reports.save_section(section=report.sections.first(), by=fb.people.jb, text="x",
                             revision=1)


def released(fb):
    rec = recommend(fb)
    report = reports.compose_report(review=fb.review, by=fb.people.jb)
    for peer in (fb.people.jb, fb.people.fc):
        reports.approve(report=report, by=peer)
    reports.release(report=report, by=fb.people.jb)
    return rec


def test_the_city_commits_only_after_release_and_follows_up(fb):
    rec = recommend(fb)
    with pytest.raises(Refused):
        commitments.record_commitment(recommendation=rec, by=fb.people.host,
                                      response="accepted", commitment="Quarterly meetings.")
    report = reports.compose_report(review=fb.review, by=fb.people.jb)
    for peer in (fb.people.jb, fb.people.fc):
        reports.approve(report=report, by=peer)
    reports.release(report=report, by=fb.people.jb)

    with pytest.raises(ValidationError) as refused:
        commitments.record_commitment(recommendation=rec, by=fb.people.host,
                                      response="accepted", due_on="next spring")
    assert sorted(refused.value.message_dict) == ["commitment", "due_on"]
    row = commitments.record_commitment(
        recommendation=rec, by=fb.people.host, response="accepted",
        commitment="Quarterly meetings.", owner="Integration office", due_on="2009-06-30")
    commitments.record_commitment(
        recommendation=rec, by=fb.people.host, response="accepted",
        commitment="Quarterly meetings.", owner="Integration office", due_on="2009-06-30",
        status="under_way", status_note="Two meetings held.", revision=row.revision)

    rows = commitments.follow_up_rows(fb.programme)
    assert [(r["city"], r["number"], r["response"], r["status"], r["status_note"], r["due_on"])
            for r in rows] == [("Rotterdam", 1, "accepted", "under way", "Two meetings held.",
                                "2009-06-30")]
    assert commitments.follow_up_csv(rows).splitlines()[1].startswith(
        "Rotterdam,1,Consult the committee every quarter.,AC/I/3,")
