"""The briefs, and the exports read back with real parsers: iCalendar with `icalendar`, the
PDF's text with `pypdf`, and the JSON in the method's result format."""

import datetime as dt
import io
import zoneinfo

import icalendar
import pypdf

from citypeer.visits.method import result_from_dict
from citypeer.visits.models import Interview

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def base(world):
    return f"/reviews/{world.review.pk}/visit/"


def events(body: bytes) -> dict:
    calendar = icalendar.Calendar.from_ical(body)
    return {str(e["summary"]): (e.decoded("dtstart"), e.decoded("dtend"))
            for e in calendar.walk("VEVENT")}


def interviews(world):
    return list(Interview.objects.filter(visit=world.visit, cancelled=False)
                .select_related("interviewee", "peer_a", "peer_b").order_by("number"))


def expected_interview_events(world, rows, *, names=True):
    out = {}
    for i in rows:
        start = dt.datetime.combine(dt.date(2008, 3, 9 + i.day), i.start, tzinfo=BRUSSELS)
        who = i.interviewee.name if names else i.interviewee.reference
        out[f"Interview {i.number} – {i.peer_a.initials} & {i.peer_b.initials} – {who}"] = (
            start, start + dt.timedelta(hours=i.slots))
    return out


def test_team_calendar_parses_back_with_every_interview_and_block(client, planned):
    client.force_login(planned.peers["AP"])

    response = client.get(base(planned) + "export/team.ics")

    parsed = events(response.content)
    rows = interviews(planned)
    calendar = icalendar.Calendar.from_ical(response.content)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]
    assert {k: v for k, v in parsed.items() if k.startswith("Interview")} == (
        expected_interview_events(planned, rows))
    assert parsed["Peers arrive in host city"] == (
        dt.datetime(2008, 3, 10, 12, tzinfo=BRUSSELS),
        dt.datetime(2008, 3, 10, 13, tzinfo=BRUSSELS))
    # Every block of the seed's four days is an event too: 6 + 1 + 1 + 4.
    assert len(calendar.walk("VEVENT")) == len(rows) + 12


def test_a_peers_calendar_has_only_their_interviews(client, planned):
    client.force_login(planned.peers["AP"])
    rows = interviews(planned)
    mine = [i for i in rows if "AP" in (i.peer_a.initials, i.peer_b.initials)]

    response = client.get(base(planned) + "export/peers/AP.ics")

    parsed = events(response.content)
    assert {k: v for k, v in parsed.items() if k.startswith("Interview")} == (
        expected_interview_events(planned, mine))


def test_the_host_citys_calendar_names_nobody(client, planned):
    client.force_login(planned.people.host)
    rows = interviews(planned)

    response = client.get(base(planned) + "export/team.ics")

    parsed = events(response.content)
    assert {k: v for k, v in parsed.items() if k.startswith("Interview")} == (
        expected_interview_events(planned, rows, names=False))
    assert b"Committee Chair" not in response.content


def test_pdf_text_reads_back(client, planned):
    client.force_login(planned.peers["AP"])
    first = interviews(planned)[0]

    response = client.get(base(planned) + "export/timetable.pdf")

    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert response["Content-Type"] == "application/pdf"
    assert "Timetable of the visit to Helsinki" in text
    assert f"{first.peer_a.initials} & {first.peer_b.initials}" in text
    assert "Committee Chair" in text
    assert "Peers arrive in host city" in text


def test_the_host_citys_pdf_names_nobody(client, planned):
    client.force_login(planned.people.host)

    response = client.get(base(planned) + "export/timetable.pdf")

    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Interviewees are shown by reference." in text
    assert ("Committee Chair" in text, "Deputy Mayor" in text, "Imam" in text) == (
        False, False, False)


def test_json_is_the_methods_result_format(client, planned):
    client.force_login(planned.peers["AP"])

    response = client.get(base(planned) + "export/timetable.json")

    data = response.json()
    result = result_from_dict(data)
    assert (result.status, data["visit_status"]) == ("optimal", "optimal")
    assert sorted(i.number for i in result.timetable.interviews) == [1, 2, 3]
    assert [(c.indicator, c.target, len(c.interviewees)) for c in result.coverage] == [
        ("AC/A/1", 2, 3)]
    assert result.warnings == ()


def test_a_calendar_needs_the_first_day(client, planned):
    planned.visit.starts_on = None
    planned.visit.save()
    client.force_login(planned.peers["AP"])

    response = client.get(base(planned) + "export/team.ics", follow=True)

    assert [str(m) for m in response.context["messages"]] == [
        "Set the first day of the visit: a calendar needs dates."]


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
