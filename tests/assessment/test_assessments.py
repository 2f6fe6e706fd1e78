"""Proposals from the bank through the corroboration rules, the team's final colours and the
matrix."""


import pytest
from django.core.exceptions import ValidationError

from citypeer.assessment.domain.assessments import (
    assessment_for,
    assessment_rows,
    matrix_for,
    proposals_for,
    set_final_colour,
)
from citypeer.assessment.models import Assessment
from citypeer.common.editing import EditConflict
from tests.assessment.conftest import compared, interview_fact, record


def test_proposals_come_from_the_core_rules(world):
    s = world
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


def test_the_programmes_minimum_is_used(world):
    s = world
    s.programme.min_corroborating_interviews = 3
    s.programme.save()
    record(s, **interview_fact(s, s.interviews.i18, ["AC/A/1"], "meets"))
    record(s, **interview_fact(s, s.interviews.i20, ["AC/A/1"], "meets"))

    proposal = proposals_for(s.review)["AC/A/1"]

    assert (proposal.colour.value, proposal.required, proposal.may_recommend) == (
        "inconclusive", 3, False)


def test_a_final_colour_other_than_the_proposal_needs_a_rationale_and_keeps_both(world):
    s = world
    indicator = s.indicators["AC/A/1"]
    with pytest.raises(ValidationError) as caught:
        set_final_colour(review=s.review, indicator=indicator, colour="falls_short",
                         rationale="", edit_count=0, by=s.people.jb)
    assert list(caught.value.message_dict) == ["rationale"]

    set_final_colour(review=s.review, indicator=indicator, colour="falls_short",
                     rationale="The committee met once.", edit_count=0, by=s.people.jb)

    row = assessment_for(s.review, indicator=indicator)
    assert (row.proposal.colour.value, row.final_colour, row.differs,
            row.decision.proposed_colour) == ("not_assessed", "falls_short", True,
                                              "not_assessed")


def test_the_second_of_two_concurrent_decisions_is_refused(world):
    s = world
    indicator = s.indicators["AC/A/1"]
    set_final_colour(review=s.review, indicator=indicator, colour="not_assessed",
                     rationale="", edit_count=0, by=s.people.jb)

    set_final_colour(review=s.review, indicator=indicator, colour="meets", rationale="Fay.",
                     edit_count=1, by=s.people.fc)
    with pytest.raises(EditConflict) as caught:
        set_final_colour(review=s.review, indicator=indicator, colour="falls_short",
                         rationale="Jan.", edit_count=1, by=s.people.jb)

    assert compared(caught.value) == {
        "colour": ("meets or surpasses (green)", "falls short (red)"),
        "rationale": ("Fay.", "Jan.")}
    assert caught.value.edits[0].saved_by == str(s.people.fc)
    assert Assessment.objects.get().rationale == "Fay."


def test_the_matrix_shows_the_teams_colour_where_it_decided(world):
    s = world
    record(s, **interview_fact(s, s.interviews.i18, ["AC/A/1"], "meets"))
    record(s, **interview_fact(s, s.interviews.i20, ["AC/A/1"], "meets"))
    set_final_colour(review=s.review, indicator=s.indicators["WP/I/1"], colour="falls_short",
                     rationale="Seen ourselves.", edit_count=0, by=s.people.jb)

    matrix = matrix_for(s.review, assessment_rows(s.review))

    assert [(c.pillar, c.value, [(code, colour.value) for code, colour in c.colours])
            for _pillar, cells in matrix.rows for c in cells] == [
        ("AC", "A", [("AC/A/1", "meets"), ("AC/A/2", "not_assessed")]),
        ("AC", "I", [("AC/I/3", "not_assessed")]),
        ("WP", "A", [("WP/A/1", "not_assessed")]),
        ("WP", "I", [("WP/I/1", "falls_short")]),
    ]
