"""The rules a survey's definition keeps before a city can answer it."""

from decimal import Decimal

from citypeer.surveys.method.definition import (
    EQUALS,
    INCLUDES,
    MULTIPLE,
    NUMBER,
    SCALE,
    SINGLE,
    TEXT,
    ChoiceSpec,
    Condition,
    QuestionSpec,
    SurveyDefinition,
    check_definition,
)

YES_NO = (ChoiceSpec("yes", "Yes"), ChoiceSpec("no", "No"))


def survey(*questions):
    return SurveyDefinition(title="Charter survey", questions=tuple(questions))


def messages(definition):
    return [(p.index, p.part, p.text()) for p in check_definition(definition)]


def test_a_survey_of_every_kind_with_its_conditions_has_no_problem():
    definition = survey(
        QuestionSpec("council", SINGLE, "Is there a migrant council?", choices=YES_NO),
        QuestionSpec("members", NUMBER, "How many members?", whole=True,
                     minimum=Decimal(1), maximum=Decimal(200),
                     condition=Condition("council", EQUALS, "yes")),
        QuestionSpec("influence", SCALE, "How much influence?", minimum=Decimal(1),
                     maximum=Decimal(5), condition=Condition("council", EQUALS, "yes")),
        QuestionSpec("channels", MULTIPLE, "Channels", choices=(
            ChoiceSpec("web", "Web"), ChoiceSpec("radio", "Radio"))),
        QuestionSpec("radio", TEXT, "Which stations?",
                     condition=Condition("channels", INCLUDES, "radio")),
        QuestionSpec("top", TEXT, "Why so much?",
                     condition=Condition("influence", EQUALS, "5")),
    )

    assert check_definition(definition) == []


def test_codes_must_be_xml_names_and_unique():
    definition = survey(QuestionSpec("1st", TEXT, "A"), QuestionSpec("a b", TEXT, "B"),
                        QuestionSpec("ok", TEXT, "C"), QuestionSpec("ok", TEXT, "D"),
                        QuestionSpec("", TEXT, "E"))

    assert [(i, part) for i, part, _text in messages(definition)] == [
        (0, "code"), (1, "code"), (3, "code"), (4, "code")]
    assert messages(definition)[2][2] == "the code ok is also used by question 3"


def test_scales_need_whole_bounds_in_order_and_not_too_many_points():
    definition = survey(
        QuestionSpec("a", SCALE, "A", minimum=Decimal(5), maximum=Decimal(1)),
        QuestionSpec("b", SCALE, "B", minimum=Decimal("1.5"), maximum=Decimal(5)),
        QuestionSpec("c", SCALE, "C", minimum=Decimal(0), maximum=Decimal(30)),
        QuestionSpec("d", SCALE, "D"),
    )

    assert [(i, text) for i, _part, text in messages(definition)] == [
        (0, "a scale needs whole-number bounds, the lower below the upper"),
        (1, "a scale needs whole-number bounds, the lower below the upper"),
        (2, "a scale has at most 21 points; this one has 31"),
        (3, "a scale needs whole-number bounds, the lower below the upper"),
    ]


def test_choice_questions_need_two_distinct_labelled_choices():
    definition = survey(
        QuestionSpec("a", SINGLE, "A", choices=(ChoiceSpec("x", "X"),)),
        QuestionSpec("b", MULTIPLE, "B", choices=(
            ChoiceSpec("x", "X"), ChoiceSpec("x", "Again"), ChoiceSpec("y z", ""))),
    )

    assert [(i, p.choice, p.text()) for p in check_definition(definition)
            for i in [p.index]] == [
        (0, None, "a choice question needs at least two choices"),
        (1, 1, "the choice value x comes twice"),
        (1, 2, "y z is not a usable choice value: letters, digits, _ . or - (at most 100)"),
        (1, 2, "the choice y z has no label"),
    ]


def test_a_condition_depends_on_an_earlier_question_with_a_value_it_can_take():
    definition = survey(
        QuestionSpec("later", TEXT, "A", condition=Condition("council", EQUALS, "yes")),
        QuestionSpec("council", SINGLE, "B", choices=YES_NO),
        QuestionSpec("scale", SCALE, "C", minimum=Decimal(1), maximum=Decimal(5)),
        QuestionSpec("d", TEXT, "D", condition=Condition("council", EQUALS, "maybe")),
        QuestionSpec("e", TEXT, "E", condition=Condition("scale", EQUALS, "9")),
        QuestionSpec("f", TEXT, "F", condition=Condition("council", INCLUDES, "yes")),
        QuestionSpec("g", TEXT, "G", condition=Condition("nowhere", EQUALS, "1")),
        QuestionSpec("h", TEXT, "H", condition=Condition("h", EQUALS, "1")),
    )

    assert [(i, text) for i, _part, text in messages(definition)] == [
        (0, "the condition refers to council, which comes after this question: a condition "
            "can only depend on an earlier answer"),
        (3, "maybe is not a choice of council"),
        (4, "9 is not a point of the scale of scale (1 to 5)"),
        (5, "“includes” needs a multiple-choice question; council is not one"),
        (6, "the condition refers to nowhere, which is no question here"),
        (7, "the condition refers to the question itself"),
    ]


def test_problems_name_the_question_by_number_and_code():
    problem = check_definition(survey(QuestionSpec("why", TEXT, " ")))[0]

    assert str(problem) == "question 1 (why): the question has no text"
