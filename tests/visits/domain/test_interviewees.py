"""The people the visit may meet: drawn in once from the initial report and the desk review,
added by hand with every bad field named, changed over the edit count they started from,
withdrawn."""

import pytest

from citypeer.common.editing import EditConflict
from citypeer.visits.domain.interviewees import (
    add_interviewee,
    draw_interviewees,
    update_interviewee,
)
from citypeer.visits.domain.plan import (
    solve_visit,
)
from citypeer.visits.domain.visits import VisitProblems
from citypeer.visits.models import Interview, Interviewee
from tests.visits.conftest import TIME_LIMIT, add_person, plan_of


def test_drawing_takes_the_reports_and_the_desk_reviews_people_once(world):
    first = draw_interviewees(visit=world.visit, review=world.review)
    again = draw_interviewees(visit=world.visit, review=world.review)

    people = {(p.name, p.category, tuple(i.code for i in p.indicators.all()),
               p.responsible_person_id)
              for p in Interviewee.objects.filter(visit=world.visit)}
    assert (first.added, first.updated, again.added, again.updated) == (3, 0, 0, 0)
    assert people == {
        ("Committee Chair", "municipality_staff", ("AC/A/1",), world.chair.pk),
        ("Deputy Mayor", "politician", ("AC/A/1",), world.deputy.pk),
        ("Imam", "partner_organisation", ("AC/A/1",), None),
    }


def test_bad_interviewee_input_names_each_field_and_writes_nothing(world):
    with pytest.raises(VisitProblems) as problem:
        add_interviewee(visit=world.visit, review=world.review, data={
            "name": " ", "category": "mayor", "language": "English",
            "availability": [{"day": 9, "start": "9:00", "end": "10:00"}],
            "indicators": ["AC/A/1", "XX/Y/9"],
        })

    assert [field for field, _ in problem.value.problems] == [
        "name", "category", "language", "availability[0].day", "availability[0].start",
        "indicators"]
    assert Interviewee.objects.filter(visit=world.visit).count() == 0


def test_a_stale_change_names_the_fields_both_ways_and_writes_nothing(world):
    person = add_person(world, "Youth worker", organisation="Youth centre")
    update_interviewee(interviewee=person, review=world.review,
                       data={"organisation": "Youth council"}, edit_count=0)

    with pytest.raises(EditConflict) as stale:
        update_interviewee(interviewee=person, review=world.review,
                           data={"organisation": "Town hall", "indicators": ["AC/A/2"]},
                           edit_count=0)

    [edit] = stale.value.edits
    person.refresh_from_db()
    assert (edit.what, edit.started_from, edit.edit_count) == ("Youth worker", 0, 1)
    assert [(f.name, f.saved, f.yours) for f in edit.fields] == [
        ("organisation", "Youth council", "Town hall"), ("indicators", ["AC/A/1"], ["AC/A/2"])]
    assert (person.organisation, person.edit_count) == ("Youth council", 1)


def test_withdrawing_someone_cancels_their_interview(planned):
    interview = Interview.objects.get(visit=planned.visit, number=1)

    update_interviewee(interviewee=interview.interviewee, review=planned.review,
                       data={"withdrawn": True}, edit_count=0)
    solve_visit(visit=planned.visit, review=planned.review, time_limit=TIME_LIMIT,
                edit_count=2)

    assert sorted(plan_of(planned.visit)) == [2, 3]
