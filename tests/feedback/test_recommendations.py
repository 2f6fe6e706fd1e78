"""Recommendations on a real database: the corroboration guard, its override by the
coordinator, and changes from the edit count they started from."""

import pytest
from django.core.exceptions import ValidationError

from citypeer.common.editing import EditConflict
from citypeer.feedback.domain import reports
from citypeer.feedback.domain.document import report_document
from citypeer.feedback.domain.recommendations import RecommendationRefused
from tests.feedback.conftest import recommend


def test_guard_refuses_a_recommendation_on_an_uncorroborated_finding(world):
    with pytest.raises(RecommendationRefused) as refused:
        recommend(world, codes=["AC/A/1"], findings=[world.findings.committee.pk])

    assert refused.value.problems == [
        "finding “A consultative committee exists.”: AC/A/1 is not corroborated: facts from 1 "
        "interviewee(s), 2 needed",
        "AC/A/1 is not corroborated: facts from 1 interviewee(s), 2 needed"]
    assert [p.field for p in refused.value.guard_problems] == ["findings", "indicators"]
    assert world.review.recommendations.count() == 0


def test_guard_refuses_a_contested_finding(world):
    with pytest.raises(RecommendationRefused) as refused:
        recommend(world, codes=["AC/I/3"], findings=[world.findings.hiring.pk])

    assert [(p.finding, p.indicator) for p in refused.value.guard_problems] == [
        (world.findings.hiring.pk, "WP/A/1")]


def test_guard_accepts_a_corroborated_uncontested_finding(world):
    rec = recommend(world, timescale="within a year")

    assert (rec.text, [i.code for i in rec.indicators.all()], rec.override_justification) == (
        "Consult the committee every quarter.", ["AC/I/3"], "")


def test_only_the_coordinator_overrides_and_the_annex_lists_it(world):
    with pytest.raises(ValidationError) as refused:
        recommend(world, codes=["AC/A/1"], findings=[world.findings.committee.pk],
                  override_justification="The chair's minutes say it.")
    assert list(refused.value.message_dict) == ["override_justification"]

    rec = recommend(world, "Keep the committee.", codes=["AC/A/1"],
                    findings=[world.findings.committee.pk], by=world.people.coordinator,
                    override_justification="The chair's minutes confirm it.")
    reports.compose_report(review=world.review, by=world.people.jb)
    doc = report_document(world.review)

    assert [(o.number, o.justification, o.overridden_by) for o in doc.overrides] == [
        (rec.position, "The chair's minutes confirm it.", str(world.people.coordinator))]
    assert doc.overrides[0].override_problems == [
        "finding “A consultative committee exists.”: AC/A/1 is not corroborated: facts from 1 "
        "interviewee(s), 2 needed",
        "AC/A/1 is not corroborated: facts from 1 interviewee(s), 2 needed"]


def test_a_recommendation_change_over_a_newer_one_is_refused_with_both(world):
    rec = recommend(world)
    recommend(world, "Consult it monthly.", recommendation=rec, edit_count=1)

    with pytest.raises(EditConflict) as conflict:
        recommend(world, "Consult it weekly.", recommendation=rec, edit_count=1,
                  timescale="now")

    [stale] = conflict.value.edits
    assert [(f.name, f.saved, f.yours) for f in stale.fields if f.differs] == [
        ("text", "Consult it monthly.", "Consult it weekly."), ("timescale", "", "now")]
    rec.refresh_from_db()
    assert (rec.text, rec.edit_count) == ("Consult it monthly.", 2)
