"""`citypeer visit …` calls the same domain functions as the pages."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from citypeer.visits.method import load_instance, result_from_dict


def run(*args) -> str:
    out = StringIO()
    call_command("visit", *args, stdout=out)
    return out.getvalue()


def test_draw_plan_show_and_write_the_instance(world, tmp_path):
    review = str(world.review.pk)

    drawn = run("draw", review)
    planned = result_from_dict(json.loads(run("plan", review, "--time-limit", "5", "--json")))
    shown = run("show", review)
    (tmp_path / "visit.json").write_text(run("instance", review), encoding="utf-8")
    instance = load_instance(tmp_path / "visit.json")

    assert drawn == "3 people added, 0 given more indicators.\n"
    assert (planned.status, sorted(i.number for i in planned.timetable.interviews)) == (
        "optimal", [1, 2, 3])
    assert "Interview 1" in shown
    assert sorted(i.name for i in instance.interviewees) == [
        "Committee Chair", "Deputy Mayor", "Imam"]
    assert sorted(i.number for i in instance.timetable.interviews) == [1, 2, 3]


def test_unknown_review_and_missing_visit_are_refused(world):
    world.visit.delete()

    with pytest.raises(CommandError) as unknown:
        run("show", "999999")
    with pytest.raises(CommandError) as missing:
        run("draw", str(world.review.pk))

    assert str(unknown.value) == "There is no review 999999."
    assert str(missing.value) == (f"Review {world.review.pk} has no visit: run `citypeer "
                                  f"visit create {world.review.pk}` first.")
