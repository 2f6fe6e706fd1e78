"""The interviewees' pages: add and edit someone with their availability, and an edit over a
newer one shown beside it."""

from citypeer.visits.domain.interviewees import update_interviewee
from citypeer.visits.models import Interviewee


def base(world):
    return f"/reviews/{world.review.pk}/visit/"


def test_add_and_edit_an_interviewee_with_availability(client, planned):
    client.force_login(planned.peers["AP"])

    added = client.post(base(planned) + "interviewees/", {
        "name": "Youth worker", "category": "partner_organisation",
        "availability": "2 09:00-12:00\n3 14:00-16:00", "indicators": "AC/A/2, AC/A/3",
    })
    person = Interviewee.objects.get(visit=planned.visit, name="Youth worker")
    refused = client.post(base(planned) + f"interviewees/{person.pk}/", {
        "name": "Youth worker", "category": "partner_organisation",
        "availability": "day 9 09:00-10:00", "edit_count": 0})
    saved = client.post(base(planned) + f"interviewees/{person.pk}/", {
        "name": "Youth worker", "category": "partner_organisation", "interpreter": "on",
        "availability": "3 14:00-16:00", "indicators": "AC/A/3", "edit_count": 0})

    person.refresh_from_db()
    assert added.status_code == 302
    assert refused.context["form"].errors == {"availability": [
        "availability[0].day: '9' is not a day of the visit (1 to 4)"]}
    assert saved.status_code == 302
    assert (person.availability, person.interpreter,
            [i.code for i in person.indicators.all()]) == (
        [{"day": 3, "start": "14:00", "end": "16:00"}], True, ["AC/A/3"])


def test_a_stale_edit_shows_both_versions_and_keeps_the_form(client, planned):
    client.force_login(planned.peers["AP"])
    person = Interviewee.objects.get(visit=planned.visit, name="Imam")
    update_interviewee(interviewee=person, review=planned.review,
                       data={"organisation": "Mosque council"}, edit_count=0)

    response = client.post(base(planned) + f"interviewees/{person.pk}/", {
        "name": "Imam", "category": "partner_organisation", "organisation": "Great Mosque",
        "edit_count": 0})

    html = response.content.decode()
    person.refresh_from_db()
    assert response.status_code == 409
    assert 'data-testid="edit-conflict"' in html
    assert (person.organisation, response.context["form"]["organisation"].value()) == (
        "Mosque council", "Great Mosque")
    assert response.context["form"]["edit_count"].value() == 1
