"""The coordinator's pages: the register, a year's survey, its questions, XLSForm, sending,
publishing; and that nobody else opens them."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook

from citypeer.surveys.domain.definitions import definition_of
from citypeer.surveys.models import CharterSurvey, Question, Signatory
from tests.factories import make_city
from tests.surveys.conftest import make_signatory, make_survey

COORDINATOR_PAGES = ["/surveys/2026/", "/surveys/new/", "/surveys/signatories/",
                     "/surveys/signatories/lyon/", "/surveys/2026/xlsform/"]


@pytest.mark.parametrize("path", COORDINATOR_PAGES)
def test_only_the_coordinator_opens_the_coordinators_pages(world, as_user, path):
    assert as_user(world["coordinator"]).get(path).status_code == 200
    assert as_user(world["claire"]).get(path).status_code == 403
    assert as_user(world["peer"]).get(path).status_code == 403
    assert as_user(None).get(path).status_code == 302


def test_the_coordinator_adds_a_signatory_and_edits_it_from_its_edit_count(world, as_user):
    client = as_user(world["coordinator"])
    added = client.post("/surveys/signatories/", {
        "city": world.cities["oslo"].pk, "signed_on": "2012-06-01", "contact_name": "Ola",
        "contact_email": "ola@oslo.example.org", "contact_language": "en"})
    assert added.status_code == 302
    data = {"signed_on": "2012-06-01", "contact_name": "Ola Nordmann",
            "contact_email": "ola@oslo.example.org", "contact_language": "en", "edit_count": 0}

    assert client.post("/surveys/signatories/oslo/", data).status_code == 302
    stale = client.post("/surveys/signatories/oslo/", {**data, "contact_name": "Other"})

    assert stale.status_code == 409
    assert Signatory.objects.get(city__slug="oslo").contact_name == "Ola Nordmann"


def test_a_survey_started_from_last_years(world, as_user):
    client = as_user(world["coordinator"])

    made = client.post("/surveys/new/", {
        "year": 2027, "title": "Survey 2027", "deadline": "2027-04-30", "language": "en",
        "start_from_previous": "on"})

    assert (made.status_code, made["Location"]) == (302, "/surveys/2027/")
    survey = CharterSurvey.objects.get(year=2027)
    assert definition_of(survey).questions == definition_of(world.survey).questions


def test_the_coordinator_adds_a_conditional_question(db, world, as_user):
    make_survey(2030, open_it=False)
    client = as_user(world["coordinator"])

    added = client.post("/surveys/2030/questions/new/", {
        "code": "partners", "kind": "multiple", "text": "Which partners?", "minimum": "1",
        "maximum": "5", "low_label": "none",
        "choices": "ngo = NGOs\nschools = Schools", "condition_on": "council",
        "condition_value": "yes", "edit_count": ""})
    refused = client.post("/surveys/2030/questions/new/", {
        "code": "later", "kind": "text", "text": "Why?", "condition_on": "council",
        "condition_value": "perhaps"})

    assert added.status_code == 302
    question = Question.objects.get(survey__year=2030, code="partners")
    assert (question.condition_on.code, question.condition_operator,
            question.condition_value) == ("council", "equals", "yes")
    assert refused.status_code == 400
    assert "perhaps is not a choice of council" in refused.content.decode()
    # The form starts as a scale from 1 to 5; a choice question keeps no bounds.
    assert (question.minimum, question.maximum, question.low_label) == (None, None, "")


def test_the_survey_is_opened_sent_closed_and_published_from_its_page(db, world, as_user):
    make_survey(2030, open_it=False, deadline=dt.date.today() + dt.timedelta(days=30))
    client = as_user(world["coordinator"])

    client.post("/surveys/2030/state/", {"action": "open"})
    client.post("/surveys/2030/invitations/")
    page = client.get("/surveys/2030/")
    client.post("/surveys/2030/state/", {"action": "close"})
    client.post("/surveys/2030/publication/", {"publication": "aggregated"})

    assert len(mail.outbox) == 2
    assert b'data-testid="progress-lyon"' in page.content
    assert "invited, not started" in page.content.decode()
    survey = CharterSurvey.objects.get(year=2030)
    assert (survey.state, survey.publication) == ("closed", "aggregated")


def xlsx(rows) -> io.BytesIO:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.active.title = "survey"
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = "form.xlsx"
    return buffer


def test_an_xlsform_with_problems_is_refused_with_their_cells_and_nothing_changes(db, world,
                                                                                  as_user):
    make_survey(2030, open_it=False)
    client = as_user(world["coordinator"])

    refused = client.post("/surveys/2030/xlsform/import/", {"file": xlsx([
        ("type", "name", "label"), ("text", "fine", "Fine"), ("geopoint", "where", "Where?")])})

    assert refused.status_code == 400
    assert ("sheet survey, row 3, column A (type): geopoint is not a question type citypeer "
            "knows") in refused.content.decode()
    assert Question.objects.filter(survey__year=2030).count() == 5


def test_the_exported_xlsform_imports_back_through_the_page(db, world, as_user):
    make_survey(2030, open_it=False)
    client = as_user(world["coordinator"])
    exported = client.get("/surveys/2026/xlsform/").content
    upload = io.BytesIO(exported)
    upload.name = "charter-survey-2026.xlsx"

    imported = client.post("/surveys/2030/xlsform/import/", {"file": upload})

    assert imported.status_code == 302
    assert definition_of(CharterSurvey.objects.get(year=2030)).questions == \
        definition_of(world.survey).questions


def test_the_index_fetches_the_same_queries_for_one_survey_or_several(world, as_user):
    client = as_user(world["coordinator"])
    with CaptureQueriesContext(connection) as one:
        client.get("/surveys/")
    for year in (2027, 2028, 2029):
        make_survey(year, open_it=False)

    with CaptureQueriesContext(connection) as several:
        page = client.get("/surveys/")

    assert page.content.count(b'href="/surveys/20') >= 4
    assert len(several.captured_queries) == len(one.captured_queries)


def test_the_survey_page_and_the_register_fetch_the_same_queries_whatever_their_size(
        world, as_user):
    client = as_user(world["coordinator"])
    with CaptureQueriesContext(connection) as one_page:
        client.get("/surveys/2026/")
    with CaptureQueriesContext(connection) as one_register:
        client.get("/surveys/signatories/")
    for slug in ("oslo", "ghent", "riga", "turin"):
        make_signatory(make_city(slug))

    with CaptureQueriesContext(connection) as several_page:
        client.get("/surveys/2026/")
    with CaptureQueriesContext(connection) as several_register:
        client.get("/surveys/signatories/")

    assert len(several_page.captured_queries) == len(one_page.captured_queries)
    assert len(several_register.captured_queries) == len(one_register.captured_queries)
