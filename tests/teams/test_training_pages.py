"""Training pages: sessions, attendance, materials served only with permission, leaders."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from citypeer.teams.domain.membership import assign_member
from citypeer.teams.domain.training import add_material, create_training_event
from citypeer.teams.models import Team, TrainingAttendance, TrainingEvent, TrainingMaterial
from tests.teams.test_pages import queries_for
from tests.teams.test_training import PDF


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def event(world):
    return create_training_event(programme=world.programme, title="Two-day training",
                                 starts_on=dt.date(2008, 3, 4), ends_on=dt.date(2008, 3, 5))


@pytest.fixture
def material(world, event, media):
    return add_material(event=event, title="Agenda",
                        upload=SimpleUploadedFile("agenda.pdf", PDF))


def test_coordinator_creates_a_training_session(as_user, world):
    response = as_user(world["coordinator"]).post(
        reverse("teams:training", args=[world.programme.slug]),
        {"title": "Training in Brussels", "starts_on": "2008-03-04", "ends_on": "2008-03-05",
         "place": "Brussels"},
    )

    event = TrainingEvent.objects.get()
    assert response["Location"] == reverse("teams:training_event", args=[event.pk])
    assert (event.title, event.starts_on, event.place) == (
        "Training in Brussels", dt.date(2008, 3, 4), "Brussels")


def test_a_session_ending_before_it_starts_is_refused_on_the_form(as_user, world):
    response = as_user(world["coordinator"]).post(
        reverse("teams:training", args=[world.programme.slug]),
        {"title": "Training", "starts_on": "2008-03-05", "ends_on": "2008-03-04"},
    )

    assert response.context["form"].non_field_errors() == [
        "ends on: 2008-03-04 is before the first day, 2008-03-05."
    ]
    assert TrainingEvent.objects.count() == 0


@pytest.mark.parametrize(("role", "status"), [
    ("coordinator", 200), ("marco", 200), ("jonas", 200), ("hannah", 200), ("sanna", 403),
    ("nobody", 403),
])
def test_who_may_see_training_sessions(as_user, world, event, role, status):
    client = as_user(world[role])

    listing = client.get(reverse("teams:training", args=[world.programme.slug]))
    detail = client.get(reverse("teams:training_event", args=[event.pk]))

    assert (listing.status_code, detail.status_code) == (status, status)


@pytest.mark.parametrize("role", ["marco", "jonas", "sanna", "nobody"])
def test_only_the_coordinator_changes_training(as_user, world, event, media, role):
    client = as_user(world[role])

    responses = [
        client.post(reverse("teams:training", args=[world.programme.slug]),
                    {"title": "Mine", "starts_on": "2008-01-01"}),
        client.post(reverse("teams:training_attendance", args=[event.pk]),
                    {"present": [world[role].pk]}),
        client.post(reverse("teams:material_add", args=[event.pk]),
                    {"title": "x", "file": SimpleUploadedFile("a.pdf", PDF)}),
    ]

    assert [r.status_code for r in responses] == [403, 403, 403]
    assert (TrainingEvent.objects.count(), TrainingAttendance.objects.count(),
            TrainingMaterial.objects.count()) == (1, 0, 0)


def test_coordinator_records_attendance(as_user, world, event):
    client = as_user(world["coordinator"])

    client.post(reverse("teams:training_attendance", args=[event.pk]),
                {"present": [world["marco"].pk, world["claire"].pk]})

    assert sorted(TrainingAttendance.objects.filter(attended=True)
                  .values_list("person__username", flat=True)) == ["claire", "marco"]
    html = as_user(world["marco"]).get(
        reverse("teams:training_event", args=[event.pk])).content.decode()
    assert "Claire Morel" in html


def test_coordinator_uploads_a_material(as_user, world, event, media):
    response = as_user(world["coordinator"]).post(
        reverse("teams:material_add", args=[event.pk]),
        {"title": "Interview exercises", "file": SimpleUploadedFile("exercises.pdf", PDF)},
    )

    material = TrainingMaterial.objects.get()
    assert response.status_code == 302
    assert (material.title, material.content_type) == ("Interview exercises", "application/pdf")
    assert (media / material.file.name).read_bytes() == PDF


def test_an_upload_of_the_wrong_kind_is_refused_on_the_form(as_user, world, event, media):
    response = as_user(world["coordinator"]).post(
        reverse("teams:material_add", args=[event.pk]),
        {"title": "", "file": SimpleUploadedFile("agenda.pdf", b"MZ\x90\x00program")},
    )

    assert response.context["material_form"].errors["file"] == [
        "agenda.pdf: the file is a program or a script; such files are never accepted."
    ]
    assert TrainingMaterial.objects.count() == 0


def test_an_upload_larger_than_the_limit_is_refused(as_user, world, event, media, settings):
    settings.UPLOAD_MAX_BYTES = 10

    response = as_user(world["coordinator"]).post(
        reverse("teams:material_add", args=[event.pk]),
        {"title": "", "file": SimpleUploadedFile("agenda.pdf", PDF)},
    )

    assert response.context["material_form"].errors["file"] == [
        "agenda.pdf: the file has 50 bytes; at most 10 bytes are accepted."
    ]


@pytest.mark.parametrize("role", ["coordinator", "marco", "jonas", "hannah"])
def test_a_material_is_served_to_the_programmes_people(as_user, world, material, role):
    response = as_user(world[role]).get(reverse("teams:material", args=[material.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="agenda.pdf"'
    assert response["Content-Security-Policy"] == "sandbox"


@pytest.mark.parametrize("role", ["sanna", "nobody"])
def test_a_material_is_not_served_to_others(as_user, world, material, role):
    response = as_user(world[role]).get(reverse("teams:material", args=[material.pk]))

    assert response.status_code == 403


def test_a_material_is_not_served_without_a_login(client, world, material):
    response = client.get(reverse("teams:material", args=[material.pk]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("people:login"))


def test_stored_files_have_no_address_of_their_own(client, world, material, media):
    # MEDIA_ROOT is outside the web root: nothing serves its paths directly.
    assert (media / material.file.name).exists()
    assert client.get("/media/" + material.file.name).status_code == 404
    assert client.get("/" + material.file.name).status_code == 404


def test_coordinator_appoints_a_team_leader_at_the_training(as_user, world, event):
    assign_member(review=world.lyon, person=world["marco"])

    as_user(world["coordinator"]).post(
        reverse("teams:training_appoint", args=[event.pk]),
        {"review": world.lyon.pk, "person": world["marco"].pk},
    )

    team = Team.objects.get(review=world.lyon)
    assert (team.leader, team.leader_appointed_at) == (world["marco"], event)


def test_appointing_someone_of_another_team_is_refused(as_user, world, event):
    assign_member(review=world.dusseldorf, person=world["marco"])
    assign_member(review=world.lyon, person=world["ruben"])

    response = as_user(world["coordinator"]).post(
        reverse("teams:training_appoint", args=[event.pk]),
        {"review": world.lyon.pk, "person": world["marco"].pk},
    )

    assert response.context["leader_form"].errors["person"] == [
        "Marco Brambilla is not on the team for Lyon: only a member can lead it."
    ]


def test_training_list_query_count_does_not_grow(as_user, world):
    client = as_user(world["coordinator"])
    url = reverse("teams:training", args=[world.programme.slug])
    create_training_event(programme=world.programme, title="One", starts_on=dt.date(2008, 1, 1))
    one = queries_for(client, url)
    for n in range(3):
        create_training_event(programme=world.programme, title=f"More {n}",
                              starts_on=dt.date(2008, 2, 1 + n))

    assert queries_for(client, url) == one


def test_training_session_page_query_count_does_not_grow(as_user, world, event, material):
    client = as_user(world["coordinator"])
    url = reverse("teams:training_event", args=[event.pk])
    one = queries_for(client, url)
    for n in range(3):
        add_material(event=event, title=f"More {n}",
                     upload=SimpleUploadedFile(f"more{n}.pdf", PDF))
    assign_member(review=world.lyon, person=world["marco"])
    client.post(reverse("teams:training_attendance", args=[event.pk]),
                {"present": [world["marco"].pk, world["pau"].pk]})
    client.post(reverse("teams:training_appoint", args=[event.pk]),
                {"review": world.lyon.pk, "person": world["marco"].pk})

    assert queries_for(client, url) == one
    assert queries_for(as_user(world["marco"]), url) == queries_for(as_user(world["ruben"]), url)
