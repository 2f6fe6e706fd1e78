"""The feedback pages: the conflict page on concurrent edits, the diff of versions, who sees
what, a PDF made in a background thread, the follow-up export."""

import io
import threading

import openpyxl
import pypdf
import pytest
from django.urls import reverse

from citypeer.feedback.domain import reports
from citypeer.feedback.domain.commitments import record_commitment
from citypeer.feedback.domain.headlines import save_headline
from citypeer.feedback.domain.renderings import THREAD_PREFIX
from citypeer.feedback.models import Rendering
from tests.feedback.conftest import make_world, recommend, release_report


def url(name, world, **kwargs):
    return reverse(f"feedback:{name}", kwargs={"review": world.review.pk, **kwargs})


def test_a_save_over_a_newer_version_shows_both_versions(world, client):
    report = reports.compose_report(review=world.review, by=world.people.jb)
    section = report.sections.get(key="strengths")
    client.force_login(world.people.jb)
    first = client.post(url("section", world, pk=section.pk),
                        {"title": section.title, "text": "Jan's praise.", "edit_count": 1})
    assert first.status_code == 302
    client.force_login(world.people.fc)

    response = client.post(url("section", world, pk=section.pk),
                           {"title": section.title, "text": "Fay's praise.", "edit_count": 1})

    assert response.status_code == 409
    html = response.content.decode()
    assert '<td data-testid="saved">Jan&#x27;s praise.</td>' in html
    assert '<td data-testid="yours">Fay&#x27;s praise.</td>' in html
    assert '<input type="hidden" name="edit_count" value="2">' in html
    assert response.context["diff"][2:] == ["@@ -1 +1 @@", "-Jan's praise.", "+Fay's praise."]
    section.refresh_from_db()
    assert (section.text, section.edit_count) == ("Jan's praise.", 2)


def test_versions_can_be_compared(world, client):
    report = reports.compose_report(review=world.review, by=world.people.jb)
    section = report.sections.get(key="practices")
    reports.save_section(section=section, by=world.people.jb, text="One.\nTwo.", edit_count=1)
    reports.save_section(section=section, by=world.people.fc, text="One.\nThree.", edit_count=2)
    client.force_login(world.people.fc)

    response = client.get(url("versions", world, pk=section.pk), {"a": 2, "b": 3})

    assert response.status_code == 200
    assert response.context["diff"][2:] == ["@@ -1,2 +1,2 @@", " One.", "-Two.", "+Three."]


def test_the_host_city_sees_the_report_only_once_released(world, client):
    recommend(world)
    reports.compose_report(review=world.review, by=world.people.jb)
    client.force_login(world.people.host)
    assert [client.get(url(n, world)).status_code for n in ("read", "report", "commitments",
                                                           "recommendations")] == [403] * 4
    release_report(world)

    assert [client.get(url(n, world)).status_code for n in ("read", "report", "commitments",
                                                           "recommendations")] == [
        200, 403, 200, 403]


def test_roles_on_the_composer(world, client):
    reports.compose_report(review=world.review, by=world.people.jb)
    statuses = {}
    for name in ("jb", "ex", "outsider", "host", "coordinator"):
        client.force_login(getattr(world.people, name))
        statuses[name] = (client.get(url("report", world)).status_code,
                          client.post(url("approve", world)).status_code)

    assert statuses == {"jb": (200, 302), "ex": (200, 403), "outsider": (403, 403),
                        "host": (403, 403), "coordinator": (200, 403)}


def test_the_refusal_page_says_which_finding_and_why(world, client):
    client.force_login(world.people.fc)

    response = client.post(url("recommendations", world), {
        "text": "Keep it.", "indicators": "AC/A/1", "findings": [world.findings.committee.pk]})

    assert response.status_code == 400
    assert response.context["problems"] == [
        "finding “A consultative committee exists.”: AC/A/1 is not corroborated: facts from 1 "
        "interviewee(s), 2 needed",
        "AC/A/1 is not corroborated: facts from 1 interviewee(s), 2 needed"]


@pytest.mark.django_db(transaction=True)
def test_a_pdf_is_made_in_a_background_thread_and_downloaded(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world = make_world()
    recommend(world)
    reports.compose_report(review=world.review, by=world.people.jb)
    client.force_login(world.people.fc)

    started = client.post(url("render", world, fmt="pdf"))
    rendering = Rendering.objects.get()
    for thread in threading.enumerate():
        if thread.name == f"{THREAD_PREFIX}{rendering.pk}":
            thread.join()
    polled = client.get(url("rendering", world, pk=rendering.pk), HTTP_HX_REQUEST="true")
    download = client.get(url("rendering-file", world, pk=rendering.pk))

    assert started.url == url("rendering", world, pk=rendering.pk)
    assert 'data-state="done"' in polled.content.decode()
    data = b"".join(download.streaming_content)
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert "Consult the committee every quarter." in " ".join(text.split())


def test_follow_up_export_across_the_programme(world, client):
    rec = recommend(world)
    release_report(world)
    client.force_login(world.people.host)
    client.post(url("commitments", world), {
        "recommendation": rec.pk, "response": "partly_accepted", "commitment": "Twice a year.",
        "owner": "Mayor's office", "due_on": "2009-12-31", "status": "not_started",
        "edit_count": 0})
    path = reverse("feedback_followup:programme", kwargs={"slug": world.programme.slug})
    assert client.get(path).status_code == 403
    client.force_login(world.people.coordinator)

    response = client.get(path, {"format": "xlsx"})

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [list(row) for row in sheet.iter_rows(values_only=True)][1] == [
        "Rotterdam", 1, "Consult the committee every quarter.", "AC/I/3", None,
        "partly accepted", "Twice a year.", "Mayor's office", "2009-12-31", "not started", None,
        sheet.cell(2, 12).value]


def test_headline_pages_vote_and_print(world, client):
    client.force_login(world.people.fc)
    client.post(url("headlines", world), {"action": "draft"})
    headline = world.review.headline_findings.get()

    client.post(url("headlines", world), {"action": "object", "headline": headline.pk,
                                       "comment": "Say which committee."})
    page = client.get(url("headlines", world))
    summary = client.get(url("headline-summary", world))

    assert [r["state"] for r in page.context["rows"]] == ["objected"]
    assert summary.context["all_agreed"] is False
    assert [r["headline"].text for r in summary.context["rows"]] == [
        "Administrative Co-operation: the city falls short on AC/I/3."]


def test_recommendation_edit_page_keeps_its_values(world, client):
    rec = recommend(world, timescale="within a year")
    client.force_login(world.people.fc)

    response = client.post(url("recommendation", world, pk=rec.pk), {
        "text": "Consult it monthly.", "indicators": "AC/I/3", "findings": [world.findings.rare.pk],
        "timescale": "", "edit_count": rec.edit_count})

    rec.refresh_from_db()
    assert (response.status_code, rec.text, rec.timescale, rec.edit_count) == (
        302, "Consult it monthly.", "", 2)
    assert client.get(url("recommendation", world, pk=rec.pk)).context["values"]["indicators"] == (
        "AC/I/3")


def test_a_redraft_over_a_newer_headline_shows_both_versions(world, client):
    headline = save_headline(review=world.review, by=world.people.jb, text="Draft.",
                             indicators=["AC/I/3"])
    save_headline(review=world.review, by=world.people.jb, text="Jan's.", headline=headline,
                  indicators=["AC/I/3"], edit_count=1)
    client.force_login(world.people.fc)

    response = client.post(url("headlines", world), {
        "action": "save", "headline": headline.pk, "edit_count": 1, "text": "Fay's.",
        "indicators": "AC/I/3"})

    assert response.status_code == 409
    html = response.content.decode()
    assert '<td data-testid="saved">Jan&#x27;s.</td>' in html
    assert '<td data-testid="yours">Fay&#x27;s.</td>' in html
    assert '<input type="hidden" name="edit_count" value="2">' in html
    headline.refresh_from_db()
    assert headline.text == "Jan's."


def test_a_recommendation_change_over_a_newer_one_keeps_the_text_sent(world, client):
    rec = recommend(world)
    recommend(world, "Consult it monthly.", recommendation=rec, edit_count=1)
    client.force_login(world.people.fc)

    response = client.post(url("recommendation", world, pk=rec.pk), {
        "text": "Consult it weekly.", "indicators": "AC/I/3",
        "findings": [world.findings.rare.pk], "timescale": "", "edit_count": 1})

    assert response.status_code == 409
    assert (response.context["values"]["text"], response.context["values"]["edit_count"]) == (
        "Consult it weekly.", 2)
    assert '<td data-testid="saved">Consult it monthly.</td>' in response.content.decode()
    rec.refresh_from_db()
    assert rec.text == "Consult it monthly."


def test_a_response_over_a_newer_one_shows_both_versions(world, client):
    rec = recommend(world)
    release_report(world)
    record_commitment(recommendation=rec, by=world.people.coordinator, response="not_accepted",
                      edit_count=0)
    client.force_login(world.people.host)

    response = client.post(url("commitments", world), {
        "recommendation": rec.pk, "response": "accepted", "commitment": "Twice a year.",
        "status": "not_started", "edit_count": 0})

    assert (response.status_code, response.context["failed"]) == (409, rec.pk)
    html = response.content.decode()
    assert '<td data-testid="yours">Twice a year.</td>' in html
    assert '<input type="hidden" name="edit_count" value="1">' in html
