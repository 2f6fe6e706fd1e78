"""Training sessions: attendance, materials (checked by content and size, stored under
MEDIA_ROOT) and the team leader appointment."""

import datetime as dt
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from citypeer.teams.domain.membership import assign_member
from citypeer.teams.domain.refusals import AssignmentRefused, MaterialRefused, TrainingRefused
from citypeer.teams.domain.training import (
    add_material,
    appoint_leader,
    create_training_event,
    invited_people,
    record_attendance,
    remove_material,
)
from citypeer.teams.models import Team, TrainingAttendance

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def office(main_part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(main_part, "<document/>")
    return buffer.getvalue()


def opendocument(kind: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", f"application/vnd.oasis.opendocument.{kind}")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def event(world):
    return create_training_event(programme=world.programme, title="Two-day training",
                                 starts_on=dt.date(2008, 3, 4), ends_on=dt.date(2008, 3, 5),
                                 place="Brussels")


def test_a_session_ends_after_it_starts(world):
    with pytest.raises(TrainingRefused) as refused:
        create_training_event(programme=world.programme, title="Training",
                              starts_on=dt.date(2008, 3, 5), ends_on=dt.date(2008, 3, 4))

    assert refused.value.message == "ends on: 2008-03-04 is before the first day, 2008-03-05."


def test_the_pool_and_the_host_officers_are_invited(world, event):
    assert sorted(p.username for p in invited_people(event=event)) == [
        "claire", "fiona", "hannah", "jonas", "marco", "pau", "ruben",
    ]


def test_attendance_is_recorded_and_changed(world, event):
    record_attendance(event=event, present=[world["marco"], world["claire"]])
    record_attendance(event=event, present=[world["marco"], world["pau"]])

    attended = sorted(TrainingAttendance.objects.filter(event=event, attended=True)
                      .values_list("person__username", flat=True))
    assert attended == ["marco", "pau"]
    assert TrainingAttendance.objects.filter(event=event).count() == 7


def test_attendance_of_someone_not_invited_is_refused(world, event):
    with pytest.raises(TrainingRefused, match="Sanna Koivisto: not invited to Two-day training"):
        record_attendance(event=event, present=[world["sanna"]])


@pytest.mark.parametrize(("name", "content", "content_type"), [
    ("agenda.pdf", PDF, "application/pdf"),
    ("diagram.png", PNG, "image/png"),
    ("exercises.docx", office("word/document.xml"),
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("timetable.xlsx", office("xl/workbook.xml"),
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("slides.pptx", office("ppt/presentation.xml"),
     "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    ("timetable.ods", opendocument("spreadsheet"),
     "application/vnd.oasis.opendocument.spreadsheet"),
    ("slides.odp", opendocument("presentation"),
     "application/vnd.oasis.opendocument.presentation"),
    ("notes.txt", "Mock interviews in pairs – one hour each.".encode(), "text/plain"),
])
def test_accepted_materials_are_stored_under_media_root(world, event, media, name, content,
                                                        content_type):
    material = add_material(event=event, title="", upload=SimpleUploadedFile(name, content),
                            uploaded_by=world["coordinator"])

    stored = media / material.file.name
    assert (material.title, material.original_name, material.content_type, material.size) == (
        name, name, content_type, len(content)
    )
    assert stored.read_bytes() == content
    assert name not in material.file.name  # stored under a name of our own


@pytest.mark.parametrize(("name", "content", "message"), [
    ("agenda.pdf", b"MZ\x90\x00 a Windows program",
     "agenda.pdf: the file is a program or a script; such files are never accepted."),
    ("slides.pptx", office("word/document.xml"),
     "slides.pptx: the file's content is a Word document but its name ends in '.pptx'; name "
     "it .docx."),
    ("notes.txt", b"<script>alert(1)</script>",
     "notes.txt: the content of the file is not one of the accepted kinds (.pdf, .png, .jpg, "
     ".jpeg, .docx, .xlsx, .pptx, .odt, .ods, .odp, .txt, .csv, .md)."),
    ("run.exe", b"MZ\x90\x00",
     "run.exe: the file is a program or a script; such files are never accepted."),
    ("animation.gif", b"GIF89a\x01\x00\x01\x00",
     "animation.gif: a GIF image is not accepted here; accepted: .pdf, .png, .jpg, .jpeg, "
     ".docx, .xlsx, .pptx, .odt, .ods, .odp, .txt, .csv, .md."),
    ("empty.pdf", b"", "empty.pdf: the file is empty."),
])
def test_refused_materials_say_why_and_store_nothing(world, event, media, name, content,
                                                     message):
    with pytest.raises(MaterialRefused) as refused:
        add_material(event=event, title="", upload=SimpleUploadedFile(name, content))

    assert refused.value.message == message
    assert event.materials.count() == 0
    assert not media.exists() or list(media.rglob("*.*")) == []


def test_a_material_larger_than_the_limit_is_refused(world, event, media, settings):
    settings.UPLOAD_MAX_BYTES = 20

    with pytest.raises(MaterialRefused) as refused:
        add_material(event=event, title="", upload=SimpleUploadedFile("agenda.pdf", PDF))

    assert refused.value.message == (
        "agenda.pdf: the file has 50 bytes; at most 20 bytes are accepted."
    )


def test_removing_a_material_removes_its_file(world, event, media,
                                              django_capture_on_commit_callbacks):
    material = add_material(event=event, title="Agenda",
                            upload=SimpleUploadedFile("agenda.pdf", PDF))
    stored = media / material.file.name

    with django_capture_on_commit_callbacks(execute=True):
        remove_material(material=material)

    assert not stored.exists()
    assert event.materials.count() == 0


def test_a_leader_is_appointed_at_the_training(world, event):
    assign_member(review=world.lyon, person=world["marco"])

    appoint_leader(event=event, review=world.lyon, person=world["marco"])

    team = Team.objects.get(review=world.lyon)
    assert (team.leader, team.leader_appointed_at) == (world["marco"], event)


def test_only_a_member_can_be_appointed_leader(world, event):
    with pytest.raises(AssignmentRefused, match="Pau Roig is not on the team for Lyon"):
        appoint_leader(event=event, review=world.lyon, person=world["pau"])


def test_a_leader_is_appointed_only_for_the_sessions_programme(world, event):
    from citypeer.programmes.models import Programme, Review

    other = Programme.objects.create(slug="other", name="Other",
                                     benchmark=world.programme.benchmark)
    review = Review.objects.create(programme=other, city=world.cities["milan"])

    with pytest.raises(TrainingRefused, match="is not part of INTI-CITIES 2008"):
        appoint_leader(event=event, review=review, person=world["pau"])
