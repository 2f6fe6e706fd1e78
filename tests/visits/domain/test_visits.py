"""Creating the visit with the seed's template and changing its settings."""

import pytest

from citypeer.common.editing import EditConflict
from citypeer.visits.domain.visits import VisitProblems, create_visit, update_visit
from citypeer.visits.models import Visit


def test_a_new_visit_has_the_seeds_template(world):
    visit = world.visit

    days = [(d["start"], d["end"], [(b["title"], b["start"], b["kind"]) for b in d["blocks"]])
            for d in visit.days]

    assert days == [
        ("12:00", "18:00", [("Peers arrive in host city", "12:00", "travel"),
                            ("Lunch", "13:00", "break"),
                            ("Peers go through desk review together", "14:00", "team"),
                            ("Opportunity to ask clarifications to host city", "15:00", "host"),
                            ("Presentation from host city on integration policy", "16:00",
                             "host"),
                            ("Allocate interviews and prepare questions", "17:00", "team")]),
        ("09:00", "18:00", [("Lunch", "13:00", "break")]),
        ("09:00", "18:00", [("Lunch", "13:00", "break")]),
        ("09:00", "15:00", [("Peers compile and discuss findings", "09:00", "team"),
                            ("Peers present headline findings to host city", "12:00", "host"),
                            ("Lunch", "13:00", "break"),
                            ("Peers leave host city", "14:00", "travel")]),
    ]
    assert (visit.status, visit.max_interviews_per_day, visit.slot_minutes) == (
        Visit.Status.NOT_PLANNED, 5, 60)
    assert create_visit(review=world.review).pk == visit.pk


def test_settings_are_checked_as_the_instance_format_and_need_the_edit_count(world):
    days = world.visit.days
    bad = [dict(days[0], start="9:00"), *days[1:]]

    with pytest.raises(VisitProblems) as problem:
        update_visit(visit=world.visit, changes={"days": bad, "timezone": "Mars/Olympus"},
                     edit_count=0)
    with pytest.raises(EditConflict) as stale:
        update_visit(visit=world.visit, changes={"max_interviews_per_day": 4}, edit_count=7)
    changed = update_visit(visit=world.visit, changes={"max_interviews_per_day": 4},
                           edit_count=0)

    [edit] = stale.value.edits
    assert [field for field, _ in problem.value.problems] == ["timezone", "days[0].start"]
    assert problem.value.message_dict["timezone"] == [
        "'Mars/Olympus' is not a time zone such as Europe/Brussels"]
    assert (edit.started_from, edit.edit_count) == (7, 0)
    assert [(f.name, f.saved, f.yours) for f in edit.fields] == [
        ("max_interviews_per_day", 5, 4)]
    assert (changed.max_interviews_per_day, changed.edit_count) == (4, 1)
