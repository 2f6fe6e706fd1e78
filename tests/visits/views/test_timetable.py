"""The timetable page: create, draw, plan, move with the warnings at once, and a change over
a newer plan refused with both versions shown."""

from citypeer.visits.models import Interview, Visit


def base(world):
    return f"/reviews/{world.review.pk}/visit/"


def test_create_draw_and_plan_from_the_pages(client, world):
    world.visit.delete()
    client.force_login(world.peers["AP"])

    empty = client.get(base(world))
    client.post(base(world) + "create/")
    drawn = client.post(base(world) + "interviewees/draw/", follow=True)
    planned = client.post(base(world) + "solve/", {"edit_count": 0}, follow=True)

    assert "Create the visit" in empty.content.decode()
    assert [str(m) for m in drawn.context["messages"]] == [
        "3 people added, 0 given more indicators."]
    assert [str(m) for m in planned.context["messages"]] == ["Planned: proven optimal."]
    assert Visit.objects.get(review=world.review).interviews.count() == 3
    assert 'data-testid="cell-interview-3"' in planned.content.decode()


def test_an_htmx_move_answers_with_the_board_and_its_warnings(client, planned):
    client.force_login(planned.peers["AP"])
    busy = Interview.objects.select_related("peer_a").get(visit=planned.visit, number=1)
    other = next(p for p in planned.peers if p not in (busy.peer_a.initials,
                                                       busy.peer_b.initials))

    response = client.post(base(planned) + "interviews/2/move/", {
        "i2-day": busy.day, "i2-start": busy.start.strftime("%H:%M"),
        "i2-peer_a": busy.peer_a.initials, "i2-peer_b": other, "edit_count": 1,
    }, HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert response.templates[0].name == "visits/_board.html"
    assert f"{busy.peer_a.initials} is in two places at once" in html
    assert f'href="#peer-{busy.peer_a.initials}"' in html
    assert 'href="#interview-2"' in html


def test_a_stale_move_is_refused_on_the_board_with_both_versions(client, planned):
    client.force_login(planned.peers["AP"])
    second = Interview.objects.get(visit=planned.visit, number=2)

    response = client.post(base(planned) + "interviews/2/move/", {
        "i2-day": 3, "i2-start": "10:00", "i2-peer_a": "AP", "i2-peer_b": "BR",
        "edit_count": 0}, HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert response.templates[0].name == "visits/_board.html"
    assert ("Someone else saved the timetable after you opened it; nothing of yours was "
            "saved.") in html
    assert 'data-testid="edit-conflict"' in html
    assert f'<td data-testid="saved">{second.start.strftime("%H:%M")}</td>' in html
    assert '<td data-testid="yours">10:00</td>' in html
    assert 'data-edit-count="1"' in html
    assert Visit.objects.get(pk=planned.visit.pk).edit_count == 1


def test_a_stale_plan_without_htmx_shows_the_page_with_both_versions(client, planned):
    client.force_login(planned.peers["AP"])

    response = client.post(base(planned) + "solve/", {"edit_count": 0})

    assert response.status_code == 409
    assert response.templates[0].name == "visits/timetable.html"
    assert 'data-testid="edit-conflict"' in response.content.decode()
    assert Visit.objects.get(pk=planned.visit.pk).edit_count == 1
