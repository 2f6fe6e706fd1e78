"""Recording, editing, deleting and restoring evidence; references; proposals from the bank;
final colours; findings and good practices."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from citypeer.assessment.domain.assessments import (
    AssessmentConflict,
    assessment_for,
    assessment_rows,
    matrix_for,
    proposals_for,
    set_final_colour,
)
from citypeer.assessment.domain.evidence import (
    EvidenceConflict,
    EvidenceInUse,
    NotRestorable,
    current_interview,
    delete_evidence,
    edit_evidence,
    record_evidence,
    references_of,
    restore_evidence,
)
from citypeer.assessment.domain.findings import (
    StaleRevision,
    delete_good_practice,
    evidence_trail,
    restore_good_practice,
    save_finding,
    save_good_practice,
)
from citypeer.assessment.domain.queries import findings_in_full, interviews_of
from citypeer.assessment.models import Assessment, EvidenceItem
from citypeer.practices.models import GoodPractice
from tests.assessment.conftest import interview_fact


def record(s, by=None, **fields):
    item, _new = record_evidence(review=s.review, by=by or s.people.jb, **fields)
    return item


def test_an_interview_item_has_the_seeds_reference_form(setting):
    s = setting
    item = record(s, **interview_fact(s, s.interviews.i17, ["AC/I/3", "AC/A/1"]))

    assert references_of(item) == ("AC/A/1 – Interview 17 – JB & FC",
                                   "AC/I/3 – Interview 17 – JB & FC")
    assert (item.interviewers, item.interviewee) == ("JB & FC", s.interviewees.chair)


def test_document_and_workshop_references(setting):
    s = setting
    document = record(s, indicators=["WP/A/1"], source="document", document="Annual plan",
                      page="12", kind="fact", direction="meets", text="Hiring targets.",
                      interviewers="JB & FC")
    workshop = record(s, indicators=["WP/A/1"], source="workshop", workshop=s.workshop.pk,
                      kind="opinion", text="Associations feel unheard.", interviewers="FC")

    assert references_of(document) == ("WP/A/1 – Document “Annual plan”, p. 12 – JB & FC",)
    assert references_of(workshop) == ("WP/A/1 – Workshop A – FC",)


def test_bad_input_names_every_field_and_writes_nothing(setting):
    s = setting
    with pytest.raises(ValidationError) as caught:
        record_evidence(review=s.review, by=s.people.jb, indicators=["XX/Y/9"],
                        source="interview", kind="rumour", direction="up", text=" ",
                        page="3")

    assert sorted(caught.value.message_dict) == ["direction", "indicators", "interview",
                                                 "kind", "page", "text"]
    assert EvidenceItem.objects.count() == 0
    assert EvidenceItem.history.count() == 0


def test_an_interview_of_another_review_is_refused(setting, db):
    from tests.assessment.conftest import make_setting

    other = make_setting(slug="other-2009", host="malmo")
    with pytest.raises(ValidationError) as caught:
        record(setting, **interview_fact(setting, other.interviews.i17, ["AC/A/1"]))

    assert caught.value.message_dict == {
        "interview": ["This interview is not part of this review's visit."]}


def test_a_draft_sent_twice_with_its_client_key_is_stored_once(setting):
    s = setting
    fields = {**interview_fact(s, s.interviews.i17, ["AC/A/1"]), "client_key": "k-123456789"}
    first, first_new = record_evidence(review=s.review, by=s.people.jb, **fields)
    again, again_new = record_evidence(review=s.review, by=s.people.jb, **fields)

    assert (first_new, again_new, again.pk) == (True, False, first.pk)
    assert EvidenceItem.objects.count() == 1


def test_an_edit_from_an_old_revision_is_refused_with_both_versions(setting):
    s = setting
    item = record(s, **interview_fact(s, s.interviews.i17, ["AC/A/1"], text="First."))
    edit_evidence(item=item, by=s.people.fc, revision=1,
                  **interview_fact(s, s.interviews.i17, ["AC/A/1"], text="Fay's text."))

    with pytest.raises(EvidenceConflict) as caught:
        edit_evidence(item=item, by=s.people.jb, revision=1,
                      **interview_fact(s, s.interviews.i17, ["AC/A/1"], text="Jan's text."))

    assert (caught.value.current["text"], caught.value.attempted["text"]) == (
        "Fay's text.", "Jan's text.")
    assert EvidenceItem.objects.get().text == "Fay's text."


def test_history_records_one_creation_and_one_change_with_the_user(setting):
    s = setting
    item = record(s, **interview_fact(s, s.interviews.i17, ["AC/A/1"]))
    edit_evidence(item=item, by=s.people.fc, revision=1,
                  **interview_fact(s, s.interviews.i17, ["AC/A/1", "AC/I/3"]))

    records = list(item.history.order_by("history_id"))
    assert [(r.history_type, r.history_user, r.revision) for r in records] == [
        ("+", s.people.jb, 1), ("~", s.people.fc, 2)]
    assert sorted(r.indicator.code for r in records[1].indicators.all()) == ["AC/A/1",
                                                                             "AC/I/3"]


def test_delete_then_the_coordinator_restores_it_as_it_was(setting):
    s = setting
    item = record(s, **interview_fact(s, s.interviews.i17, ["AC/A/1", "AC/I/3"]))
    pk = item.pk
    delete_evidence(item=item, by=s.people.jb, revision=1)
    assert EvidenceItem.objects.count() == 0

    restored = restore_evidence(review=s.review, item_id=pk, by=s.people.coordinator)

    again = EvidenceItem.objects.get()
    assert (again.pk, [i.code for i in again.indicators.order_by("position")], again.revision,
            again.recorded_by) == (pk, ["AC/A/1", "AC/I/3"], 2, s.people.jb)
    assert restored.pk == pk
    with pytest.raises(NotRestorable):
        restore_evidence(review=s.review, item_id=pk, by=s.people.coordinator)


def test_evidence_a_finding_rests_on_cannot_be_deleted(setting):
    s = setting
    item = record(s, **interview_fact(s, s.interviews.i17, ["AC/A/1"]))
    save_finding(review=s.review, by=s.people.jb, kind="strength", text="Committee works.",
                 indicators=["AC/A/1"], evidence=[item.pk])

    with pytest.raises(EvidenceInUse):
        delete_evidence(item=item, by=s.people.jb, revision=1)
    assert EvidenceItem.objects.count() == 1


def test_proposals_come_from_the_core_rules(setting):
    s = setting
    record(s, **interview_fact(s, s.interviews.i17, ["AC/I/3"], "falls_short"))
    record(s, **interview_fact(s, s.interviews.i19, ["AC/I/3"], "falls_short"))  # same person
    record(s, **interview_fact(s, s.interviews.i18, ["AC/A/1"], "meets"))
    record(s, **interview_fact(s, s.interviews.i20, ["AC/A/1"], "meets"))
    record(s, **interview_fact(s, s.interviews.i17, ["WP/A/1"], "meets", kind="opinion"))

    proposals = proposals_for(s.review)

    assert {code: (p.colour.value, p.status.value, p.interviewees)
            for code, p in proposals.items()} == {
        "AC/A/1": ("meets", "corroborated", 2),
        "AC/A/2": ("not_assessed", "no_fact_evidence", 0),
        "AC/I/3": ("inconclusive", "uncorroborated", 1),
        "WP/A/1": ("not_assessed", "no_fact_evidence", 0),
        "WP/I/1": ("not_assessed", "no_fact_evidence", 0),
    }
    assert proposals["AC/A/1"].counted == (str(s.interviews.i18.pk), str(s.interviews.i20.pk))


def test_the_programmes_minimum_is_used(setting):
    s = setting
    s.programme.min_corroborating_interviews = 3
    s.programme.save()
    record(s, **interview_fact(s, s.interviews.i18, ["AC/A/1"], "meets"))
    record(s, **interview_fact(s, s.interviews.i20, ["AC/A/1"], "meets"))

    proposal = proposals_for(s.review)["AC/A/1"]

    assert (proposal.colour.value, proposal.required, proposal.may_recommend) == (
        "inconclusive", 3, False)


def test_a_final_colour_other_than_the_proposal_needs_a_rationale_and_keeps_both(setting):
    s = setting
    indicator = s.indicators["AC/A/1"]
    with pytest.raises(ValidationError) as caught:
        set_final_colour(review=s.review, indicator=indicator, colour="falls_short",
                         rationale="", revision=0, by=s.people.jb)
    assert list(caught.value.message_dict) == ["rationale"]

    set_final_colour(review=s.review, indicator=indicator, colour="falls_short",
                     rationale="The committee met once.", revision=0, by=s.people.jb)

    row = assessment_for(s.review, indicator=indicator)
    assert (row.proposal.colour.value, row.final_colour, row.differs,
            row.decision.proposed_colour) == ("not_assessed", "falls_short", True,
                                              "not_assessed")


def test_the_second_of_two_concurrent_decisions_is_refused(setting):
    s = setting
    indicator = s.indicators["AC/A/1"]
    set_final_colour(review=s.review, indicator=indicator, colour="not_assessed",
                     rationale="", revision=0, by=s.people.jb)

    set_final_colour(review=s.review, indicator=indicator, colour="meets", rationale="Fay.",
                     revision=1, by=s.people.fc)
    with pytest.raises(AssessmentConflict) as caught:
        set_final_colour(review=s.review, indicator=indicator, colour="falls_short",
                         rationale="Jan.", revision=1, by=s.people.jb)

    assert (caught.value.current["rationale"], caught.value.attempted["rationale"]) == (
        "Fay.", "Jan.")
    assert Assessment.objects.get().rationale == "Fay."


def test_the_matrix_shows_the_teams_colour_where_it_decided(setting):
    s = setting
    record(s, **interview_fact(s, s.interviews.i18, ["AC/A/1"], "meets"))
    record(s, **interview_fact(s, s.interviews.i20, ["AC/A/1"], "meets"))
    set_final_colour(review=s.review, indicator=s.indicators["WP/I/1"], colour="falls_short",
                     rationale="Seen ourselves.", revision=0, by=s.people.jb)

    matrix = matrix_for(s.review, assessment_rows(s.review))

    assert [(c.pillar, c.value, [(code, colour.value) for code, colour in c.colours])
            for _pillar, cells in matrix.rows for c in cells] == [
        ("AC", "A", [("AC/A/1", "meets"), ("AC/A/2", "not_assessed")]),
        ("AC", "I", [("AC/I/3", "not_assessed")]),
        ("WP", "A", [("WP/A/1", "not_assessed")]),
        ("WP", "I", [("WP/I/1", "falls_short")]),
    ]


def test_a_weakness_with_barriers_and_its_evidence_trail(setting):
    s = setting
    late = record(s, **interview_fact(s, s.interviews.i20, ["AC/I/3"], "falls_short"))
    early = record(s, **interview_fact(s, s.interviews.i17, ["AC/I/3"], "falls_short"))
    save_finding(review=s.review, by=s.people.jb, kind="weakness",
                 text="The committee is rarely consulted.", barriers="No budget line.",
                 indicators=["AC/I/3"], evidence=[late.pk, early.pk])

    finding = findings_in_full(s.review).get()
    trail = evidence_trail(finding)

    assert [(step.item.pk, step.references) for step in trail] == [
        (early.pk, ("AC/I/3 – Interview 17 – JB & FC",)),
        (late.pk, ("AC/I/3 – Interview 20 – JB & EX",)),
    ]


def test_a_strength_has_no_barriers(setting):
    with pytest.raises(ValidationError) as caught:
        save_finding(review=setting.review, by=setting.people.jb, kind="strength",
                     text="Good.", barriers="None really.")
    assert list(caught.value.message_dict) == ["barriers"]


def test_good_practices_are_saved_deleted_and_restored(setting):
    s = setting
    practice = save_good_practice(review=s.review, by=s.people.jb, title="Language cafés",
                                  description="Volunteers teach Dutch.", indicators=["WP/I/1"],
                                  transferable=True)
    with pytest.raises(StaleRevision):
        save_good_practice(review=s.review, by=s.people.fc, practice=practice, revision=0,
                           title="x", description="y", indicators=["WP/I/1"])
    delete_good_practice(practice=practice, by=s.people.jb, revision=1)
    restore_good_practice(review=s.review, practice_id=practice.pk, by=s.people.coordinator)

    again = GoodPractice.objects.get()
    assert (again.title, again.review, again.transferable,
            [i.code for i in again.indicators.all()]) == (
        "Language cafés", s.review, True, ["WP/I/1"])


def test_the_current_interview_is_the_one_under_way_for_that_peer(setting):
    s = setting
    interviews = list(interviews_of(s.review))

    def at(day, hour, minute=0):
        return timezone.make_aware(dt.datetime(2008, 3, 9 + day, hour, minute))

    assert current_interview(interviews=interviews, peer=s.people.jb, now=at(1, 10, 30)) == (
        s.interviews.i18)
    assert current_interview(interviews=interviews, peer=s.people.fc, now=at(1, 11, 5)) == (
        s.interviews.i19)
    # jb holds no interview at 11:05: the last one held, to write it up
    assert current_interview(interviews=interviews, peer=s.people.jb, now=at(1, 11, 5)) == (
        s.interviews.i18)
    # before the visit: the first one coming
    assert current_interview(interviews=interviews, peer=s.people.ex, now=at(0, 8)) == (
        s.interviews.i19)
