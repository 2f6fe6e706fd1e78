"""The bank's rows as the corroboration rules read them."""

from citypeer.assessment.domain.inputs import evidence_inputs
from citypeer.assessment.domain.queries import evidence_in_full
from citypeer.assessment.method import (
    Direction,
    EvidenceInput,
    EvidenceKind,
    InterviewInput,
    Source,
)
from tests.assessment.conftest import interview_fact, record


def test_rows_become_the_rules_input_with_one_interview_each(world):
    s = world
    first = record(s, **interview_fact(s, s.interviews.i17, ["AC/I/3", "AC/A/1"]))
    second = record(s, **interview_fact(s, s.interviews.i17, ["AC/I/3"], "falls_short",
                                        kind="opinion"))
    document = record(s, indicators=["WP/A/1"], source="document", document="Annual plan",
                      page="12", kind="fact", direction="meets", text="Hiring targets.",
                      interviewers="JB & FC")

    inputs = evidence_inputs(evidence_in_full(s.review))

    i17 = InterviewInput(id=str(s.interviews.i17.pk), number=17,
                         interviewee=f"P-{s.interviewees.chair.pk}", interviewers=("JB", "FC"),
                         day=1, time="09:00")
    assert inputs == [
        EvidenceInput(id=str(first.pk), indicators=("AC/A/1", "AC/I/3"),
                      source=Source.INTERVIEW, kind=EvidenceKind.FACT, direction=Direction.MEETS,
                      text="Said in interview 17.", interview=i17),
        EvidenceInput(id=str(second.pk), indicators=("AC/I/3",), source=Source.INTERVIEW,
                      kind=EvidenceKind.OPINION, direction=Direction.FALLS_SHORT,
                      text="Said in interview 17.", interview=i17),
        EvidenceInput(id=str(document.pk), indicators=("WP/A/1",), source=Source.DOCUMENT,
                      kind=EvidenceKind.FACT, direction=Direction.MEETS, text="Hiring targets.",
                      document="Annual plan", page=12, recorded_by=("JB", "FC")),
    ]
    assert inputs[0].interview is inputs[1].interview
