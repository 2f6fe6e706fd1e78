"""The feedback pages' lists make as many queries for one item as for several."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from citypeer.feedback.domain.headlines import save_headline, vote
from tests.feedback.conftest import recommend


def queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_recommendations_list(client, world):
    client.force_login(world.people.jb)
    url = reverse("feedback:recommendations", kwargs={"review": world.review.pk})
    recommend(world, "Consult the committee every quarter.")
    one = queries(client, url)

    recommend(world, "Publish the committee's advice.")
    recommend(world, "Answer the committee within a month.")

    assert queries(client, url) == one


def test_headline_findings_list(client, world):
    client.force_login(world.people.jb)
    url = reverse("feedback:headlines", kwargs={"review": world.review.pk})
    first = save_headline(review=world.review, by=world.people.jb,
                          text="The committee is rarely asked.")
    vote(headline=first, person=world.people.fc, agrees=True)
    one = queries(client, url)

    for text in ("Migrants are consulted informally.", "Budgets are not by source."):
        headline = save_headline(review=world.review, by=world.people.jb, text=text)
        vote(headline=headline, person=world.people.fc, agrees=False, comment="Not corroborated.")

    assert queries(client, url) == one
