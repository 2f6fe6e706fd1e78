"""The corroboration guard over real proposals, without a database."""

from citypeer.assessment.method import (
    Direction,
    EvidenceInput,
    EvidenceKind,
    InterviewInput,
    Source,
    assess,
)
from citypeer.feedback.method.guard import (
    NO_FINDING,
    NO_INDICATOR,
    FindingBasis,
    recommendation_problems,
)


def interview(n, person):
    return InterviewInput(id=f"i{n}", number=n, interviewee=person, interviewers=("JB", "FC"))


def fact(eid, code, iv, direction=Direction.FALLS_SHORT):
    return EvidenceInput(id=eid, indicators=(code,), source=Source.INTERVIEW,
                        kind=EvidenceKind.FACT, direction=direction, interview=iv)


def proposals():
    i17, i18, i19 = interview(17, "P-1"), interview(18, "P-2"), interview(19, "P-1")
    items = [fact("e1", "AC/I/3", i17), fact("e2", "AC/I/3", i18),
             fact("e3", "AC/A/1", i17, Direction.MEETS), fact("e4", "AC/A/1", i19, Direction.MEETS),
             fact("e5", "WP/A/1", i17, Direction.MEETS), fact("e6", "WP/A/1", i18)]
    return {p.indicator: p for p in assess(indicators=["AC/I/3", "AC/A/1", "WP/A/1", "WP/I/1"],
                                           evidence=items, min_interviews=2)}


def test_guard_accepts_a_recommendation_on_a_corroborated_finding():
    finding = FindingBasis(1, "The committee is rarely consulted.", ("AC/I/3",))

    assert recommendation_problems(indicators=["AC/I/3"], findings=[finding],
                                   proposals=proposals()) == []


def test_guard_names_the_finding_and_why_for_an_uncorroborated_one():
    finding = FindingBasis(7, "A committee exists.", ("AC/A/1",))

    problems = recommendation_problems(indicators=["AC/I/3"], findings=[finding],
                                       proposals=proposals())

    assert [(p.field, p.finding, p.indicator, p.text()) for p in problems] == [
        ("findings", 7, "AC/A/1", "finding “A committee exists.”: AC/A/1 is not corroborated: "
                                  "facts from 1 interviewee(s), 2 needed")]


def test_guard_refuses_a_contested_indicator_named_by_the_recommendation():
    finding = FindingBasis(1, "Rarely consulted.", ("AC/I/3",))

    problems = recommendation_problems(indicators=["WP/A/1", "WP/I/1"], findings=[finding],
                                       proposals=proposals())

    assert [p.text() for p in problems] == [
        "WP/A/1 is contested: facts from interviews point both ways",
        "WP/I/1 has no fact evidence"]


def test_guard_needs_a_finding_and_an_indicator():
    problems = recommendation_problems(indicators=[], findings=[], proposals=proposals())

    assert [(p.message, p.structural) for p in problems] == [(NO_INDICATOR, True),
                                                              (NO_FINDING, True)]


def test_a_finding_without_an_indicator_cannot_be_checked():
    finding = FindingBasis(3, "Something is missing.", ())

    problems = recommendation_problems(indicators=["AC/I/3"], findings=[finding],
                                       proposals=proposals())

    assert [(p.finding, p.text(), p.structural) for p in problems] == [
        (3, "finding “Something is missing.” names no indicator, so its corroboration cannot "
            "be checked", False)]
