"""Results per question and their trends over the years, worked out by hand."""

from decimal import Decimal

from citypeer.surveys.method.aggregation import survey_summary, trends
from citypeer.surveys.method.definition import (
    EQUALS,
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

YES_NO = (ChoiceSpec("yes", "Yes"), ChoiceSpec("no", "No"))
SURVEY = SurveyDefinition(title="2026", questions=(
    QuestionSpec("council", SINGLE, "Council?", choices=YES_NO),
    QuestionSpec("influence", SCALE, "Influence", minimum=Decimal(1), maximum=Decimal(3),
                 condition=Condition("council", EQUALS, "yes")),
    QuestionSpec("channels", MULTIPLE, "Channels", choices=(ChoiceSpec("web", "Web"),
                                                            ChoiceSpec("radio", "Radio"))),
    QuestionSpec("budget", NUMBER, "Budget"),
    QuestionSpec("why", TEXT, "Why?"),
))
RESPONSES = [
    {"council": "yes", "influence": 3, "channels": ("web", "radio"), "budget": Decimal(100)},
    {"council": "yes", "influence": 1, "channels": ("web",), "budget": Decimal(50),
     "why": "Because"},
    {"council": "no", "influence": 3, "budget": Decimal(0)},  # influence hidden: not counted
    {},
]


def test_each_question_counts_the_cities_it_was_shown_to_and_their_answers():
    council, influence, channels, budget, why = survey_summary(SURVEY, RESPONSES)

    assert (council.shown, council.answered, council.counts) == (4, 3, (("yes", 2), ("no", 1)))
    assert (influence.shown, influence.answered, influence.counts) == (
        2, 2, (("1", 1), ("2", 0), ("3", 1)))
    assert (influence.mean, influence.median) == (2.0, 2.0)
    assert (channels.answered, channels.counts, channels.share_of("web")) == (
        2, (("web", 2), ("radio", 1)), 1.0)
    assert (budget.answered, budget.mean, budget.median, budget.lowest, budget.highest) == (
        3, 50.0, 50.0, 0.0, 100.0)
    assert (why.answered, why.counts, why.mean) == (1, (), None)


def test_a_trend_follows_a_code_while_it_keeps_its_kind():
    earlier = SurveyDefinition(title="2025", questions=(
        QuestionSpec("council", SINGLE, "Council?", choices=YES_NO),
        QuestionSpec("budget", TEXT, "Budget (in words)"),
        QuestionSpec("dropped", TEXT, "Asked once"),
    ))
    years = [(2026, SURVEY, survey_summary(SURVEY, RESPONSES)),
             (2025, earlier, survey_summary(earlier, [{"council": "no", "budget": "none"}]))]

    found = {t.question.code: t for t in trends(years)}

    assert list(found) == ["council", "influence", "channels", "budget", "why", "dropped"]
    assert found["council"].years == (2025, 2026)
    assert [p.summary.share_of("yes") for p in found["council"].points] == [0.0, 2 / 3]
    assert (found["budget"].years, found["budget"].left_out) == ((2026,), (2025,))
    assert found["dropped"].years == (2025,)
