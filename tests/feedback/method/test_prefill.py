"""What the sections are first filled with, without a database."""

from citypeer.feedback.method.prefill import (
    FindingText,
    VisitSummary,
    count_by_category,
    prefill,
)
from citypeer.feedback.method.sections import METHOD, STRENGTHS, WEAKNESSES


def test_prefill_of_the_method_counts_interviews_by_category_without_names():
    visit = VisitSummary(interviews=3, by_category=count_by_category(
        ["partner", "staff", "partner"]), workshops=1, team=("Jan (peer)",), min_interviews=2)

    text = prefill(METHOD, visit=visit)

    assert text.splitlines()[:4] == ["The peers held 3 interviews during the visit, with:", "",
                                     "- partner: 2", "- staff: 1"]


def test_prefill_of_weaknesses_carries_the_barriers():
    findings = [FindingText(1, "weakness", "Rarely consulted.", "No budget.", ("AC/I/3",)),
                FindingText(2, "strength", "A committee exists.")]

    assert prefill(WEAKNESSES, findings=findings) == (
        "- Rarely consulted. (AC/I/3) Barriers: No budget.")
    assert prefill(STRENGTHS, findings=findings) == "- A committee exists."
