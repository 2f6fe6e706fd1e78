"""/api/v1/reviews/<review>/initial-report/: the same report, rules and edit counts as the
pages."""

from decimal import Decimal

from django.core.management import call_command
from rest_framework.authtoken.models import Token

from citypeer.initialreports.domain.documents import add_document
from citypeer.initialreports.models import SelfAssessment
from tests.initialreports.conftest import PDF, fill_completely, upload


def base(world):
    return f"/api/v1/reviews/{world.review.pk}/initial-report/"


def entry_of(world, code):
    return SelfAssessment.objects.get(report=world.report, indicator__code=code)


def test_the_report_with_its_completeness(client, world):
    client.force_login(world.people.host)

    data = client.get(base(world)).json()

    assert {k: data[k] for k in ("review", "city", "benchmark", "state", "edit_count",
                                 "actions")} == {
        "review": world.review.pk, "city": "Helsinki", "benchmark": "small v1",
        "state": "draft", "edit_count": 0, "actions": ["edit", "submit"],
    }
    assert (data["completeness"]["percent"], data["completeness"]["checks"],
            len(data["completeness"]["missing"])) == (0, 19, 19)
    assert data["completeness"]["missing"][-1] == {
        "area": "self-assessment", "place": "IE/L/1",
        "problem": "no politically or operationally responsible person",
        "text": "IE/L/1: no politically or operationally responsible person",
    }


def test_provenance_patch_with_edit_count_and_conflict(client, world):
    client.force_login(world.people.host)

    saved = client.patch(base(world), {"drafted_by": "Office", "budget_eu": "120.50",
                                       "edit_count": 0}, content_type="application/json")
    stale = client.patch(base(world), {"drafted_by": "Someone else", "edit_count": 0},
                         content_type="application/json")
    missing = client.patch(base(world), {"drafted_by": "No edit count"},
                           content_type="application/json")

    assert saved.status_code == 200
    assert (saved.json()["drafted_by"], saved.json()["budget_eu"], saved.json()["edit_count"]) == (
        "Office", "120.50", 1
    )
    assert stale.status_code == 409
    (edit,) = stale.json()["edits"]
    assert (edit["what"], edit["started_from"], edit["edit_count"], edit["saved_by"]) == (
        "provenance and budgets", 0, 1, str(world.people.host))
    assert edit["fields"] == [{"name": "drafted_by", "label": "who drafted the report",
                               "saved": "Office", "yours": "Someone else"}]
    assert missing.status_code == 400
    assert missing.json() == {"edit_count": [
        "Give the edit count of the version you started from (a whole number)."]}
    world.report.refresh_from_db()
    assert (world.report.drafted_by, world.report.budget_eu) == ("Office", Decimal("120.50"))


def test_background_sections(client, world):
    client.force_login(world.people.host)

    saved = client.patch(f"{base(world)}background/5/", {"text": "'Migrants' means ...",
                                                          "edit_count": 0},
                         content_type="application/json")
    listed = client.get(f"{base(world)}background/").json()
    unknown = client.get(f"{base(world)}background/8/")

    assert saved.json() == {
        "kind": 5, "title": "Strategies, plans and actions, and how the municipality defines "
                            "'migrants'", "text": "'Migrants' means ...", "edit_count": 1,
    }
    assert [(s["kind"], s["edit_count"]) for s in listed] == [(k, int(k == 5)) for k in range(1, 8)]
    assert unknown.status_code == 404


def test_self_assessment_patch_keeps_what_is_not_sent(client, world):
    client.force_login(world.people.host)
    entry = entry_of(world, "GG/A/1")
    address = f"{base(world)}self-assessments/{entry.indicator_id}/"

    first = client.patch(address, {
        "status": "achieved", "evidence": "A committee.", "edit_count": 0,
        "politically_responsible": {"name": "Anna Virtanen", "role": "Deputy Mayor",
                                    "organisation": "City Council"},
    }, content_type="application/json")
    second = client.patch(address, {"how": "Every quarter.", "edit_count": 1},
                          content_type="application/json")
    stale = client.patch(address, {"status": "aspiration", "edit_count": 1},
                         content_type="application/json")
    bad = client.patch(address, {"status": "done", "edit_count": 2},
                       content_type="application/json")

    assert first.status_code == 200
    data = second.json()
    assert {k: data[k] for k in ("code", "status", "evidence", "how", "edit_count",
                                 "politically_responsible", "operationally_responsible")} == {
        "code": "GG/A/1", "status": "achieved", "evidence": "A committee.",
        "how": "Every quarter.", "edit_count": 2,
        "politically_responsible": {"name": "Anna Virtanen", "role": "Deputy Mayor",
                                    "organisation": "City Council"},
        "operationally_responsible": None,
    }
    assert stale.status_code == 409
    (edit,) = stale.json()["edits"]
    assert (edit["what"], edit["started_from"], edit["edit_count"]) == ("GG/A/1", 1, 2)
    assert edit["fields"] == [{"name": "status", "label": "status", "saved": "achieved",
                               "yours": "aspiration only"}]
    assert bad.status_code == 400
    assert bad.json() == {"status": ['"done" is not a valid choice.']}


def test_every_save_names_the_edit_count_it_started_from(client, world):
    client.force_login(world.people.host)
    entry = entry_of(world, "GG/A/1")

    answers = [client.patch(address, body, content_type="application/json") for address, body in (
        (f"{base(world)}background/1/", {"text": "No count."}),
        (f"{base(world)}self-assessments/{entry.indicator_id}/", {"status": "achieved"}),
        (f"{base(world)}self-assessments/{entry.indicator_id}/",
         {"status": "achieved", "edit_count": "one"}),
    )]

    assert [(a.status_code, list(a.json())) for a in answers] == [(400, ["edit_count"])] * 3
    entry.refresh_from_db()
    assert (entry.status, entry.edit_count) == ("", 0)


def test_people_documents_and_list(client, world):
    fill_completely(world)
    document = add_document(report=world.report, upload=upload("plan.pdf", PDF),
                            by=world.people.host, self_assessment=entry_of(world, "IE/L/1"))
    client.force_login(world.people.expert)

    people = client.get(f"{base(world)}people/").json()
    documents = client.get(f"{base(world)}documents/").json()
    entries = client.get(f"{base(world)}self-assessments/").json()
    file = client.get(documents[1]["file_url"])

    assert [(p["name"], p["politically_for"], p["operationally_for"]) for p in people] == [
        ("Anna Virtanen", ["GG/A/1", "GG/A/2", "IE/L/1"], []),
        ("Mika Laine", [], ["GG/A/1", "GG/A/2", "IE/L/1"]),
    ]
    assert [(d["title"], d["kind"], d["indicator"]) for d in documents] == [
        ("Structure of the municipality", "structure_diagram", None),
        ("plan.pdf", "supporting", "IE/L/1"),
    ]
    assert documents[1]["file_url"] == (
        f"http://testserver{base(world)}documents/{document.pk}/file/"
    )
    assert [e["code"] for e in entries] == ["GG/A/1", "GG/A/2", "IE/L/1"]
    assert entries[2]["documents"] == [document.pk]
    assert file.status_code == 200
    assert b"".join(file.streaming_content) == PDF
    assert (file["Content-Disposition"], file["X-Content-Type-Options"]) == (
        'attachment; filename="plan.pdf"', "nosniff"
    )


def test_transitions_through_the_api(client, world):
    transitions = f"{base(world)}transitions/"
    client.force_login(world.people.host)
    incomplete = client.post(transitions, {"action": "submit"}, content_type="application/json")
    fill_completely(world)
    submitted = client.post(transitions, {"action": "submit"}, content_type="application/json")
    client.force_login(world.people.coordinator)
    no_question = client.post(transitions, {"action": "return"}, content_type="application/json")
    returned = client.post(transitions, {"action": "return", "message": "Which year?"},
                           content_type="application/json")
    client.force_login(world.people.host)
    resubmitted = client.post(transitions, {"action": "resubmit", "message": "2008."},
                              content_type="application/json")

    assert incomplete.status_code == 400
    assert len(incomplete.json()["problems"]) == 19
    assert (submitted.status_code, submitted.json()["to_state"]) == (201, "submitted")
    assert no_question.json() == {"detail": "Say what the host city should clarify."}
    assert (returned.status_code, returned.json()["message"]) == (201, "Which year?")
    assert resubmitted.status_code == 201
    history = client.get(transitions).json()
    assert [(t["from_state"], t["to_state"]) for t in history] == [
        ("draft", "submitted"), ("submitted", "returned"), ("returned", "resubmitted"),
    ]


def test_a_locked_report_cannot_be_changed_through_the_api(client, world):
    fill_completely(world)
    client.force_login(world.people.host)
    client.post(f"{base(world)}transitions/", {"action": "submit"},
                content_type="application/json")

    response = client.patch(f"{base(world)}background/1/", {"text": "Later.", "edit_count": 1},
                            content_type="application/json")

    assert response.status_code == 403
    assert world.report.background_sections.get(kind=1).text == (
        "Section 1: what the peers need to know."
    )


def test_token_authentication_and_permissions(client, world):
    token = Token.objects.create(user=world.people.other_host)

    response = client.get(base(world), HTTP_AUTHORIZATION=f"Token {token.key}")

    assert response.status_code == 403


def test_openapi_schema_validates_without_warnings(tmp_path):
    schema = tmp_path / "schema.yaml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(schema))

    text = schema.read_text()
    assert "/api/v1/reviews/{review}/initial-report/self-assessments/{indicator}/:" in text
    assert "operationId: initial_report_transition_create" in text
