"""The city's commitments on a real database: only once the report is released, from the
edit count they started from, and the follow-up across the programme."""

import pytest
from django.core.exceptions import ValidationError

from citypeer.common.editing import EditConflict
from citypeer.feedback.domain import commitments
from citypeer.feedback.domain.refusals import ReportRefused
from tests.feedback.conftest import recommend, release_report


def test_the_city_commits_only_after_release_and_follows_up(world):
    rec = recommend(world)
    with pytest.raises(ReportRefused):
        commitments.record_commitment(recommendation=rec, by=world.people.host,
                                      response="accepted", commitment="Quarterly meetings.")
    release_report(world)

    with pytest.raises(ValidationError) as refused:
        commitments.record_commitment(recommendation=rec, by=world.people.host,
                                      response="accepted", due_on="next spring")
    assert sorted(refused.value.message_dict) == ["commitment", "due_on"]
    row = commitments.record_commitment(
        recommendation=rec, by=world.people.host, response="accepted",
        commitment="Quarterly meetings.", owner="Integration office", due_on="2009-06-30")
    commitments.record_commitment(
        recommendation=rec, by=world.people.host, response="accepted",
        commitment="Quarterly meetings.", owner="Integration office", due_on="2009-06-30",
        status="under_way", status_note="Two meetings held.", edit_count=row.edit_count)

    rows = commitments.follow_up_rows(world.programme)
    assert [(r["city"], r["number"], r["response"], r["status"], r["status_note"], r["due_on"])
            for r in rows] == [("Rotterdam", 1, "accepted", "under way", "Two meetings held.",
                                "2009-06-30")]
    assert commitments.follow_up_csv(rows).splitlines()[1].startswith(
        "Rotterdam,1,Consult the committee every quarter.,AC/I/3,")


def test_a_response_over_a_newer_one_is_refused_with_both(world):
    rec = recommend(world)
    release_report(world)
    commitments.record_commitment(recommendation=rec, by=world.people.host,
                                  response="not_accepted", edit_count=0)

    with pytest.raises(EditConflict) as conflict:
        commitments.record_commitment(recommendation=rec, by=world.people.coordinator,
                                      response="accepted", commitment="Quarterly meetings.",
                                      edit_count=0)

    [stale] = conflict.value.edits
    assert (stale.started_from, stale.edit_count, stale.saved_by) == (
        0, 1, str(world.people.host))
    assert [(f.name, f.saved, f.yours) for f in stale.fields if f.differs] == [
        ("response", "not_accepted", "accepted"), ("commitment", "", "Quarterly meetings.")]
    assert rec.commitment.response == "not_accepted"
