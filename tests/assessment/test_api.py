"""The evidence API: record (once per client key), search, edit with conflicts, delete and
restore, assessments with conflicts, findings, good practices, exports."""

import io

from openpyxl import load_workbook
from rest_framework.test import APIClient

from citypeer.assessment.models import EvidenceItem


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def url(s, rest=""):
    return f"/api/v1/reviews/{s.review.pk}/{rest}"


def compared(response) -> dict:
    """The 409's one stale row, field by field: (saved, yours)."""
    (edit,) = response.data["edits"]
    return {f["name"]: (f["saved"], f["yours"]) for f in edit["fields"]}


def fact(s, interview, codes, direction="meets", **extra):
    return {"indicators": codes, "source": "interview", "interview": interview.pk,
            "kind": "fact", "direction": direction, "text": f"Interview {interview.number}.",
            **extra}


def test_record_then_send_again_then_search(world):
    s = world
    jb = api(s.people.jb)

    first = jb.post(url(s, "evidence/"), fact(s, s.interviews.i17, ["AC/I/3"],
                                               client_key="abcdefgh1"), format="json")
    again = jb.post(url(s, "evidence/"), fact(s, s.interviews.i17, ["AC/I/3"],
                                               client_key="abcdefgh1"), format="json")
    jb.post(url(s, "evidence/"), fact(s, s.interviews.i18, ["AC/A/1"], text="Budget line."),
            format="json")

    assert (first.status_code, again.status_code, again.data["id"]) == (201, 200,
                                                                        first.data["id"])
    assert first.data["references"] == ["AC/I/3 – Interview 17 – JB & FC"]
    assert (first.data["interviewee"], first.data["interviewee_name"]) == (
        f"P-{s.interviewees.chair.pk}", "Mira Chairwoman")
    found = jb.get(url(s, "evidence/"), {"q": "budget", "indicator": "AC/A/1"})
    assert [i["text"] for i in found.data] == ["Budget line."]
    assert jb.get(url(s, "evidence/"), {"kind": "rumour"}).status_code == 400


def test_bad_input_is_a_400_naming_the_field(world):
    s = world
    response = api(s.people.jb).post(url(s, "evidence/"), {
        "indicators": ["AC/I/3"], "source": "document", "kind": "fact", "text": "x"},
        format="json")

    assert response.status_code == 400
    assert list(response.data) == ["document"]


def test_edit_conflict_delete_and_restore(world):
    s = world
    jb, fc = api(s.people.jb), api(s.people.fc)
    item = jb.post(url(s, "evidence/"), fact(s, s.interviews.i17, ["AC/I/3"]),
                   format="json").data
    detail = url(s, f"evidence/{item['id']}/")

    assert fc.put(detail, fact(s, s.interviews.i17, ["AC/I/3"], text="Fay.", edit_count=1),
                  format="json").status_code == 200
    stale = jb.put(detail, fact(s, s.interviews.i17, ["AC/I/3"], text="Jan.", edit_count=1),
                   format="json")
    assert stale.status_code == 409
    assert compared(stale)["text"] == ("Fay.", "Jan.")
    assert (stale.data["edits"][0]["started_from"], stale.data["edits"][0]["edit_count"]) == (
        1, 2)

    assert jb.delete(detail + "?edit_count=1").status_code == 409
    assert jb.delete(detail + "?edit_count=2").status_code == 204
    assert jb.post(detail + "restore/").status_code == 403
    restored = api(s.people.coordinator).post(detail + "restore/")
    assert (restored.status_code, restored.data["text"], restored.data["edit_count"]) == (
        201, "Fay.", 3)


def test_assessments_with_proposal_final_colour_and_conflict(world):
    s = world
    jb, fc = api(s.people.jb), api(s.people.fc)
    for interview in (s.interviews.i18, s.interviews.i20):
        jb.post(url(s, "evidence/"), fact(s, interview, ["AC/A/1"]), format="json")

    listed = {a["indicator"]: a for a in jb.get(url(s, "assessments/")).data}
    assert (listed["AC/A/1"]["proposal"]["colour"], listed["AC/A/1"]["proposal"]["counted"],
            listed["AC/A/1"]["proposal"]["may_recommend"], listed["AC/A/1"]["final"]) == (
        "meets", [18, 20], True, None)

    one = url(s, "assessments/AC/A/1/")
    assert fc.put(one, {"colour": "inconclusive", "edit_count": 0},
                  format="json").status_code == 400
    saved = fc.put(one, {"colour": "inconclusive", "rationale": "Minutes disagree.",
                         "edit_count": 0}, format="json")
    assert (saved.status_code, saved.data["final"]["colour"], saved.data["differs"]) == (
        200, "inconclusive", True)
    late = jb.put(one, {"colour": "meets", "edit_count": 0}, format="json")
    assert (late.status_code, compared(late)["rationale"]) == (409, ("Minutes disagree.", ""))


def test_findings_and_good_practices(world):
    s = world
    jb = api(s.people.jb)
    item = jb.post(url(s, "evidence/"), fact(s, s.interviews.i17, ["AC/I/3"], "falls_short"),
                   format="json").data

    finding = jb.post(url(s, "findings/"), {
        "kind": "weakness", "text": "Rarely consulted.", "barriers": "No budget.",
        "indicators": ["AC/I/3"], "evidence": [item["id"]]}, format="json")
    practice = jb.post(url(s, "good-practices/"), {
        "title": "Cafés", "description": "Volunteers.", "indicators": ["WP/I/1"],
        "transferable": True}, format="json")

    assert (finding.status_code, finding.data["trail"]) == (
        201, ["AC/I/3 – Interview 17 – JB & FC"])
    assert (practice.status_code, practice.data["transferable"]) == (201, True)
    assert jb.put(url(s, f"findings/{finding.data['id']}/"), {
        "kind": "weakness", "text": "Changed.", "edit_count": 0},
        format="json").status_code == 409
    assert jb.delete(url(s, f"good-practices/{practice.data['id']}/?edit_count=1")
                     ).status_code == 204
    assert api(s.people.coordinator).post(
        url(s, f"good-practices/{practice.data['id']}/restore/")).status_code == 201


def test_exports_through_the_api(world):
    s = world
    jb = api(s.people.jb)
    jb.post(url(s, "evidence/"), fact(s, s.interviews.i17, ["AC/I/3"]), format="json")

    xlsx = jb.get(url(s, "evidence/export/xlsx/"))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active

    assert [c.value for c in sheet[3]][:2] == [EvidenceItem.objects.get().pk, "AC/I/3"]
    assert jb.get(url(s, "evidence/export/qdpx/"))["Content-Type"] == "application/zip"
    assert jb.get(url(s, "evidence/export/pdf/")).status_code == 404


def test_every_change_needs_the_edit_count_it_started_from(world):
    s = world
    jb = api(s.people.jb)
    item = jb.post(url(s, "evidence/"), fact(s, s.interviews.i17, ["AC/I/3"]),
                   format="json").data
    finding = jb.post(url(s, "findings/"), {"kind": "strength", "text": "Works."},
                      format="json").data
    practice = jb.post(url(s, "good-practices/"), {
        "title": "Cafés", "description": "Volunteers.", "indicators": ["WP/I/1"]},
        format="json").data
    changes = {
        "evidence PUT": ("put", f"evidence/{item['id']}/",
                         fact(s, s.interviews.i17, ["AC/I/3"], text="Changed.")),
        "evidence DELETE": ("delete", f"evidence/{item['id']}/", None),
        "assessment PUT": ("put", "assessments/AC/I/3/", {"colour": "not_assessed"}),
        "finding PUT": ("put", f"findings/{finding['id']}/", {"kind": "strength",
                                                              "text": "Changed."}),
        "finding DELETE": ("delete", f"findings/{finding['id']}/", None),
        "good practice PUT": ("put", f"good-practices/{practice['id']}/", {
            "title": "Changed", "description": "Changed.", "indicators": ["WP/I/1"]}),
        "good practice DELETE": ("delete", f"good-practices/{practice['id']}/", None),
    }

    answers = {name: getattr(jb, method)(url(s, path), body, format="json")
               for name, (method, path, body) in changes.items()}

    assert {name: (r.status_code, list(r.data)) for name, r in answers.items()} == {
        name: (400, ["edit_count"]) for name in changes}
    assert (item["edit_count"], finding["edit_count"], practice["edit_count"]) == (1, 1, 1)


def test_a_stale_finding_or_good_practice_is_a_409_with_both_versions(world):
    s = world
    jb, fc = api(s.people.jb), api(s.people.fc)
    finding = jb.post(url(s, "findings/"), {"kind": "strength", "text": "Works."},
                      format="json").data
    practice = jb.post(url(s, "good-practices/"), {
        "title": "Cafés", "description": "Volunteers.", "indicators": ["WP/I/1"]},
        format="json").data
    fc.put(url(s, f"findings/{finding['id']}/"), {"kind": "strength", "text": "Fay's.",
                                                  "edit_count": 1}, format="json")
    fc.put(url(s, f"good-practices/{practice['id']}/"), {
        "title": "Fay's cafés", "description": "Volunteers.", "indicators": ["WP/I/1"],
        "edit_count": 1}, format="json")

    stale_finding = jb.put(url(s, f"findings/{finding['id']}/"), {
        "kind": "strength", "text": "Jan's.", "edit_count": 1}, format="json")
    stale_practice = jb.put(url(s, f"good-practices/{practice['id']}/"), {
        "title": "Jan's cafés", "description": "Volunteers.", "indicators": ["WP/I/1"],
        "edit_count": 1}, format="json")
    stale_delete = jb.delete(url(s, f"findings/{finding['id']}/?edit_count=1"))

    assert (stale_finding.status_code, compared(stale_finding)["text"]) == (
        409, ("Fay's.", "Jan's."))
    assert (stale_practice.status_code, compared(stale_practice)["title"]) == (
        409, ("Fay's cafés", "Jan's cafés"))
    assert (stale_delete.status_code, stale_delete.data["edits"][0]["edit_count"]) == (409, 2)
