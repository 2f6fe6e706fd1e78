"""The pages: fast entry, the bank, one item, the assessment and its conflict page, findings,
good practices, the audit trail with restore, exports read back, and query counts."""

import csv
import io
import zipfile

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from citypeer.assessment.domain.assessments import set_final_colour
from citypeer.assessment.domain.evidence import delete_evidence, edit_evidence, record_evidence
from citypeer.assessment.domain.findings import save_finding
from citypeer.assessment.models import Assessment, EvidenceItem, Finding
from citypeer.practices.models import GoodPractice
from tests.assessment.conftest import interview_fact


def base(s):
    return f"/reviews/{s.review.pk}/assessment/"


def add(s, interview, codes, direction="meets", **kw):
    return record_evidence(review=s.review, by=s.people.jb,
                           **interview_fact(s, interview, codes, direction, **kw))[0]


def test_fast_entry_opens_on_the_chosen_interview_with_its_indicators(client, world):
    s = world
    client.force_login(s.people.jb)

    response = client.get(base(s) + f"evidence/record/?interview={s.interviews.i17.pk}")

    assert response.status_code == 200
    assert [r["indicator"].code for r in response.context["focus_rows"]] == ["AC/A/1",
                                                                            "AC/I/3"]
    assert response.context["interview"] == s.interviews.i17


def test_fast_entry_saves_by_json_once_per_client_key(client, world):
    s = world
    client.force_login(s.people.jb)
    data = {"indicators": ["AC/A/1"], "source": "interview",
            "interview": s.interviews.i18.pk, "text": "Meets every month.", "kind": "fact",
            "direction": "meets", "client_key": "draft-0001"}

    first = client.post(base(s) + "evidence/record/", data, HTTP_ACCEPT="application/json")
    again = client.post(base(s) + "evidence/record/", data, HTTP_ACCEPT="application/json")

    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["references"] == ["AC/A/1 – Interview 18 – JB & FC"]
    assert first.json()["proposals"]["AC/A/1"]["code"] == "inconclusive"
    assert EvidenceItem.objects.count() == 1


def test_fast_entry_refusal_names_the_field(client, world):
    s = world
    client.force_login(s.people.jb)
    response = client.post(base(s) + "evidence/record/", {
        "source": "interview", "interview": s.interviews.i18.pk, "text": "x", "kind": "fact",
        "direction": "meets"}, HTTP_ACCEPT="application/json")

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["indicators"]


def test_the_bank_searches_and_shows_identities_to_the_team(client, world):
    s = world
    add(s, s.interviews.i17, ["AC/I/3"], text="Rarely consulted.")
    add(s, s.interviews.i18, ["AC/A/1"], text="Own budget.")
    client.force_login(s.people.fc)

    response = client.get(base(s) + "evidence/", {"q": "budget"})

    assert [r["item"].text for r in response.context["rows"]] == ["Own budget."]
    assert "Olaf Officer" in response.content.decode()


def test_two_peers_edit_the_same_assessment_the_second_gets_the_conflict_page(
        client, world):
    s = world
    url = base(s) + "indicators/AC/A/1/"
    set_final_colour(review=s.review, indicator=s.indicators["AC/A/1"], colour="not_assessed",
                     rationale="", edit_count=0, by=s.people.jb)
    client.force_login(s.people.fc)
    assert client.post(url, {"colour": "meets", "rationale": "Fay saw the minutes.",
                             "edit_count": 1}).status_code == 302
    client.force_login(s.people.jb)

    response = client.post(url, {"colour": "falls_short", "rationale": "Jan heard otherwise.",
                                 "edit_count": 1})

    assert response.status_code == 409
    page = response.content.decode()
    assert "Fay saw the minutes." in page
    assert "Jan heard otherwise." in page
    (edit,) = response.context["conflict"].edits
    assert [(f.saved_text, f.yours_text) for f in edit.fields] == [
        ("meets or surpasses (green)", "falls short (red)"),
        ("Fay saw the minutes.", "Jan heard otherwise.")]
    assert 'name="edit_count" value="2"' in page
    saved = Assessment.objects.get()
    assert (saved.colour, saved.rationale, saved.edit_count) == ("meets",
                                                                 "Fay saw the minutes.", 2)


def test_the_indicator_page_shows_proposal_and_final_colour_where_they_differ(client, world):
    s = world
    add(s, s.interviews.i18, ["AC/A/1"], "meets")
    add(s, s.interviews.i20, ["AC/A/1"], "meets")
    set_final_colour(review=s.review, indicator=s.indicators["AC/A/1"], colour="inconclusive",
                     rationale="The minutes contradict it.", edit_count=0, by=s.people.jb)
    client.force_login(s.people.ex)

    response = client.get(base(s) + "indicators/AC/A/1/")

    assert (response.context["proposal_colour"]["code"],
            response.context["final_colour"]["code"], response.context["current"].differs,
            response.context["counted_numbers"]) == ("meets", "inconclusive", True, [18, 20])
    assert "differs from the proposal" in response.content.decode()


def test_the_matrix_links_each_cell_to_its_evidence(client, world):
    s = world
    client.force_login(s.people.jb)
    response = client.get(base(s))
    page = response.content.decode()

    assert f"{base(s)}evidence/?pillar=AC&amp;value=I" in page
    cell = client.get(base(s) + "evidence/", {"pillar": "AC", "value": "I"})
    assert cell.status_code == 200


def test_findings_with_barriers_and_their_trail(client, world):
    s = world
    item = add(s, s.interviews.i17, ["AC/I/3"], "falls_short")
    client.force_login(s.people.jb)

    response = client.post(base(s) + "findings/", {
        "kind": "weakness", "text": "Rarely consulted.", "barriers": "No budget.",
        "indicators": ["AC/I/3"], "evidence": [item.pk], "edit_count": 0})

    finding = Finding.objects.get()
    assert response.status_code == 302
    page = client.get(base(s) + "findings/").content.decode()
    assert "AC/I/3 – Interview 17 – JB &amp; FC" in page
    assert (finding.barriers, [e.pk for e in finding.evidence.all()]) == ("No budget.",
                                                                         [item.pk])


def test_good_practices_from_the_page(client, world):
    s = world
    client.force_login(s.people.fc)
    response = client.post(base(s) + "practices/", {
        "title": "Language cafés", "description": "Volunteers teach.", "indicators": ["WP/I/1"],
        "transferable": "on", "edit_count": 0})

    assert response.status_code == 302
    practice = GoodPractice.objects.get()
    assert (practice.title, practice.transferable, practice.review) == ("Language cafés", True,
                                                                         s.review)


def test_audit_trail_shows_deleted_items_and_the_coordinator_restores(client, world):
    s = world
    item = add(s, s.interviews.i17, ["AC/I/3"], text="To be deleted.")
    delete_evidence(item=item, by=s.people.fc, edit_count=1)

    client.force_login(s.people.jb)
    team_view = client.get(base(s) + "audit/")
    assert [d.label for d in team_view.context["deleted"]] == ["To be deleted."]
    assert client.post(base(s) + f"audit/restore/evidence/{item.pk}/").status_code == 403

    client.force_login(s.people.coordinator)
    entries = client.get(base(s) + "audit/").context["entries"]
    assert [(e.action, e.who) for e in entries] == [("-", str(s.people.fc)),
                                                    ("+", str(s.people.jb))]
    client.post(base(s) + f"audit/restore/evidence/{item.pk}/")

    assert EvidenceItem.objects.get().text == "To be deleted."
    assert client.get(base(s) + "audit/").context["deleted"] == []


def test_an_items_history_says_what_changed(client, world):
    s = world
    item = add(s, s.interviews.i17, ["AC/I/3"], text="First.")
    client.force_login(s.people.fc)
    data = {"indicators": ["AC/I/3", "AC/A/1"], "source": "interview",
            "interview": s.interviews.i17.pk, "text": "Second.", "kind": "fact",
            "direction": "meets", "edit_count": 1}
    assert client.post(base(s) + f"evidence/items/{item.pk}/", data).status_code == 302

    trail = client.get(base(s) + f"evidence/items/{item.pk}/").context["trail"]

    assert [(c.field, c.old, c.new) for c in trail[0].changes] == [
        ("text", "First.", "Second."), ("indicators", "AC/I/3", "AC/A/1, AC/I/3")]
    stale = client.post(base(s) + f"evidence/items/{item.pk}/", {**data, "text": "Third."})
    assert stale.status_code == 409
    assert EvidenceItem.objects.get().text == "Second."


def test_a_stale_finding_shows_both_versions_and_saving_again_replaces_knowingly(
        client, world):
    s = world
    finding = save_finding(review=s.review, by=s.people.jb, kind="strength", text="Works.")
    save_finding(review=s.review, by=s.people.fc, finding=finding, edit_count=1,
                 kind="strength", text="Fay's.")
    client.force_login(s.people.jb)
    page = base(s) + f"findings/{finding.pk}/"
    mine = {"kind": "strength", "text": "Jan's.", "edit_count": 1}

    stale = client.post(page, mine)

    (edit,) = stale.context["conflict"].edits
    assert (stale.status_code, [(f.name, f.saved, f.yours) for f in edit.fields if f.differs]
            ) == (409, [("text", "Fay's.", "Jan's.")])
    assert 'name="edit_count" value="2"' in stale.content.decode()
    assert client.post(page, {**mine, "edit_count": 2}).status_code == 302
    assert Finding.objects.get().text == "Jan's."


def test_a_stale_deletion_from_the_page_deletes_nothing_and_says_why(client, world):
    s = world
    item = add(s, s.interviews.i17, ["AC/I/3"], text="First.")
    edit_evidence(item=item, by=s.people.fc, edit_count=1,
                  **interview_fact(s, s.interviews.i17, ["AC/I/3"], text="Second."))
    client.force_login(s.people.jb)

    response = client.post(base(s) + f"evidence/items/{item.pk}/delete/", {"edit_count": 1})

    assert (response.status_code, response["Location"]) == (
        302, base(s) + f"evidence/items/{item.pk}/")
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        f"Someone else saved evidence #{item.pk} after you opened it; nothing of yours was "
        "saved."]
    assert EvidenceItem.objects.get().text == "Second."


def _bank(s):
    add(s, s.interviews.i17, ["AC/I/3", "AC/A/1"], "falls_short",
        text="Consulted once – since January.")
    record_evidence(review=s.review, by=s.people.fc, indicators=["WP/A/1"], source="document",
                    document="Personnel plan", page="4", kind="fact", direction="meets",
                    interviewers="FC", text="Hiring targets, 12 %.")
    return list(EvidenceItem.objects.order_by("pk"))


def test_the_xlsx_export_reads_back_to_the_same_items(client, world):
    s = world
    items = _bank(s)
    client.force_login(s.people.jb)

    response = client.get(base(s) + "evidence/export/xlsx/")

    sheet = load_workbook(io.BytesIO(response.content)).active
    keys = [c.value for c in sheet[1]]
    rows = [dict(zip(keys, [c.value for c in row], strict=True))
            for row in sheet.iter_rows(min_row=3)]
    assert [(r["id"], r["indicators"], r["text"], r["kind"], r["direction"], r["source"],
             r["interview"], r["interviewee_name"], r["document"], r["page"])
            for r in rows] == [
        (items[0].pk, "AC/A/1, AC/I/3", "Consulted once – since January.", "fact",
         "falls_short", "interview", 17, "Mira Chairwoman", None, None),
        (items[1].pk, "WP/A/1", "Hiring targets, 12 %.", "fact", "meets", "document", None,
         None, "Personnel plan", "4"),
    ]


def test_the_csv_export_reads_back_to_the_same_items(client, world):
    s = world
    items = _bank(s)
    client.force_login(s.people.coordinator)

    response = client.get(base(s) + "evidence/export/csv/")

    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(int(r["id"]), r["indicators"], r["text"], r["references"]) for r in rows] == [
        (items[0].pk, "AC/A/1, AC/I/3", "Consulted once – since January.",
         "AC/A/1 – Interview 17 – JB & FC\nAC/I/3 – Interview 17 – JB & FC"),
        (items[1].pk, "WP/A/1", "Hiring targets, 12 %.",
         "WP/A/1 – Document “Personnel plan”, p. 4 – FC"),
    ]


def test_the_qdpx_and_qdc_downloads(client, world):
    s = world
    _bank(s)
    client.force_login(s.people.jb)

    project = zipfile.ZipFile(io.BytesIO(client.get(base(s) + "evidence/export/qdpx/").content))
    codebook = client.get(base(s) + "evidence/export/qdc/")

    assert "project.qde" in project.namelist()
    assert len([n for n in project.namelist() if n.startswith("Sources/")]) == 2
    assert codebook.content.startswith(b"<?xml")
    assert b"urn:QDA-XML:codebook:1.0" in codebook.content


@pytest.mark.parametrize("path", ["evidence/", "", "audit/", "findings/"])
def test_pages_take_as_many_queries_for_one_item_as_for_several(client, world, path):
    s = world
    client.force_login(s.people.jb)
    add(s, s.interviews.i17, ["AC/I/3"])
    with CaptureQueriesContext(connection) as one:
        assert client.get(base(s) + path).status_code == 200
    for interview in (s.interviews.i18, s.interviews.i19, s.interviews.i20):
        add(s, interview, ["AC/I/3", "AC/A/1"], text="More.")
    with CaptureQueriesContext(connection) as several:
        assert client.get(base(s) + path).status_code == 200

    assert len(several.captured_queries) == len(one.captured_queries)
