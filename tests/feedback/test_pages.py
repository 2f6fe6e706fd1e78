"""The feedback pages: the conflict page on concurrent edits, the diff of versions, who sees
what, a PDF made in a background thread, the follow-up export."""

import io
import threading

import openpyxl
import pypdf
import pytest
from django.urls import reverse

from citypeer.feedback.domain import reports
from citypeer.feedback.domain.rendering import THREAD_PREFIX
from citypeer.feedback.models import Rendering
from tests.feedback.conftest import make_feedback_setting, recommend


def url(name, fb, **kwargs):
    return reverse(f"feedback:{name}", kwargs={"review": fb.review.pk, **kwargs})


def test_a_save_over_a_newer_version_shows_both_versions(fb, client):
    report = reports.compose_report(review=fb.review, by=fb.people.jb)
    section = report.sections.get(key="strengths")
    client.force_login(fb.people.jb)
    first = client.post(url("section", fb, pk=section.pk),
                        {"title": section.title, "text": "Jan's praise.", "revision": 1})
    assert first.status_code == 302
    client.force_login(fb.people.fc)

    response = client.post(url("section", fb, pk=section.pk),
                           {"title": section.title, "text": "Fay's praise.", "revision": 1})

    assert response.status_code == 409
    html = response.content.decode()
    assert 'data-version="saved">Jan&#x27;s praise.</pre>' in html
    assert 'data-version="yours">Fay&#x27;s praise.</pre>' in html
    assert '<input type="hidden" name="revision" value="2">' in html
    section.refresh_from_db()
    assert (section.text, section.revision) == ("Jan's praise.", 2)


def test_versions_can_be_compared(fb, client):
    report = reports.compose_report(review=fb.review, by=fb.people.jb)
    section = report.sections.get(key="practices")
    reports.save_section(section=section, by=fb.people.jb, text="One.\nTwo.", revision=1)
    reports.save_section(section=section, by=fb.people.fc, text="One.\nThree.", revision=2)
    client.force_login(fb.people.fc)

    response = client.get(url("versions", fb, pk=section.pk), {"a": 2, "b": 3})

    assert response.status_code == 200
    assert response.context["diff"][2:] == ["@@ -1,2 +1,2 @@", " One.", "-Two.", "+Three."]


def test_the_host_city_sees_the_report_only_once_released(fb, client):
    recommend(fb)
    report = reports.compose_report(review=fb.review, by=fb.people.jb)
    client.force_login(fb.people.host)
    assert [client.get(url(n, fb)).status_code for n in ("read", "report", "commitments",
                                                           "recommendations")] == [403] * 4
    for peer in (fb.people.jb, fb.people.fc):
        reports.approve(report=report, by=peer)
    reports.release(report=report, by=fb.people.jb)

    assert [client.get(url(n, fb)).status_code for n in ("read", "report", "commitments",
                                                           "recommendations")] == [
        200, 403, 200, 403]


def test_roles_on_the_composer(fb, client):
    reports.compose_report(review=fb.review, by=fb.people.jb)
    statuses = {}
    for name in ("jb", "ex", "outsider", "host", "coordinator"):
        client.force_login(getattr(fb.people, name))
        statuses[name] = (client.get(url("report", fb)).status_code,
                          client.post(url("approve", fb)).status_code)

    assert statuses == {"jb": (200, 302), "ex": (200, 403), "outsider": (403, 403),
                        "host": (403, 403), "coordinator": (200, 403)}


def test_the_refusal_page_says_which_finding_and_why(fb, client):
    client.force_login(fb.people.fc)

    response = client.post(url("recommendations", fb), {
        "text": "Keep it.", "indicators": "AC/A/1", "findings": [fb.findings.committee.pk]})

    assert response.status_code == 400
    assert response.context["problems"] == [
        "finding “A consultative committee exists.”: AC/A/1 is not corroborated: facts from 1 "
        "interviewee(s), 2 needed",
        "AC/A/1 is not corroborated: facts from 1 interviewee(s), 2 needed"]


@pytest.mark.django_db(transaction=True)
def test_a_pdf_is_made_in_a_background_thread_and_downloaded(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    fb = make_feedback_setting()
    recommend(fb)
    reports.compose_report(review=fb.review, by=fb.people.jb)
    client.force_login(fb.people.fc)

    started = client.post(url("render", fb, fmt="pdf"))
    rendering = Rendering.objects.get()
    for thread in threading.enumerate():
        if thread.name == f"{THREAD_PREFIX}{rendering.pk}":
            thread.join()
    polled = client.get(url("rendering", fb, pk=rendering.pk), HTTP_HX_REQUEST="true")
    download = client.get(url("rendering-file", fb, pk=rendering.pk))

    assert started.url == url("rendering", fb, pk=rendering.pk)
    assert 'data-state="done"' in polled.content.decode()
    data = b"".join(download.streaming_content)
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert "Consult the committee every quarter." in " ".join(text.split())


def test_follow_up_export_across_the_programme(fb, client):
    rec = recommend(fb)
    report = reports.compose_report(review=fb.review, by=fb.people.jb)
    for peer in (fb.people.jb, fb.people.fc):
        reports.approve(report=report, by=peer)
    reports.release(report=report, by=fb.people.jb)
    client.force_login(fb.people.host)
    client.post(url("commitments", fb), {
        "recommendation": rec.pk, "response": "partly_accepted", "commitment": "Twice a year.",
        "owner": "Mayor's office", "due_on": "2009-12-31", "status": "not_started",
        "revision": 0})
    path = reverse("feedback_followup:programme", kwargs={"slug": fb.programme.slug})
    assert client.get(path).status_code == 403
    client.force_login(fb.people.coordinator)

    response = client.get(path, {"format": "xlsx"})

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [list(row) for row in sheet.iter_rows(values_only=True)][1] == [
        "Rotterdam", 1, "Consult the committee every quarter.", "AC/I/3", None,
        "partly accepted", "Twice a year.", "Mayor's office", "2009-12-31", "not started", None,
        sheet.cell(2, 12).value]


def test_headline_pages_vote_and_print(fb, client):
    client.force_login(fb.people.fc)
    client.post(url("headlines", fb), {"action": "draft"})
    headline = fb.review.headline_findings.get()

    client.post(url("headlines", fb), {"action": "object", "headline": headline.pk,
                                       "comment": "Say which committee."})
    page = client.get(url("headlines", fb))
    summary = client.get(url("headline-summary", fb))

    assert [r["state"] for r in page.context["rows"]] == ["objected"]
    assert summary.context["all_agreed"] is False
    assert [r["headline"].text for r in summary.context["rows"]] == [
        "Administrative Co-operation: the city falls short on AC/I/3."]


def test_recommendation_edit_page_keeps_its_values(fb, client):
    rec = recommend(fb, timescale="within a year")
    client.force_login(fb.people.fc)

    response = client.post(url("recommendation", fb, pk=rec.pk), {
        "text": "Consult it monthly.", "indicators": "AC/I/3", "findings": [fb.findings.rare.pk],
        "timescale": "", "revision": rec.revision})

    rec.refresh_from_db()
    assert (response.status_code, rec.text, rec.timescale, rec.revision) == (
        302, "Consult it monthly.", "", 2)
    assert client.get(url("recommendation", fb, pk=rec.pk)).context["values"]["indicators"] == (
        "AC/I/3")
