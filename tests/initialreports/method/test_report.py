"""The initial report's plain rules: states, completeness, tidying text."""

import pytest

from citypeer.initialreports.method.report import (
    AREA_BACKGROUND,
    AREA_PROVENANCE,
    AREA_SELF_ASSESSMENT,
    EMPTY_SECTION,
    NO_DRAFTERS,
    NO_EVIDENCE,
    NO_POLITICAL_INVOLVEMENT,
    NO_REASON,
    NO_RESPONSIBLE_PERSON,
    NO_STATUS,
    NO_STRUCTURE_DIAGRAM,
    STATES,
    EntryContent,
    Gap,
    ReportContent,
    SectionContent,
    TransitionRefused,
    allowed_actions,
    clean_text,
    completeness,
    host_may_edit,
    next_state,
    person_key,
)


def full_sections():
    return tuple(SectionContent(kind=k, text=f"section {k}") for k in range(1, 8))


def complete_content(**changes):
    content = dict(
        sections=full_sections(),
        entries=(
            EntryContent("GG/A/1", "achieved", "", "A committee meets 4 times a year.", True),
            EntryContent("GG/A/2", "not_applicable", "No port in the city.", "", False),
        ),
        drafted_by="Integration office", political_involvement="informed",
        has_structure_diagram=True,
    )
    content.update(changes)
    return ReportContent(**content)


@pytest.mark.parametrize(("state", "action", "target"), [
    ("draft", "submit", "submitted"),
    ("submitted", "return", "returned"),
    ("returned", "resubmit", "resubmitted"),
    ("resubmitted", "return", "returned"),
])
def test_each_allowed_move(state, action, target):
    assert next_state(state, action) == target


@pytest.mark.parametrize(("state", "action"), [
    ("draft", "return"), ("draft", "resubmit"), ("submitted", "submit"),
    ("submitted", "resubmit"), ("returned", "submit"), ("returned", "return"),
    ("resubmitted", "submit"), ("resubmitted", "resubmit"),
])
def test_every_other_move_is_refused(state, action):
    with pytest.raises(TransitionRefused) as refused:
        next_state(state, action)

    assert str(refused.value) == f"a report in state {state!r} cannot be moved by {action!r}"


def test_the_host_writes_only_a_draft_or_a_returned_report():
    assert [s for s in STATES if host_may_edit(s)] == ["draft", "returned"]


def test_allowed_actions_per_state():
    assert {s: allowed_actions(s) for s in STATES} == {
        "draft": ["submit"], "submitted": ["return"], "returned": ["resubmit"],
        "resubmitted": ["return"],
    }


def test_a_complete_report_misses_nothing():
    result = completeness(complete_content())

    assert (result.complete, result.gaps, result.percent) == (True, (), 100)
    assert result.checks == 7 + 1 + 2 + 2 * 3


def test_an_empty_report_lists_everything_missing():
    content = ReportContent(
        sections=tuple(SectionContent(kind=k, text="") for k in range(1, 8)),
        entries=(EntryContent("GG/A/1"),),
    )

    result = completeness(content)

    assert result.gaps == (
        *(Gap(AREA_BACKGROUND, k, EMPTY_SECTION) for k in range(1, 8)),
        Gap(AREA_BACKGROUND, 2, NO_STRUCTURE_DIAGRAM),
        Gap(AREA_PROVENANCE, "drafted_by", NO_DRAFTERS),
        Gap(AREA_PROVENANCE, "political_involvement", NO_POLITICAL_INVOLVEMENT),
        Gap(AREA_SELF_ASSESSMENT, "GG/A/1", NO_STATUS),
        Gap(AREA_SELF_ASSESSMENT, "GG/A/1", NO_EVIDENCE),
        Gap(AREA_SELF_ASSESSMENT, "GG/A/1", NO_RESPONSIBLE_PERSON),
    )
    assert (result.checks, result.satisfied, result.percent) == (13, 0, 0)


def test_not_applicable_needs_a_reason_and_nothing_else():
    content = complete_content(entries=(EntryContent("WP/E/4", "not_applicable", "  ", "", False),))

    assert completeness(content).gaps == (Gap(AREA_SELF_ASSESSMENT, "WP/E/4", NO_REASON),)


@pytest.mark.parametrize("status", ["achieved", "in_progress", "aspiration"])
def test_other_statuses_need_evidence_and_a_responsible_person(status):
    content = complete_content(entries=(EntryContent("AC/I/3", status, "", "", False),))

    assert completeness(content).gaps_by_place(AREA_SELF_ASSESSMENT) == {
        "AC/I/3": [NO_EVIDENCE, NO_RESPONSIBLE_PERSON]
    }


def test_a_blank_section_counts_as_empty():
    sections = (*full_sections()[:2], SectionContent(kind=3, text=" \n\t "), *full_sections()[3:])

    result = completeness(complete_content(sections=sections))

    assert result.gaps == (Gap(AREA_BACKGROUND, 3, EMPTY_SECTION),)
    assert result.percent == 93  # 15 of 16 checks, rounded down


def test_percent_never_says_100_while_something_is_missing():
    entries = tuple(EntryContent(f"GG/A/{n}", "achieved", "", "e", True) for n in range(1, 400))
    last = EntryContent("GG/A/400", "achieved", "", "", True)
    content = complete_content(entries=(*entries, last))

    result = completeness(content)

    assert (result.complete, result.percent) == (False, 99)


def test_clean_text_keeps_what_a_spreadsheet_cell_can_hold():
    assert clean_text("  Line one\r\nLine\x0btwo\x00\r ") == "Line one\nLinetwo"
    assert clean_text(None) == ""


def test_the_same_person_whatever_the_case_and_spacing():
    assert person_key(" Anna  Virtanen ", "city council") == person_key(
        "anna virtanen", "City  Council"
    )
    assert person_key("Anna Virtanen", "City Council") != person_key(
        "Anna Virtanen", "Immigration Division"
    )
