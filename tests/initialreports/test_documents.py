"""Uploads: checked by content and size, stored under MEDIA_ROOT with our own name, handed out
only to people who may read the report, always as an attachment."""

import pytest
from django.conf import settings
from django.urls import reverse

from citypeer.common.uploads import UploadRefused
from citypeer.initialreports.domain.documents import add_document, delete_document
from citypeer.initialreports.domain.reports import report_completeness
from citypeer.initialreports.models import SelfAssessment, SupportingDocument
from tests.initialreports.conftest import PDF, PNG, upload


def documents_url(world):
    return reverse("initialreports:documents", kwargs={"review": world.review.pk})


def test_an_upload_is_stored_under_media_root_and_read_back(world, media):
    document = add_document(report=world.report, upload=upload("Strategy 2009.pdf", PDF),
                            by=world.people.host)

    stored = media / document.file.name
    assert stored.read_bytes() == PDF
    assert stored.name != "Strategy 2009.pdf"
    assert stored.suffix == ".pdf"
    assert not str(stored).startswith(str(settings.STATIC_ROOT))
    assert (document.title, document.original_name, document.content_type, document.size) == (
        "Strategy 2009.pdf", "Strategy 2009.pdf", "application/pdf", len(PDF)
    )


def test_a_structure_diagram_counts_for_completeness(world):
    def missing_diagram():
        return [g.problem for g in report_completeness(world.report).gaps
                if g.problem.startswith("no structure diagram")]

    assert missing_diagram() == ["no structure diagram of the municipality is uploaded"]
    add_document(report=world.report, upload=upload("structure.png", PNG), by=world.people.host,
                 kind=SupportingDocument.Kind.STRUCTURE_DIAGRAM)
    assert missing_diagram() == []


def test_an_executable_with_a_pdf_name_is_refused_and_nothing_is_kept(world, media):
    with pytest.raises(UploadRefused) as refused:
        add_document(report=world.report, upload=upload("report.pdf", b"MZ\x90\x00rest"),
                     by=world.people.host)

    assert str(refused.value) == (
        "the file is a program or a script; such files are never accepted"
    )
    assert SupportingDocument.objects.count() == 0
    assert not media.exists() or list(media.rglob("*.*")) == []


def test_the_upload_page_refuses_a_mismatched_extension_and_a_large_file(client, world,
                                                                         settings):
    client.force_login(world.people.host)
    settings.UPLOAD_MAX_BYTES = len(PNG) + 1

    mismatched = client.post(documents_url(world), {
        "file": upload("diagram.pdf", PNG), "kind": "supporting", "title": ""})
    too_large = client.post(documents_url(world), {
        "file": upload("plan.pdf", PDF), "kind": "supporting", "title": ""})

    assert mismatched.status_code == 400
    assert mismatched.context["form"].errors["file"] == [
        "the file's content is a PNG image but its name ends in '.pdf'; name it .png"
    ]
    assert too_large.context["form"].errors["file"] == [
        f"the file has {len(PDF)} bytes; at most {len(PNG) + 1} bytes are accepted"
    ]
    assert SupportingDocument.objects.count() == 0


def test_upload_for_an_indicator_through_the_page(client, world):
    client.force_login(world.people.host)
    entry = SelfAssessment.objects.get(report=world.report, indicator__code="GG/A/2")

    response = client.post(documents_url(world), {
        "file": upload("evidence.pdf", PDF), "kind": "supporting", "title": "Council minutes",
        "indicator": str(entry.indicator_id),
    })

    assert response.status_code == 302
    document = SupportingDocument.objects.get()
    assert (document.title, document.self_assessment, document.uploaded_by) == (
        "Council minutes", entry, world.people.host
    )


def test_download_is_an_attachment_that_is_never_sniffed(client, world):
    document = add_document(report=world.report, upload=upload("notes.txt", b"<b>hello</b>"),
                            by=world.people.host)
    client.force_login(world.people.peer)

    response = client.get(reverse("initialreports:document", kwargs={
        "review": world.review.pk, "document": document.pk}))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"<b>hello</b>"
    assert response["Content-Disposition"] == 'attachment; filename="notes.txt"'
    assert response["Content-Type"] == "text/plain"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(("who", "status"), [
    ("host", 200), ("coordinator", 200), ("peer", 200), ("expert", 200),
    ("other_host", 403), ("outside_peer", 403), ("nobody", 403),
])
def test_download_per_role(client, world, who, status):
    document = add_document(report=world.report, upload=upload("plan.pdf", PDF),
                            by=world.people.host)
    client.force_login(getattr(world.people, who))
    url = reverse("initialreports:document", kwargs={"review": world.review.pk,
                                                     "document": document.pk})

    assert client.get(url).status_code == status


def test_a_document_is_served_only_within_its_own_review(client, world):
    from citypeer.initialreports.domain.reports import get_or_create_report

    other_report = get_or_create_report(review=world.other_review)
    document = add_document(report=other_report, upload=upload("plan.pdf", PDF),
                            by=world.people.other_host)
    client.force_login(world.people.host)

    response = client.get(reverse("initialreports:document", kwargs={
        "review": world.review.pk, "document": document.pk}))

    assert response.status_code == 404


def test_anonymous_download_goes_to_the_login(client, world):
    document = add_document(report=world.report, upload=upload("plan.pdf", PDF),
                            by=world.people.host)

    response = client.get(reverse("initialreports:document", kwargs={
        "review": world.review.pk, "document": document.pk}))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("people:login"))


def test_delete_removes_the_file(world, media, django_capture_on_commit_callbacks):
    document = add_document(report=world.report, upload=upload("plan.pdf", PDF),
                            by=world.people.host)
    stored = media / document.file.name

    with django_capture_on_commit_callbacks(execute=True):
        delete_document(document=document, by=world.people.host)

    assert (SupportingDocument.objects.count(), stored.exists()) == (0, False)


def test_peers_cannot_upload(client, world):
    client.force_login(world.people.peer)

    response = client.post(documents_url(world), {"file": upload("plan.pdf", PDF),
                                                  "kind": "supporting"})

    assert response.status_code == 403
    assert SupportingDocument.objects.count() == 0
