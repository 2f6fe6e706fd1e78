"""/api/v1/ for the survey, per role, with the 4xx answers the schema documents."""

import io

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from citypeer.surveys.domain.invitations import send_invitations
from citypeer.surveys.domain.surveys import close_survey, publish_results
from citypeer.surveys.models import CharterSurvey, CityResponse, Question
from tests.factories import make_city
from tests.surveys.conftest import link_with_token, make_signatory, make_survey

LYON = "/api/v1/surveys/2026/responses/lyon/"


@pytest.fixture
def api():
    def client(person=None):
        made = APIClient()
        if person is not None:
            made.force_authenticate(person)
        return made
    return client


@pytest.fixture
def invited(world):
    send_invitations(survey=world.survey)
    mail.outbox.clear()
    return world


@pytest.mark.parametrize(("who", "status"), [
    ("coordinator", 200), ("claire", 200), ("marco", 403), ("peer", 403), (None, 403)])
def test_who_reads_a_citys_answers(invited, api, who, status):
    assert api(invited[who] if who else None).get(LYON).status_code == status


def test_a_draft_needs_the_edit_count_it_started_from(invited, api):
    client = api(invited["claire"])

    missing = client.put(LYON, {"answers": {"council": "yes"}}, format="json")
    saved = client.put(LYON, {"answers": {"council": "yes", "members": 12},
                              "edit_count": 0}, format="json")
    stale = client.put(LYON, {"answers": {"council": "no"}, "edit_count": 0}, format="json")

    assert (missing.status_code, list(missing.json())) == (400, ["edit_count"])
    assert saved.status_code == 200
    assert saved.json()["answers"] == {"council": "yes", "members": 12}
    assert saved.json()["shown"] == ["council", "members", "influence", "channels"]
    assert stale.status_code == 409
    assert stale.json()["edits"][0]["fields"][0]["saved"] == "Yes"


def test_a_submission_out_of_range_is_refused_question_by_question(invited, api):
    refused = api(invited["claire"]).post(LYON + "submission/", {
        "answers": {"council": "yes", "members": 0, "influence": 7}, "edit_count": 0},
        format="json")

    assert refused.status_code == 400
    assert refused.json()["problems"] == [
        "members “How many members has it?”: 0 is below the lowest answer accepted, 1",
        "influence “How much does the council influence decisions?”: 7 is not a point of "
        "the scale from 1 to 5",
    ]


def test_the_personal_link_reads_saves_and_submits_without_an_account(invited, api):
    _response, token = link_with_token(invited.survey, invited.cities["milan"])
    client = api()

    read = client.get(f"/api/v1/survey-links/{token}/")
    saved = client.put(f"/api/v1/survey-links/{token}/", {
        "answers": {"council": "no"}, "edit_count": 0, "your_name": "Giulia"}, format="json")
    nameless = client.post(f"/api/v1/survey-links/{token}/submission/", {
        "answers": {"council": "no"}, "edit_count": 1}, format="json")
    done = client.post(f"/api/v1/survey-links/{token}/submission/", {
        "answers": {"council": "no"}, "edit_count": 1, "your_name": "Giulia"}, format="json")
    again = client.put(f"/api/v1/survey-links/{token}/", {
        "answers": {"council": "yes"}, "edit_count": 2}, format="json")

    assert (read.status_code, read.json()["city"]) == (200, "milan")
    assert saved.json()["saved_by_name"] == "Giulia"
    assert nameless.status_code == 409
    assert (done.status_code, done.json()["status"]) == (200, "submitted")
    assert again.status_code == 403
    assert client.get("/api/v1/survey-links/not-a-token/").status_code == 404


def test_the_coordinator_alone_manages_surveys(world, api):
    for who in ("claire", "peer"):
        client = api(world[who])
        assert client.post("/api/v1/surveys/", {"year": 2030, "title": "X",
                                                "deadline": "2030-05-01"}).status_code == 403
        assert client.get("/api/v1/surveys/2026/progress/").status_code == 403
        assert client.post("/api/v1/surveys/2026/invitations/", {}).status_code == 403
        assert client.get("/api/v1/signatories/").status_code == 403
    assert api().get("/api/v1/surveys/").status_code == 403

    client = api(world["coordinator"])
    made = client.post("/api/v1/surveys/", {"year": 2030, "title": "Survey 2030",
                                            "deadline": "2030-05-01",
                                            "start_from_previous": True}, format="json")
    assert made.status_code == 201
    assert [q["code"] for q in made.json()["questions"]] == [
        "council", "members", "influence", "channels", "stations"]
    assert made.json()["questions"][1]["relevant"] == "${council}='yes'"
    sent = client.post("/api/v1/surveys/2026/invitations/", {}, format="json")
    assert sent.json()["sent"] == ["Lyon", "Milan"]
    progress = client.get("/api/v1/surveys/2026/progress/").json()
    assert [(p["city"], p["status"], p["withdrawn"]) for p in progress] == [
        ("genoa", "not_invited", True), ("lyon", "invited", False), ("milan", "invited", False)]


def test_questions_change_through_the_api_with_their_edit_count(db, world, api):
    make_survey(2030, open_it=False)
    client = api(world["coordinator"])
    body = {"code": "stations", "kind": "text", "text": "Which stations, and in which "
            "languages?", "condition": {"question": "channels", "operator": "includes",
                                        "value": "radio"}}

    missing = client.put("/api/v1/surveys/2030/questions/stations/", body, format="json")
    saved = client.put("/api/v1/surveys/2030/questions/stations/", {**body, "edit_count": 0},
                       format="json")
    bad = client.post("/api/v1/surveys/2030/questions/", {
        "code": "x", "kind": "scale", "text": "X", "minimum": 5, "maximum": 1}, format="json")
    gone = client.delete("/api/v1/surveys/2030/questions/stations/?edit_count=1")

    assert missing.status_code == 400
    assert saved.json()["relevant"] == "selected(${channels}, 'radio')"
    assert (bad.status_code, bad.json()["problems"]) == (400, [
        "question 6 (x): a scale needs whole-number bounds, the lower below the upper"])
    assert gone.status_code == 204
    assert not Question.objects.filter(survey__year=2030, code="stations").exists()


def test_the_state_and_the_publication(world, api):
    client = api(world["coordinator"])

    early = client.post("/api/v1/surveys/2026/publication/", {"publication": "per_city"})
    closed = client.post("/api/v1/surveys/2026/state/", {"state": "closed"})
    published = client.post("/api/v1/surveys/2026/publication/", {"publication": "per_city"})

    assert early.status_code == 409
    assert closed.json()["state"] == "closed"
    assert published.json()["publication"] == "per_city"


def test_results_through_the_api_as_published(world, api):
    assert api().get("/api/v1/surveys/2026/results/").status_code == 404
    assert api(world["claire"]).get("/api/v1/surveys/2026/results/").status_code == 403
    assert api(world["coordinator"]).get("/api/v1/surveys/2026/results/").json()[
        "cities"] == []
    publish_results(survey=close_survey(survey=world.survey), publication="aggregated")

    public = api().get("/api/v1/surveys/2026/results/")
    data = api().get("/api/v1/surveys/2026/results/csv/")

    assert (public.status_code, public.json()["cities"]) == (200, None)
    assert data["Content-Type"] == "text/csv; charset=utf-8"
    assert api().get("/api/v1/surveys/trends/").json()["years"] == [2026]


def test_an_xlsform_import_through_the_api_is_all_or_nothing(db, world, api):
    make_survey(2030, open_it=False)
    client = api(world["coordinator"])
    exported = client.get("/api/v1/surveys/2026/xlsform/")
    upload = io.BytesIO(exported.content)
    upload.name = "form.xlsx"

    imported = client.post("/api/v1/surveys/2030/xlsform/", {"file": upload},
                           format="multipart")
    not_xlsx = io.BytesIO(b"type,name\n")
    not_xlsx.name = "form.xlsx"
    refused = client.post("/api/v1/surveys/2030/xlsform/", {"file": not_xlsx},
                          format="multipart")

    assert imported.status_code == 200
    assert [q["code"] for q in imported.json()["questions"]] == [
        "council", "members", "influence", "channels", "stations"]
    assert refused.status_code == 400
    assert CharterSurvey.objects.get(year=2030).questions.count() == 5


def test_the_progress_list_fetches_the_same_queries_for_one_city_or_several(world, api):
    client = api(world["coordinator"])
    with CaptureQueriesContext(connection) as one:
        client.get("/api/v1/surveys/2026/progress/")
    for slug in ("ghent", "riga", "turin"):
        make_signatory(make_city(slug))
    send_invitations(survey=world.survey)

    with CaptureQueriesContext(connection) as several:
        rows = client.get("/api/v1/surveys/2026/progress/").json()

    assert len(rows) == 6
    assert len(several.captured_queries) == len(one.captured_queries)
    assert CityResponse.objects.filter(invited_at__isnull=False).count() == 5


def test_the_schema_documents_the_survey_routes_with_their_refusals(world, api):
    schema = api(world["peer"]).get(
        "/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()

    paths = sorted(p for p in schema["paths"] if "survey" in p or "signator" in p)
    assert "/api/v1/survey-links/{token}/submission/" in paths
    submit = schema["paths"]["/api/v1/surveys/{year}/responses/{city}/submission/"]["post"]
    assert set(submit["responses"]) >= {"200", "400", "403", "404", "409"}
    assert "security" not in schema["paths"]["/api/v1/survey-links/{token}/"]["get"]
    assert schema["paths"]["/api/v1/surveys/"]["get"]["security"] == [
        {"cookieAuth": []}, {"tokenAuth": []}]
