"""Strengths, weaknesses with their barriers and evidence trail, and good practices."""


import pytest
from django.core.exceptions import ValidationError

from citypeer.assessment.domain.findings import (
    delete_good_practice,
    evidence_trail,
    restore_good_practice,
    save_finding,
    save_good_practice,
)
from citypeer.assessment.domain.queries import findings_in_full
from citypeer.common.editing import EditConflict
from citypeer.practices.models import GoodPractice
from tests.assessment.conftest import interview_fact, record


def test_a_weakness_with_barriers_and_its_evidence_trail(world):
    s = world
    late = record(s, **interview_fact(s, s.interviews.i20, ["AC/I/3"], "falls_short"))
    early = record(s, **interview_fact(s, s.interviews.i17, ["AC/I/3"], "falls_short"))
    save_finding(review=s.review, by=s.people.jb, kind="weakness",
                 text="The committee is rarely consulted.", barriers="No budget line.",
                 indicators=["AC/I/3"], evidence=[late.pk, early.pk])

    finding = findings_in_full(s.review).get()
    trail = evidence_trail(finding)

    assert [(step.item.pk, step.references) for step in trail] == [
        (early.pk, ("AC/I/3 – Interview 17 – JB & FC",)),
        (late.pk, ("AC/I/3 – Interview 20 – JB & EX",)),
    ]


def test_a_strength_has_no_barriers(world):
    with pytest.raises(ValidationError) as caught:
        save_finding(review=world.review, by=world.people.jb, kind="strength",
                     text="Good.", barriers="None really.")
    assert list(caught.value.message_dict) == ["barriers"]


def test_good_practices_are_saved_deleted_and_restored(world):
    s = world
    practice = save_good_practice(review=s.review, by=s.people.jb, title="Language cafés",
                                  description="Volunteers teach Dutch.", indicators=["WP/I/1"],
                                  transferable=True)
    with pytest.raises(EditConflict):
        save_good_practice(review=s.review, by=s.people.fc, practice=practice, edit_count=0,
                           title="x", description="y", indicators=["WP/I/1"])
    delete_good_practice(practice=practice, by=s.people.jb, edit_count=1)
    restore_good_practice(review=s.review, practice_id=practice.pk, by=s.people.coordinator)

    again = GoodPractice.objects.get()
    assert (again.title, again.review, again.transferable,
            [i.code for i in again.indicators.all()]) == (
        "Language cafés", s.review, True, ["WP/I/1"])
