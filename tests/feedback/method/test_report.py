"""The report's rules without a database: sections, prefill, text blocks, the corroboration
guard over real proposals, headline agreement, approval and release."""

from citypeer.assessment.method import (
    Direction,
    EvidenceInput,
    EvidenceKind,
    InterviewInput,
    Source,
    assess,
)
from citypeer.feedback.method import report as r


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


def test_section_plan_orders_the_sections_with_one_per_pillar():
    plan = r.section_plan([("GG", "General Governance"), ("AC", "Administrative Co-operation")])

    assert [p.key for p in plan] == ["context", "method", "pillar:GG", "pillar:AC", "strengths",
                                     "weaknesses", "recommendations", "practices", "annex"]
    assert [p.position for p in plan] == list(range(1, 10))
    assert plan[2].title % plan[2].title_args == "Assessment: General Governance"
    assert [p.figure for p in plan if p.figure] == ["interviews", "pillar", "pillar",
                                                      "recommendations", "annex"]


def test_guard_accepts_a_recommendation_on_a_corroborated_finding():
    finding = r.FindingBasis(1, "The committee is rarely consulted.", ("AC/I/3",))

    assert r.recommendation_problems(indicators=["AC/I/3"], findings=[finding],
                                     proposals=proposals()) == []


def test_guard_names_the_finding_and_why_for_an_uncorroborated_one():
    finding = r.FindingBasis(7, "A committee exists.", ("AC/A/1",))

    problems = r.recommendation_problems(indicators=["AC/I/3"], findings=[finding],
                                         proposals=proposals())

    assert [(p.field, p.finding, p.indicator, p.text()) for p in problems] == [
        ("findings", 7, "AC/A/1", "finding “A committee exists.”: AC/A/1 is not corroborated: "
                                  "facts from 1 interviewee(s), 2 needed")]


def test_guard_refuses_a_contested_indicator_named_by_the_recommendation():
    finding = r.FindingBasis(1, "Rarely consulted.", ("AC/I/3",))

    problems = r.recommendation_problems(indicators=["WP/A/1", "WP/I/1"], findings=[finding],
                                         proposals=proposals())

    assert [p.text() for p in problems] == [
        "WP/A/1 is contested: facts from interviews point both ways",
        "WP/I/1 has no fact evidence"]


def test_guard_needs_a_finding_and_an_indicator():
    problems = r.recommendation_problems(indicators=[], findings=[], proposals=proposals())

    assert [p.message for p in problems] == [r.NO_INDICATOR, r.NO_FINDING]


def test_headline_is_agreed_only_when_every_member_agrees():
    assert r.headline_state(members={1, 2, 3}, votes={1: True, 2: True}).state == r.OPEN
    assert r.headline_state(members={1, 2, 3}, votes={1: True, 2: True, 3: True}).state == r.AGREED
    objected = r.headline_state(members={1, 2, 3}, votes={1: True, 2: False, 9: True})
    assert (objected.state, objected.objected, objected.waiting) == (r.OBJECTED, {2}, {3})


def test_release_needs_the_leader_and_every_peer():
    partial = r.approval(peers={1, 2}, approvals={1, 5})
    full = r.approval(peers={1, 2}, approvals={1, 2})

    assert (partial.approved, partial.missing, partial.complete) == ({1}, {2}, False)
    assert r.release_refusal(state=r.DRAFT, is_leader=True, approval_state=partial,
                             names={2: "Fay"}) == (r.NOT_ALL_APPROVED, {"n": 1, "names": "Fay"})
    assert r.release_refusal(state=r.DRAFT, is_leader=False, approval_state=full,
                             names={}) == (r.NOT_LEADER, {})
    assert r.release_refusal(state=r.DRAFT, is_leader=True, approval_state=full, names={}) is None
    assert r.release_refusal(state=r.RELEASED, is_leader=True, approval_state=full,
                             names={}) == (r.ALREADY_RELEASED, {})


def test_prefill_of_the_method_counts_interviews_by_category_without_names():
    visit = r.Visit(interviews=3, by_category=r.count_by_category(
        ["partner", "staff", "partner"]), workshops=1, team=("Jan (peer)",), min_interviews=2)

    text = r.prefill(r.METHOD, visit=visit)

    assert text.splitlines()[:4] == ["The peers held 3 interviews during the visit, with:", "",
                                     "- partner: 2", "- staff: 1"]


def test_prefill_of_weaknesses_carries_the_barriers():
    findings = [r.FindingText(1, "weakness", "Rarely consulted.", "No budget.", ("AC/I/3",)),
                r.FindingText(2, "strength", "A committee exists.")]

    assert r.prefill(r.WEAKNESSES, findings=findings) == (
        "- Rarely consulted. (AC/I/3) Barriers: No budget.")
    assert r.prefill(r.STRENGTHS, findings=findings) == "- A committee exists."


def test_blocks_read_headings_lists_and_paragraphs():
    text = "## Main characteristics\n\nA port city\nof 600,000.\n- one\n- two\n\nLast."

    assert r.blocks(text) == (
        r.Block("heading", "Main characteristics"),
        r.Block("paragraph", "A port city of 600,000."),
        r.Block("list", items=("one", "two")),
        r.Block("paragraph", "Last."),
    )


def test_diff_lines_show_what_changed():
    assert r.diff_lines("a\nb", "a\nc", old_label="v1", new_label="v2") == [
        "--- v1", "+++ v2", "@@ -1,2 +1,2 @@", " a", "-b", "+c"]
