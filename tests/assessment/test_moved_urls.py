"""The pages of step 6 moved from /reviews/<id>/evidence/ to /reviews/<id>/assessment/: every
old page address answers with a permanent redirect to its new one, query string kept."""

import pytest

OLD_TO_NEW = [
    ("", "evidence/"),
    ("record/?interview=7", "evidence/record/?interview=7"),
    ("items/12/", "evidence/items/12/"),
    ("export/csv/", "evidence/export/csv/"),
    ("assessment/", ""),
    ("assessment/AC/I/3/", "indicators/AC/I/3/"),
    ("findings/", "findings/"),
    ("findings/4/", "findings/4/"),
    ("practices/", "practices/"),
    ("practices/5/", "practices/5/"),
    ("audit/?kind=evidence", "audit/?kind=evidence"),
    ("?q=committee&pillar=AC", "evidence/?q=committee&pillar=AC"),
]


@pytest.mark.parametrize(("old", "new"), OLD_TO_NEW)
def test_an_old_page_address_is_sent_on_for_good(client, old, new):
    response = client.get(f"/reviews/3/evidence/{old}")

    assert (response.status_code, response["Location"]) == (301, f"/reviews/3/assessment/{new}")


def test_the_new_address_opens_the_page(client, world):
    client.force_login(world.people.jb)

    response = client.get(f"/reviews/{world.review.pk}/evidence/assessment/AC/I/3/",
                          follow=True)

    assert (response.status_code, response.context["indicator"].code) == (200, "AC/I/3")
    assert response.redirect_chain == [
        (f"/reviews/{world.review.pk}/assessment/indicators/AC/I/3/", 301)]
