"""What each question accepts, which questions are shown, what a submission needs."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from citypeer.surveys.method.answers import (
    check_answers,
    holds,
    parse_answer,
    visible_codes,
)
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
)
from citypeer.surveys.method.numbers import parse_number, plain_number

YES_NO = (ChoiceSpec("yes", "Yes"), ChoiceSpec("no", "No"))
SURVEY = SurveyDefinition(title="2026", questions=(
    QuestionSpec("council", SINGLE, "Is there a migrant council?", choices=YES_NO,
                 required=True),
    QuestionSpec("members", NUMBER, "How many members?", whole=True, required=True,
                 minimum=Decimal(1), maximum=Decimal(200),
                 condition=Condition("council", EQUALS, "yes")),
    QuestionSpec("influence", SCALE, "How much influence has it?", minimum=Decimal(1),
                 maximum=Decimal(5), condition=Condition("council", EQUALS, "yes")),
    QuestionSpec("why", TEXT, "Why so much?", required=True,
                 condition=Condition("influence", EQUALS, "5")),
    QuestionSpec("channels", MULTIPLE, "Channels", choices=(
        ChoiceSpec("web", "Web"), ChoiceSpec("radio", "Radio"), ChoiceSpec("print", "Print"))),
    QuestionSpec("budget", NUMBER, "Budget in euros", minimum=Decimal(0)),
))


def test_answers_are_kept_as_their_question_says():
    checked = check_answers(SURVEY, {
        "council": "yes", "members": " 12 ", "influence": "5", "why": " Real power ",
        "channels": ["print", "web", "web"], "budget": "1250,50"}, submission=True)

    assert checked.problems == []
    assert checked.answers == {"council": "yes", "members": Decimal(12), "influence": 5,
                               "why": "Real power", "channels": ("web", "print"),
                               "budget": Decimal("1250.50")}


def test_a_submission_names_each_question_that_is_missing_or_out_of_range():
    checked = check_answers(SURVEY, {"council": "yes", "members": "300", "influence": "5",
                                     "channels": ["tv"], "budget": "-1"}, submission=True)

    assert [str(p) for p in checked.problems] == [
        "members “How many members?”: 300 is above the highest answer accepted, 200",
        "why “Why so much?”: an answer is required",
        "channels “Channels”: tv are not among the choices",
        "budget “Budget in euros”: -1 is below the lowest answer accepted, 0",
    ]


def test_a_draft_needs_no_required_answer_but_well_formed_ones():
    checked = check_answers(SURVEY, {"members": "twelve", "influence": "2.5"},
                            submission=False)

    assert [(p.code, p.text()) for p in checked.problems] == [
        ("members", "twelve is not a number"),
        ("influence", "2.5 is not a point of the scale from 1 to 5"),
    ]


def test_a_submission_drops_the_answers_its_conditions_hide_and_needs_none_of_them():
    checked = check_answers(SURVEY, {"council": "no", "members": "12", "influence": "5",
                                     "why": "Kept in a draft"}, submission=True)

    assert checked.problems == []
    assert checked.answers == {"council": "no"}
    assert checked.shown == {"council", "channels", "budget"}


def test_a_draft_keeps_answers_that_a_condition_hides_for_now():
    checked = check_answers(SURVEY, {"council": "no", "members": "12"}, submission=False)

    assert checked.answers == {"council": "no", "members": Decimal(12)}


def test_unknown_questions_are_refused():
    checked = check_answers(SURVEY, {"nowhere": "1"}, submission=False)

    assert [p.text() for p in checked.problems] == ["there is no question nowhere in this survey"]


def test_a_chain_of_conditions_hides_what_depends_on_a_hidden_question():
    assert visible_codes(SURVEY, {"council": "no", "influence": 5}) == {
        "council", "channels", "budget"}
    assert visible_codes(SURVEY, {"council": "yes", "influence": 5}) == {
        "council", "members", "influence", "why", "channels", "budget"}


@given(st.integers(min_value=-50, max_value=50), st.integers(min_value=-5, max_value=5),
       st.integers(min_value=1, max_value=20))
def test_a_scale_accepts_exactly_its_whole_points(answer, low, width):
    question = QuestionSpec("s", SCALE, "S", minimum=Decimal(low), maximum=Decimal(low + width))
    checked = check_answers(SurveyDefinition(title="t", questions=(question,)),
                            {"s": str(answer)}, submission=True)

    assert checked.ok == (low <= answer <= low + width)
    if checked.ok:
        assert checked.answers == {"s": answer}


@given(st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False),
       st.one_of(st.none(), st.integers(-100, 100)), st.one_of(st.none(), st.integers(-100, 100)),
       st.booleans())
def test_a_number_accepts_what_lies_within_its_bounds(answer, low, high, whole):
    question = QuestionSpec("n", NUMBER, "N", whole=whole,
                            minimum=None if low is None else Decimal(low),
                            maximum=None if high is None else Decimal(high))
    expected = ((low is None or answer >= low) and (high is None or answer <= high)
                and (not whole or answer == answer.to_integral_value()))

    checked = check_answers(SurveyDefinition(title="t", questions=(question,)),
                            {"n": plain_number(answer)}, submission=True)

    assert checked.ok == expected
    if expected:
        assert checked.answers["n"] == answer


CHOICES = ("a", "b", "c", "d")


@given(st.sampled_from(CHOICES), st.lists(st.sampled_from(CHOICES), max_size=4),
       st.sampled_from([EQUALS, INCLUDES]))
def test_a_condition_holds_as_its_operator_says(value, chosen, operator):
    condition = Condition("q", operator, value)
    answer = tuple(chosen) if operator == INCLUDES else (chosen[0] if chosen else None)

    expected = (value in chosen) if operator == INCLUDES else (bool(chosen)
                                                              and chosen[0] == value)
    assert holds(condition, answer) == expected


@given(st.integers(-10, 10), st.integers(-10, 10))
def test_equals_on_a_number_compares_numbers_not_texts(answer, value):
    assert holds(Condition("q", EQUALS, f"{value}.0"), Decimal(answer)) == (answer == value)


def test_numbers_are_read_as_people_write_them():
    assert [parse_number(t) for t in ("12", " 12,5 ", "1 250", "-3", "1e3", "x", "", True,
                                      2.5)] == [
        Decimal(12), Decimal("12.5"), Decimal(1250), Decimal(-3), Decimal(1000), None, None,
        None, Decimal("2.5")]
    assert [plain_number(Decimal(v)) for v in ("12.50", "1E+3", "-0.10")] == [
        "12.5", "1000", "-0.1"]


def test_a_single_choice_takes_one_answer_only():
    question = SURVEY.questions[0]

    assert parse_answer(question, ["yes"]) == "yes"
    assert parse_answer(question, []) is None
