"""The survey's domain functions: making a year's survey, drafts, submissions, conflicts."""

import datetime as dt
from dataclasses import replace

import pytest

from citypeer.common.editing import EditConflict
from citypeer.surveys.domain.definitions import definition_of
from citypeer.surveys.domain.questions import add_question, delete_question, update_question
from citypeer.surveys.domain.refusals import AnswersRefused, DefinitionRefused, SurveyRefused
from citypeer.surveys.domain.responses import (
    answers_of,
    reopen_response,
    response_of,
    save_draft,
    submit_response,
)
from citypeer.surveys.domain.surveys import (
    benchmark_questions,
    close_survey,
    create_survey,
    open_survey,
    publish_results,
)
from citypeer.surveys.method.definition import TEXT, Condition, QuestionSpec
from citypeer.surveys.models import Answer, CharterSurvey, Question
from tests.factories import make_benchmark
from tests.surveys.conftest import QUESTIONS, make_survey


def test_a_survey_made_from_a_benchmark_asks_one_question_per_indicator(db):
    benchmark = make_benchmark(("GG/A/1", "GG/A/2", "IE/L/1"), slug="charter-bench")

    survey = create_survey(year=2025, title="Survey 2025", deadline=dt.date(2025, 5, 1),
                           benchmarks=[benchmark])

    questions = list(survey.questions.order_by("position"))
    assert [q.code for q in questions] == [
        "charter-bench.GG_A_1", "charter-bench.GG_A_2", "charter-bench.IE_L_1"]
    assert questions[0].text == "Indicator GG/A/1."
    assert [q.indicator.code for q in questions] == ["GG/A/1", "GG/A/2", "IE/L/1"]
    assert [c.value for c in questions[0].choices.all()] == [
        "achieved", "in_progress", "aspiration", "not_applicable"]
    assert list(survey.benchmarks.all()) == [benchmark]


def test_a_toolkit_gives_a_question_per_key_factor_with_its_standard(toolkit):
    specs = benchmark_questions(toolkit)

    assert [s.code for s in specs][:2] == ["integrating-cities-participation-2014.KF1",
                                           "integrating-cities-participation-2014.KF2"]
    assert specs[0].text.startswith("The city council adopts an explicit city-wide strategy")
    assert specs[0].source == "integrating-cities-participation-2014:1:KF1"


def test_last_years_survey_is_the_starting_point(world):
    survey = create_survey(year=2027, title="Survey 2027", deadline=dt.date(2027, 4, 30),
                           copy_from=world.survey)

    assert definition_of(survey).questions == definition_of(world.survey).questions
    assert (survey.state, survey.copied_from) == (CharterSurvey.State.DRAFT, world.survey)


def test_one_survey_a_year(world):
    with pytest.raises(SurveyRefused, match="already a survey for 2026"):
        create_survey(year=2026, title="Again", deadline=dt.date(2026, 5, 1))


def test_questions_change_only_while_the_survey_is_a_draft(world):
    with pytest.raises(SurveyRefused, match="only while it is a draft"):
        add_question(survey=world.survey, spec=QuestionSpec("late", TEXT, "Late?"))


def test_a_question_with_a_condition_on_a_later_question_is_refused(db):
    survey = make_survey(2030, open_it=False)

    with pytest.raises(DefinitionRefused) as refused:
        add_question(survey=survey, spec=QuestionSpec(
            "extra", TEXT, "Extra", condition=Condition("nowhere", "equals", "x")))

    assert refused.value.problems == [
        "question 6 (extra): the condition refers to nowhere, which is no question here"]
    assert survey.questions.count() == 5


def test_a_question_that_others_depend_on_cannot_be_removed(db):
    survey = make_survey(2030, open_it=False)
    council = Question.objects.get(survey=survey, code="council")

    with pytest.raises(SurveyRefused, match="members"):
        delete_question(question=council, edit_count=council.edit_count)


def test_a_question_saved_over_a_newer_edit_is_refused_with_both_versions(db):
    survey = make_survey(2030, open_it=False)
    question = Question.objects.get(survey=survey, code="stations")
    spec = definition_of(survey).question("stations")
    update_question(question=question, spec=replace(spec, text="Which stations, now?"),
                    edit_count=0)

    with pytest.raises(EditConflict) as conflict:
        update_question(question=question, spec=replace(spec, text="Mine"), edit_count=0)

    text = next(f for f in conflict.value.edits[0].fields if f.name == "text")
    assert (text.saved, text.yours) == ("Which stations, now?", "Mine")


def test_opening_needs_questions_and_a_deadline_ahead(db):
    empty = create_survey(year=2031, title="Empty", deadline=dt.date(2031, 1, 1))
    with pytest.raises(SurveyRefused, match="no questions"):
        open_survey(survey=empty, today=dt.date(2030, 12, 1))
    late = make_survey(2032, open_it=False, deadline=dt.date(2032, 1, 1))
    with pytest.raises(SurveyRefused, match="has passed"):
        open_survey(survey=late, today=dt.date(2032, 2, 1))


def test_several_officers_save_drafts_and_the_second_save_from_an_old_edit_is_refused(world):
    response = response_of(world.survey, world.cities["lyon"])
    saved = save_draft(response=response, answers={"council": "yes", "members": "12"},
                       edit_count=response.edit_count, by_name="Claire")

    with pytest.raises(EditConflict) as conflict:
        save_draft(response=response, answers={"council": "no"}, edit_count=0,
                   by_name="A colleague")

    stale = conflict.value.edits[0]
    assert (stale.saved_by, stale.edit_count, stale.started_from) == ("Claire", 1, 0)
    assert [(f.name, f.saved, f.yours) for f in stale.fields] == [
        ("council", "Yes", "No"), ("members", "12", "")]
    assert answers_of(saved, definition_of(world.survey)) == {"council": "yes", "members": 12}


def test_a_submission_names_every_question_to_mend_and_writes_nothing(world):
    response = response_of(world.survey, world.cities["lyon"])

    with pytest.raises(AnswersRefused) as refused:
        submit_response(response=response, answers={"council": "yes", "members": "500",
                                                    "influence": "9"},
                        edit_count=response.edit_count, by_name="Claire")

    assert refused.value.problems == [
        "members “How many members has it?”: 500 is above the highest answer accepted, 200",
        "influence “How much does the council influence decisions?”: 9 is not a point of "
        "the scale from 1 to 5",
    ]
    response.refresh_from_db()
    assert (response.submitted_at, response.edit_count, Answer.objects.count()) == (None, 0, 0)


def test_a_submission_keeps_only_the_answers_shown_and_closes_the_response(world):
    response = response_of(world.survey, world.cities["milan"])

    submitted = submit_response(
        response=response, answers={"council": "no", "members": "12", "influence": "4",
                                    "channels": ["web"], "stations": "Radio Popolare"},
        edit_count=0, by_name="Marco", by_user=world["marco"])

    assert answers_of(submitted, definition_of(world.survey)) == {
        "council": "no", "influence": 4, "channels": ("web",)}
    assert (submitted.submitted_by_name, submitted.submitted_by) == ("Marco", world["marco"])
    with pytest.raises(SurveyRefused, match="submitted its answers"):
        save_draft(response=submitted, answers={}, edit_count=submitted.edit_count)
    reopened = reopen_response(response=submitted, edit_count=submitted.edit_count)
    assert reopened.submitted_at is None


def test_results_are_published_only_once_the_survey_is_closed(world):
    with pytest.raises(SurveyRefused, match="Close the survey"):
        publish_results(survey=world.survey, publication="per_city")

    closed = close_survey(survey=world.survey)
    published = publish_results(survey=closed, publication="aggregated")

    assert (published.publication, published.published_at is not None) == ("aggregated", True)
    assert publish_results(survey=published, publication="unpublished").published_at is None


def test_the_fixture_survey_has_every_kind(world):
    assert {q.kind for q in QUESTIONS} == {"scale", "single", "multiple", "number", "text"}
