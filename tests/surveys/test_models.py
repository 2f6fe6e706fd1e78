"""What the rows keep on their own: a survey is removed with its questions, whatever their
conditions; a question others depend on is not removed alone."""

import pytest
from django.db.models import RestrictedError

from citypeer.surveys.models import CharterSurvey, Question


def test_a_survey_is_deleted_with_its_conditional_questions(world):
    world.survey.delete()

    assert (CharterSurvey.objects.count(), Question.objects.count()) == (0, 0)


def test_a_question_that_a_condition_depends_on_is_not_deleted_alone(world):
    with pytest.raises(RestrictedError):
        Question.objects.get(survey=world.survey, code="council").delete()
