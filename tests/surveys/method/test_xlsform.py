"""XLSForm: what citypeer writes reads back to the same definition, and a form with a problem
is refused with its sheet, row and column."""

import io
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from citypeer.surveys.method.definition import (
    EQUALS,
    INCLUDES,
    MULTIPLE,
    NUMBER,
    SCALE,
    SINGLE,
    STATUS_CHOICES,
    TEXT,
    ChoiceSpec,
    Condition,
    QuestionSpec,
    SurveyDefinition,
)
from citypeer.surveys.method.expressions import (
    ExpressionRefused,
    parse_constraint,
    parse_relevant,
    relevant_expression,
)
from citypeer.surveys.method.xlsform import FormProblems, read_workbook
from citypeer.surveys.method.xlsform_read import definition_from_sheets
from citypeer.surveys.method.xlsform_write import survey_rows, write_xlsform

STATUS = tuple(ChoiceSpec(v, label, {"fr": f"{label} (fr)"}) for v, label in STATUS_CHOICES)
DEFINITION = SurveyDefinition(
    title="Integrating Cities survey 2026", language="en", form_id="charter-survey-2026",
    version="4", questions=(
        QuestionSpec("toolkit.KF1", SINGLE, "The city council adopts a strategy.",
                     hint="KF1 · City strategy", section="Participation toolkit",
                     required=True, choice_list="status", choices=STATUS,
                     source="integrating-cities-participation-2014:1:KF1",
                     translations={"fr": {"text": "Le conseil adopte une stratégie.",
                                          "hint": "KF1 · Stratégie"}}),
        QuestionSpec("toolkit.KF2", SINGLE, "Leadership.", section="Participation toolkit",
                     required=True, choice_list="status", choices=STATUS),
        QuestionSpec("influence", SCALE, "How much influence has the council?",
                     minimum=Decimal(1), maximum=Decimal(5), low_label="none",
                     high_label="decisive", translations={"fr": {"low_label": "aucune"}}),
        QuestionSpec("budget", NUMBER, "Budget in euros", minimum=Decimal(0),
                     maximum=Decimal("2500000.5")),
        QuestionSpec("staff", NUMBER, "Staff", whole=True, minimum=Decimal(0),
                     condition=Condition("influence", EQUALS, "5")),
        QuestionSpec("channels", MULTIPLE, "Channels", choice_list="channels", choices=(
            ChoiceSpec("web", "Web"), ChoiceSpec("radio", "Radio"))),
        QuestionSpec("stations", TEXT, "Which stations?",
                     condition=Condition("channels", INCLUDES, "radio")),
        QuestionSpec("how", TEXT, "How was it achieved?",
                     condition=Condition("toolkit.KF1", EQUALS, "achieved")),
    ))


def sheets_of(data: bytes):
    return read_workbook(io.BytesIO(data))


def test_a_written_form_reads_back_to_the_same_definition():
    assert definition_from_sheets(sheets_of(write_xlsform(DEFINITION))) == DEFINITION


def test_the_form_uses_xlsform_types_expressions_and_language_columns():
    rows = survey_rows(DEFINITION)

    assert rows[0][:4] == ["type", "name", "label::English (en)", "label::French (fr)"]
    assert [r[0] for r in rows[1:]] == [
        "begin_group", "select_one status", "select_one status", "end_group", "range",
        "decimal", "integer", "select_multiple channels", "text", "text"]
    relevant, constraint, parameters = (rows[0].index(n) for n in
                                        ("relevant", "constraint", "parameters"))
    assert [r[relevant] for r in rows[7:]] == [
        "${influence}=5", "", "selected(${channels}, 'radio')", "${toolkit.KF1}='achieved'"]
    assert rows[5][parameters] == "start=1 end=5 step=1"
    assert rows[6][constraint] == ". >= 0 and . <= 2500000.5"


def form(survey, choices=(), settings=(("form_title",), ("A form",))):
    book = Workbook()
    for index, (name, rows) in enumerate((("survey", survey), ("choices", choices),
                                          ("settings", settings))):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = name
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return sheets_of(buffer.getvalue())


def refusals(sheets):
    with pytest.raises(FormProblems) as refused:
        definition_from_sheets(sheets)
    return [str(p) for p in refused.value.problems]


def test_an_unknown_type_and_bad_references_are_refused_with_their_cells():
    sheets = form(
        [("type", "name", "label", "relevant"),
         ("geopoint", "where", "Where?", ""),
         ("select_one yesno", "council", "Council?", ""),
         ("select_one colours", "colour", "Colour?", ""),
         ("text", "why", "Why?", "${nowhere}='yes'"),
         ("text", "how", "How?", "${council}='maybe'"),
         ("integer", "n", "N", "${council} = 'yes' and ${colour}='red'")],
        [("list_name", "name", "label"), ("yesno", "yes", "Yes"), ("yesno", "no", "No")])

    assert refusals(sheets) == [
        "sheet survey, row 2, column A (type): geopoint is not a question type citypeer knows "
        "(integer, decimal, text, range, select_one LIST, select_multiple LIST, begin_group, "
        "end_group)",
        "sheet survey, row 4, column A (type): the choice list colours is not on the choices "
        "sheet",
        "sheet survey, row 5, column D (relevant): the condition refers to nowhere, which is "
        "no question here",
        "sheet survey, row 6, column D (relevant): maybe is not a choice of council",
        "sheet survey, row 7, column D (relevant): ${council} = 'yes' and ${colour}='red' is "
        "not a condition citypeer reads: write ${question}='choice', ${question}=3 or "
        "selected(${question}, 'choice')",
    ]


def test_bounds_names_choices_and_groups_are_checked_where_they_are_written():
    sheets = form(
        [("type", "name", "label::English (en)", "constraint", "parameters", "required"),
         ("begin group", "g", "Section", "", "", ""),
         ("range", "s", "Scale", "", "start=1 end=5 step=2", ""),
         ("integer", "n", "N", ". > 3", "", "perhaps"),
         ("decimal", "d", "D", ". >= 10 and . <= 1", "", ""),
         ("text", "t", "T", ". >= 1", "", ""),
         ("text", "2bad", "", "", "", ""),
         ("select_multiple l", "m", "M", "", "", "")],
        [("list_name", "name", "label::English (en)"), ("l", "a", "A"), ("l", "a b", "B")])

    assert refusals(sheets) == [
        "sheet survey, row 2, column A (type): this begin_group is never closed by an "
        "end_group",
        "sheet survey, row 3, column E (parameters): a scale moves by steps of 1; step=2 is "
        "not kept",
        "sheet survey, row 4, column D (constraint): . > 3: write the bound the answer may "
        "take, with >= or <= (not > or <)",
        "sheet survey, row 4, column F (required): perhaps is neither yes nor no",
        "sheet survey, row 5, column D (constraint): the lower bound 10 is above the upper "
        "bound 1",
        "sheet survey, row 6, column D (constraint): only integer and decimal questions take "
        "a constraint",
        "sheet survey, row 7, column B (name): 2bad is not a usable code: start with a letter "
        "or _, then letters, digits, _ . or - (at most 100 characters)",
        "sheet survey, row 7, column C (label::English (en)): the question has no text",
        "sheet choices, row 3, column B (name): a b is not a usable choice value: letters, "
        "digits, _ . or - (at most 100)",
    ]


def test_a_file_that_is_no_workbook_and_a_form_without_survey_sheet_are_refused():
    with pytest.raises(FormProblems) as refused:
        read_workbook(io.BytesIO(b"type,name\ntext,q\n"))
    assert [p.text() for p in refused.value.problems] == [
        "the file is not an Excel workbook (.xlsx)"]

    assert refusals({"choices": []}) == ["sheet survey: there is no sheet named survey"]


def test_a_form_from_another_tool_reads_with_its_defaults():
    sheets = form([("type", "name", "label", "hint", "appearance", "$kuid"),
                   ("range", "satisfaction", "Satisfaction", "1 low, 10 high", "rating", "x1"),
                   ("select_one yn", "ok", "OK?", "", "minimal", "x2")],
                  [("list_name", "name", "label"), ("yn", "1", "Yes"), ("yn", "0", "No")],
                  settings=[("form_title", "default_language"), ("Kobo form", "English (en)")])

    definition = definition_from_sheets(sheets)

    assert (definition.title, definition.language) == ("Kobo form", "en")
    assert [(q.code, q.kind, q.minimum, q.maximum, q.choice_values())
            for q in definition.questions] == [
        ("satisfaction", SCALE, Decimal(1), Decimal(10), ()),
        ("ok", SINGLE, None, None, ("1", "0"))]


def test_an_unknown_benchmark_reference_is_refused_in_its_cell():
    sheets = form([("type", "name", "label", "source"), ("text", "q", "Q", "inti:1:GG/A/9"),
                   ("text", "r", "R", "not a reference")])

    with pytest.raises(FormProblems) as refused:
        definition_from_sheets(sheets, source_exists=lambda source: False)

    assert [p.where() for p in refused.value.problems] == [
        "sheet survey, row 2, column D (source)", "sheet survey, row 3, column D (source)"]


names = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True)
values = st.from_regex(r"[A-Za-z0-9_.\-]{1,8}", fullmatch=True)


@given(names, values, st.sampled_from([EQUALS, INCLUDES]), st.sampled_from([SINGLE, SCALE]))
def test_every_condition_written_reads_back(name, value, operator, kind):
    condition = Condition(name, operator, value)

    assert parse_relevant(relevant_expression(condition, kind)) == condition or (
        kind == SCALE and operator == EQUALS)


@given(st.one_of(st.none(), st.integers(-10**6, 10**6)),
       st.one_of(st.none(), st.integers(-10**6, 10**6)))
def test_every_constraint_written_reads_back(low, high):
    from citypeer.surveys.method.expressions import constraint_expression

    low, high = (None if v is None else Decimal(v) for v in (low, high))

    assert parse_constraint(constraint_expression(low, high)) == (low, high)


def test_expressions_citypeer_does_not_read_are_refused():
    for text in ("${a}='x' or ${b}='y'", "not(selected(${a}, 'x'))", "${a} > 3"):
        with pytest.raises(ExpressionRefused):
            parse_relevant(text)
    assert parse_relevant(' selected( ${a} , "x" ) ') == Condition("a", INCLUDES, "x")
    assert parse_relevant("${a} = 3") == Condition("a", EQUALS, "3")
