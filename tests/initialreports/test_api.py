"""/api/v1/reviews/<review>/initial-report/: the same report, rules and revisions as the
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


def test_the_report_with_its_completeness(client, small):
    client.force_login(small.people.host)

    data = client.get(base(small)).json()

    assert {k: data[k] for k in ("review", "city", "benchmark", "state", "revision",
                                 "actions")} == {
        "review": small.review.pk, "city": "Helsinki", "benchmark": "small v1",
        "state": "draft", "revision": 0, "actions": ["edit", "submit"],
    }
    assert (data["completeness"]["percent"], data["completeness"]["checks"],
            len(data["completeness"]["missing"])) == (0, 19, 19)
    assert data["completeness"]["missing"][-1] == {
        "area": "self-assessment", "place": "IE/L/1",
        "problem": "no politically or operationally responsible person",
        "text": "IE/L/1: no politically or operationally responsible person",
    }


def test_provenance_patch_with_revision_and_conflict(client, small):
    client.force_login(small.people.host)

    saved = client.patch(base(small), {"drafted_by": "Office", "budget_eu": "120.50",
                                       "revision": 0}, content_type="application/json")
    stale = client.patch(base(small), {"drafted_by": "Someone else", "revision": 0},
                         content_type="application/json")
    missing = client.patch(base(small), {"drafted_by": "No revision"},
                           content_type="application/json")

    assert saved.status_code == 200
    assert (saved.json()["drafted_by"], saved.json()["budget_eu"], saved.json()["revision"]) == (
        "Office", "120.50", 1
    )
    assert stale.status_code == 409
    assert stale.json()["conflicts"][0]["yours"] == {"drafted_by": "Someone else"}
    assert stale.json()["conflicts"][0]["theirs"] == {"drafted_by": "Office"}
    assert missing.status_code == 400
    assert missing.json() == {"revision": ["This field is required."]}
    small.report.refresh_from_db()
    assert (small.report.drafted_by, small.report.budget_eu) == ("Office", Decimal("120.50"))


def test_background_sections(client, small):
    client.force_login(small.people.host)

    saved = client.patch(f"{base(small)}background/5/", {"text": "'Migrants' means ...",
                                                          "revision": 0},
                         content_type="application/json")
    listed = client.get(f"{base(small)}background/").json()
    unknown = client.get(f"{base(small)}background/8/")

    assert saved.json() == {
        "kind": 5, "title": "Strategies, plans and actions, and how the municipality defines "
                            "'migrants'", "text": "'Migrants' means ...", "revision": 1,
    }
    assert [(s["kind"], s["revision"]) for s in listed] == [(k, int(k == 5)) for k in range(1, 8)]
    assert unknown.status_code == 404


def test_self_assessment_patch_keeps_what_is_not_sent(client, small):
    client.force_login(small.people.host)
    entry = entry_of(small, "GG/A/1")
    address = f"{base(small)}self-assessments/{entry.indicator_id}/"

    first = client.patch(address, {
        "status": "achieved", "evidence": "A committee.", "revision": 0,
        "politically_responsible": {"name": "Anna Virtanen", "role": "Deputy Mayor",
                                    "organisation": "City Council"},
    }, content_type="application/json")
    second = client.patch(address, {"how": "Every quarter.", "revision": 1},
                          content_type="application/json")
    stale = client.patch(address, {"status": "aspiration", "revision": 1},
                         content_type="application/json")
    bad = client.patch(address, {"status": "done", "revision": 2},
                       content_type="application/json")

    assert first.status_code == 200
    data = second.json()
    assert {k: data[k] for k in ("code", "status", "evidence", "how", "revision",
                                 "politically_responsible", "operationally_responsible")} == {
        "code": "GG/A/1", "status": "achieved", "evidence": "A committee.",
        "how": "Every quarter.", "revision": 2,
        "politically_responsible": {"name": "Anna Virtanen", "role": "Deputy Mayor",
                                    "organisation": "City Council"},
        "operationally_responsible": None,
    }
    assert stale.status_code == 409
    assert (stale.json()["conflicts"][0]["what"], stale.json()["conflicts"][0]["current_revision"]
            ) == ("GG/A/1", 2)
    assert bad.status_code == 400
    assert bad.json() == {"status": ['"done" is not a valid choice.']}


def test_people_documents_and_list(client, small):
    fill_completely(small)
    document = add_document(report=small.report, upload=upload("plan.pdf", PDF),
                            by=small.people.host, self_assessment=entry_of(small, "IE/L/1"))
    client.force_login(small.people.expert)

    people = client.get(f"{base(small)}people/").json()
    documents = client.get(f"{base(small)}documents/").json()
    entries = client.get(f"{base(small)}self-assessments/").json()
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
        f"http://testserver{base(small)}documents/{document.pk}/file/"
    )
    assert [e["code"] for e in entries] == ["GG/A/1", "GG/A/2", "IE/L/1"]
    assert entries[2]["documents"] == [document.pk]
    assert file.status_code == 200
    assert b"".join(file.streaming_content) == PDF
    assert (file["Content-Disposition"], file["X-Content-Type-Options"]) == (
        'attachment; filename="plan.pdf"', "nosniff"
    )


def test_transitions_through_the_api(client, small):
    transitions = f"{base(small)}transitions/"
    client.force_login(small.people.host)
    incomplete = client.post(transitions, {"action": "submit"}, content_type="application/json")
    fill_completely(small)
    submitted = client.post(transitions, {"action": "submit"}, content_type="application/json")
    client.force_login(small.people.coordinator)
    no_question = client.post(transitions, {"action": "return"}, content_type="application/json")
    returned = client.post(transitions, {"action": "return", "message": "Which year?"},
                           content_type="application/json")
    client.force_login(small.people.host)
    resubmitted = client.post(transitions, {"action": "resubmit", "message": "2008."},
                              content_type="application/json")

    assert incomplete.status_code == 400
    assert len(incomplete.json()["missing"]) == 19
    assert (submitted.status_code, submitted.json()["to_state"]) == (201, "submitted")
    assert no_question.json() == {"detail": "Say what the host city should clarify."}
    assert (returned.status_code, returned.json()["message"]) == (201, "Which year?")
    assert resubmitted.status_code == 201
    history = client.get(transitions).json()
    assert [(t["from_state"], t["to_state"]) for t in history] == [
        ("draft", "submitted"), ("submitted", "returned"), ("returned", "resubmitted"),
    ]


def test_a_locked_report_cannot_be_changed_through_the_api(client, small):
    fill_completely(small)
    client.force_login(small.people.host)
    client.post(f"{base(small)}transitions/", {"action": "submit"},
                content_type="application/json")

    response = client.patch(f"{base(small)}background/1/", {"text": "Later.", "revision": 1},
                            content_type="application/json")

    assert response.status_code == 403
    assert small.report.background_sections.get(kind=1).text == (
        "Section 1: what the peers need to know."
    )


def test_token_authentication_and_permissions(client, small):
    token = Token.objects.create(user=small.people.other_host)

    response = client.get(base(small), HTTP_AUTHORIZATION=f"Token {token.key}")

    assert response.status_code == 403


def test_openapi_schema_validates_without_warnings(tmp_path):
    schema = tmp_path / "schema.yaml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(schema))

    text = schema.read_text()
    assert "/api/v1/reviews/{review}/initial-report/self-assessments/{indicator}/:" in text
    assert "operationId: initial_report_transition_create" in text
