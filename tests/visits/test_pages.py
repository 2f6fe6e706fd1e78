"""The visit's pages: create, draw, plan, move with the warnings at once, add and edit people,
briefs with the desk review's hypotheses and questions."""

import pytest

from citypeer.visits.domain.interviewees import draw_interviewees
from citypeer.visits.domain.plan import solve_visit
from citypeer.visits.models import Interview, Interviewee, Visit


@pytest.fixture
def planned(setting):
    draw_interviewees(visit=setting.visit, review=setting.review)
    solve_visit(visit=setting.visit, review=setting.review, time_limit=5)
    return setting


def base(setting):
    return f"/reviews/{setting.review.pk}/visit/"


def test_create_draw_and_plan_from_the_pages(client, setting):
    setting.visit.delete()
    client.force_login(setting.peers["AP"])

    empty = client.get(base(setting))
    client.post(base(setting) + "create/")
    drawn = client.post(base(setting) + "interviewees/draw/", follow=True)
    planned = client.post(base(setting) + "solve/", {"revision": 0}, follow=True)

    assert "Create the visit" in empty.content.decode()
    assert [str(m) for m in drawn.context["messages"]] == [
        "3 people added, 0 given more indicators."]
    assert [str(m) for m in planned.context["messages"]] == ["Planned: proven optimal."]
    assert Visit.objects.get(review=setting.review).interviews.count() == 3
    assert 'data-testid="cell-interview-3"' in planned.content.decode()


def test_an_htmx_move_answers_with_the_board_and_its_warnings(client, planned):
    client.force_login(planned.peers["AP"])
    busy = Interview.objects.select_related("peer_a").get(visit=planned.visit, number=1)
    other = next(p for p in planned.peers if p not in (busy.peer_a.initials,
                                                       busy.peer_b.initials))

    response = client.post(base(planned) + "interviews/2/move/", {
        "i2-day": busy.day, "i2-start": busy.start.strftime("%H:%M"),
        "i2-peer_a": busy.peer_a.initials, "i2-peer_b": other, "revision": 1,
    }, HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert response.templates[0].name == "visits/_board.html"
    assert f"{busy.peer_a.initials} is in two places at once" in html
    assert f'href="#peer-{busy.peer_a.initials}"' in html
    assert 'href="#interview-2"' in html


def test_a_stale_move_is_refused_on_the_board(client, planned):
    client.force_login(planned.peers["AP"])

    response = client.post(base(planned) + "interviews/2/move/", {
        "i2-day": 3, "i2-start": "10:00", "i2-peer_a": "AP", "i2-peer_b": "BR",
        "revision": 0}, HTTP_HX_REQUEST="true")

    assert "The timetable was changed elsewhere (revision 1)" in response.content.decode()
    assert Visit.objects.get(pk=planned.visit.pk).revision == 1


def test_add_and_edit_an_interviewee_with_availability(client, planned):
    client.force_login(planned.peers["AP"])

    added = client.post(base(planned) + "interviewees/", {
        "name": "Youth worker", "category": "partner_organisation",
        "availability": "2 09:00-12:00\n3 14:00-16:00", "indicators": "AC/A/2, AC/A/3",
    })
    person = Interviewee.objects.get(visit=planned.visit, name="Youth worker")
    refused = client.post(base(planned) + f"interviewees/{person.pk}/", {
        "name": "Youth worker", "category": "partner_organisation",
        "availability": "day 9 09:00-10:00", "revision": 0})
    saved = client.post(base(planned) + f"interviewees/{person.pk}/", {
        "name": "Youth worker", "category": "partner_organisation", "interpreter": "on",
        "availability": "3 14:00-16:00", "indicators": "AC/A/3", "revision": 0})

    person.refresh_from_db()
    assert added.status_code == 302
    assert refused.context["form"].errors == {"availability": [
        "availability[0].day: '9' is not a day of the visit (1 to 4)"]}
    assert saved.status_code == 302
    assert (person.availability, person.interpreter,
            [i.code for i in person.indicators.all()]) == (
        [{"day": 3, "start": "14:00", "end": "16:00"}], True, ["AC/A/3"])


def test_a_brief_has_the_hypotheses_and_questions(client, planned):
    client.force_login(planned.peers["AP"])
    number = Interview.objects.get(visit=planned.visit,
                                   interviewee__name="Committee Chair").number

    html = client.get(base(planned) + f"interviews/{number}/brief/").content.decode()

    for text in ("Committee Chair", "chair, Consultative Committee", "AC/A/1",
                 "A permanent consultative committee.", "a permanent committee of 15 members",
                 "how representative its members are",
                 "the city does not take full advantage of its input",
                 "How were the members appointed?", "needs_information"):
        assert text in html, text
