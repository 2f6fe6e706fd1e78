"""People: logging in, their profile, and what each role may do."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from citypeer.people.domain import initials_from_name
from tests.conftest import make_person


def test_login_and_logout(client, people):
    response = client.post(
        reverse("people:login"), {"username": "peer", "password": "a-long-test-password"}
    )
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200

    client.post(reverse("people:logout"))

    assert client.get(reverse("home")).status_code == 302


def test_wrong_password_is_refused(client, people):
    response = client.post(reverse("people:login"), {"username": "peer", "password": "nope"})

    assert response.status_code == 200
    assert response.context["form"].errors["__all__"][0].startswith(
        "Please enter a correct username and password."
    )


def test_passwords_are_hashed_with_argon2(people):
    assert people["peer"].password.startswith("argon2$argon2id$")


def test_password_change(client, people):
    client.force_login(people["expert"])

    response = client.post(reverse("people:password_change"), {
        "old_password": "a-long-test-password",
        "new_password1": "another-long-password-42",
        "new_password2": "another-long-password-42",
    })

    assert response.status_code == 302
    people["expert"].refresh_from_db()
    assert people["expert"].check_password("another-long-password-42")


def test_profile_edit_saves_name_languages_and_initials(client, people):
    client.force_login(people["peer"])

    response = client.post(reverse("people:profile"), {
        "name": "Jana Barros", "initials": "", "organisation": "Integration Office",
        "email": "jb@example.org", "languages": ["en", "pt", "fr"], "language": "fr",
    })

    person = get_user_model().objects.get(pk=people["peer"].pk)
    assert response.status_code == 302
    assert (person.name, person.initials, person.organisation, person.languages) == (
        "Jana Barros", "JB", "Integration Office", ["en", "pt", "fr"]
    )


def test_profile_cannot_change_own_city_or_roles(client, people, django_user_model):
    from citypeer.network.models import City

    home = City.objects.create(slug="genoa", name="Genoa", country="IT")
    peer = people["peer"]
    peer.city = home
    peer.save()
    elsewhere = City.objects.create(slug="lyon", name="Lyon", country="FR")
    client.force_login(peer)

    client.post(reverse("people:profile"), {
        "name": "Peer", "initials": "PE", "languages": ["en"], "city": elsewhere.pk,
        "is_coordinator": "on", "language": "en",
    })

    peer.refresh_from_db()
    assert (peer.city, peer.is_coordinator) == (home, False)


def test_initials_must_be_capital_letters(client, people):
    client.force_login(people["peer"])

    response = client.post(reverse("people:profile"), {"name": "Peer", "initials": "p3"})

    assert response.context["form"].errors["initials"] == [
        "Initials are two to four capital letters, as they appear in evidence references."
    ]


@pytest.mark.parametrize(("name", "initials"), [
    ("Jonas Becker", "JB"), ("Fiona Carson", "FC"), ("Anne-Marie Larsen", "AL"),
    ("Cher", "C"), ("", ""), ("Tomás de Almeida", "TA"),
])
def test_initials_from_name(name, initials):
    assert initials_from_name(name) == initials


PERMISSIONS = {
    # permission: roles that have it (every other role must not)
    "benchmarks.view_benchmark": {"coordinator", "host_officer", "peer", "expert", "nobody"},
    "benchmarks.import_benchmark": {"coordinator"},
    "people.change_roles": {"coordinator"},
    "programmes.view_programme": {"coordinator", "host_officer", "peer", "expert", "nobody"},
    "programmes.change_programme": {"coordinator"},
}


@pytest.mark.parametrize("permission", sorted(PERMISSIONS))
def test_permissions_per_role(people, permission):
    granted = {role for role, person in people.items() if person.has_perm(permission)}

    assert granted == PERMISSIONS[permission]


@pytest.mark.parametrize("permission", sorted(PERMISSIONS))
def test_anonymous_has_no_permission(permission):
    from django.contrib.auth.models import AnonymousUser

    assert AnonymousUser().has_perm(permission) is False


def test_a_person_may_change_only_their_own_profile(people):
    assert people["peer"].has_perm("people.change_own_profile", people["peer"]) is True
    assert people["peer"].has_perm("people.change_own_profile", people["expert"]) is False


def test_superuser_counts_as_coordinator(db):
    admin = make_person("root")
    admin.is_superuser = True
    admin.save()

    assert admin.has_perm("benchmarks.import_benchmark") is True


def test_pages_come_in_the_persons_interface_language(client, people):
    people["peer"].language = "fr"
    people["peer"].save()
    client.force_login(people["peer"])

    response = client.get(reverse("home"))

    assert response.wsgi_request.LANGUAGE_CODE == "fr"


def test_the_language_switch_wins_over_the_profile(client, people):
    people["peer"].language = "fr"
    people["peer"].save()
    client.force_login(people["peer"])
    client.post(reverse("set_language"), {"language": "de", "next": "/"})

    response = client.get(reverse("home"))

    assert response.wsgi_request.LANGUAGE_CODE == "de"
