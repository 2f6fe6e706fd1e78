"""Starting, saving (with optimistic concurrency) and submitting a peer's desk review."""

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import OperationalError, connection

from citypeer.benchmarks.models import Indicator
from citypeer.common.editing import EditConflict
from citypeer.deskreviews.domain.desk_reviews import (
    DeskReviewSubmitted,
    NotADeskReviewer,
    save_judgement,
    start_desk_review,
    submit_desk_review,
)
from citypeer.deskreviews.labels import performance_label
from citypeer.deskreviews.models import DeskJudgement, DeskReview
from tests.deskreviews.conftest import make_world


def test_peers_and_experts_of_the_team_start_a_desk_review_once(world):
    review, people = world.review, world.people

    first = start_desk_review(review=review, peer=people.anna)
    again = start_desk_review(review=review, peer=people.anna)
    expert = start_desk_review(review=review, peer=people.eva)

    assert first.pk == again.pk
    assert expert.peer == people.eva
    assert DeskReview.objects.filter(review=review).count() == 2


@pytest.mark.parametrize(("who", "message"), [
    ("outsider", "Otto is not a peer or expert of the team reviewing Helsinki."),
    ("coordinator", "Cora is not a peer or expert of the team reviewing "
                    "Helsinki."),
    ("host", "Hanna is an officer of Helsinki, the host city, and cannot "
             "desk-review it."),
])
def test_someone_outside_the_team_cannot_start_one(world, who, message):
    with pytest.raises(NotADeskReviewer) as caught:
        start_desk_review(review=world.review, peer=getattr(world.people, who))

    assert str(caught.value) == message

    assert DeskReview.objects.count() == 0


def test_a_host_officer_put_in_the_team_cannot_start_one(world):
    from citypeer.teams.models import TeamMember

    TeamMember.objects.create(team=world.team, person=world.people.host)

    with pytest.raises(NotADeskReviewer, match="is an officer of Helsinki, the host city"):
        start_desk_review(review=world.review, peer=world.people.host)


def test_first_save_then_the_next_edit(world):
    desk_review = start_desk_review(review=world.review, peer=world.people.anna)
    indicator = world.indicators[0]

    first = save_judgement(desk_review=desk_review, indicator=indicator, edit_count=0,
                           performance="matches", known=[" a committee of 15 ", ""],
                           to_meet=[world.responsible.chair.pk],
                           to_meet_new=[{"name": " Committee  Secretary ", "role": "",
                                         "organisation": "City"}],
                           by=world.people.anna)
    second = save_judgement(desk_review=desk_review, indicator=indicator, edit_count=1,
                            performance="falls_short", questions=["How were members appointed?"])

    stored = DeskJudgement.objects.get(pk=first.pk)
    assert (second.pk, stored.edit_count, stored.performance) == (first.pk, 2, "falls_short")
    assert (stored.known, stored.questions, list(stored.to_meet.all())) == (
        [], ["How were members appointed?"], []
    )
    assert first.known == ["a committee of 15"]
    assert first.to_meet_new == [{"name": "Committee Secretary", "role": "",
                                  "organisation": "City"}]
    history = list(stored.history.order_by("history_date"))
    assert [h.edit_count for h in history] == [1, 2]
    assert [[m.responsibleperson_id for m in h.to_meet.all()] for h in history] == [
        [world.responsible.chair.pk], []
    ]
    assert stored.history.earliest("history_date").history_user == world.people.anna


def test_stale_edit_count_is_a_conflict_with_both_versions_and_overwrites_nothing(world):
    desk_review = start_desk_review(review=world.review, peer=world.people.anna)
    indicator = world.indicators[0]
    save_judgement(desk_review=desk_review, indicator=indicator, edit_count=0,
                   performance="matches", questions=["Saved in the first window"])

    with pytest.raises(EditConflict) as caught:
        save_judgement(desk_review=desk_review, indicator=indicator, edit_count=0,
                       performance="surpasses", questions=["Typed in the second window"])

    (stale,) = caught.value.edits
    assert (stale.what, stale.started_from, stale.edit_count, stale.saved_by) == (
        world.indicators[0].code, 0, 1, str(world.people.anna))
    assert [(f.name, f.saved, f.yours) for f in stale.fields] == [
        ("performance", ["matches"], ["surpasses"]),
        ("questions", ["Saved in the first window"], ["Typed in the second window"]),
    ]
    stored = DeskJudgement.objects.get(desk_review=desk_review, indicator=indicator)
    assert (stored.edit_count, stored.performance, stored.questions) == (
        1, "matches", ["Saved in the first window"]
    )


def test_a_first_save_over_an_existing_judgement_is_a_conflict(world):
    desk_review = start_desk_review(review=world.review, peer=world.people.anna)
    indicator = world.indicators[0]
    save_judgement(desk_review=desk_review, indicator=indicator, edit_count=0,
                   performance="matches")

    with pytest.raises(EditConflict):
        save_judgement(desk_review=desk_review, indicator=indicator, edit_count=0,
                       performance="surpasses")

    assert DeskJudgement.objects.get().performance == "matches"


def test_bad_input_names_every_field_and_writes_nothing(world, one_indicator_benchmark):
    desk_review = start_desk_review(review=world.review, peer=world.people.anna)
    other_review = make_world(one_indicator_benchmark, slug="other", host="rotterdam")

    with pytest.raises(ValidationError) as caught:
        save_judgement(
            desk_review=desk_review, indicator=world.indicators[0], edit_count=0,
            performance="excellent", known="not a list", questions=["fine", 42, "x" * 2001],
            to_meet=[world.responsible.chair.pk, other_review.responsible.chair.pk, "abc"],
            to_meet_new=[{"name": "", "role": "chair"}, {"name": "Ann", "phone": "1"}],
        )

    assert caught.value.message_dict == {
        "performance": ["'excellent' is not one of: falls_short, matches, surpasses, "
                        "needs_information."],
        "known": ["Give a list of texts."],
        "questions": ["Item 2 is not a text.", "Item 3 is longer than 2000 characters."],
        "to_meet": ["'abc' is not a person's number.",
                    f"Person {other_review.responsible.chair.pk} is not named in this "
                    "review's initial report."],
        "to_meet_new": ["Person 1: the name is missing.", "Person 2: unknown field(s) phone."],
    }
    assert DeskJudgement.objects.count() == 0


def test_indicator_of_another_benchmark_is_refused(world, one_indicator_benchmark):
    desk_review = start_desk_review(review=world.review, peer=world.people.anna)
    foreign = Indicator.objects.get(benchmark=one_indicator_benchmark)

    with pytest.raises(ValidationError) as caught:
        save_judgement(desk_review=desk_review, indicator=foreign, edit_count=0)

    assert caught.value.message_dict == {
        "indicator": ["AC/A/1 is not an indicator of this review's benchmark."]
    }


def test_duplicates_are_dropped_from_people_to_meet(world):
    desk_review = start_desk_review(review=world.review, peer=world.people.anna)
    chair = world.responsible.chair.pk

    saved = save_judgement(
        desk_review=desk_review, indicator=world.indicators[0], edit_count=0,
        to_meet=[chair, chair],
        to_meet_new=[{"name": "Ann Lee", "organisation": "NGO"},
                     {"name": "ann  lee", "organisation": "ngo"}, {"name": ""}],
    )

    assert [p.pk for p in saved.to_meet.all()] == [chair]
    assert saved.to_meet_new == [{"name": "Ann Lee", "role": "", "organisation": "NGO"}]


def test_submitting_locks_the_desk_review(world):
    desk_review = start_desk_review(review=world.review, peer=world.people.anna)
    save_judgement(desk_review=desk_review, indicator=world.indicators[0], edit_count=0,
                   performance="matches")

    submit_desk_review(desk_review=desk_review, by=world.people.anna)

    assert DeskReview.objects.get(pk=desk_review.pk).submitted_at is not None
    with pytest.raises(DeskReviewSubmitted):
        save_judgement(desk_review=desk_review, indicator=world.indicators[0], edit_count=1,
                       performance="surpasses")
    with pytest.raises(DeskReviewSubmitted):
        submit_desk_review(desk_review=desk_review)
    assert DeskJudgement.objects.get().performance == "matches"


@pytest.mark.django_db(transaction=True)
def test_two_saves_from_the_same_edit_at_once_one_wins(world):
    desk_review = start_desk_review(review=world.review, peer=world.people.anna)
    indicator = world.indicators[0]
    save_judgement(desk_review=desk_review, indicator=indicator, edit_count=0,
                   performance="matches")
    barrier = threading.Barrier(2)
    outcomes = {}

    def save(performance):
        barrier.wait()
        try:
            for _attempt in range(500):
                try:
                    save_judgement(desk_review=desk_review, indicator=indicator, edit_count=1,
                                   performance=performance)
                    outcomes[performance] = "saved"
                except EditConflict as exc:
                    outcomes[performance] = ("conflict", exc.edits[0].fields[0].saved)
                except OperationalError as exc:
                    # The in-memory SQLite test database answers "table is locked" where a
                    # file database (WAL, busy timeout) waits: wait here instead.
                    if "locked" not in str(exc):
                        raise
                    time.sleep(0.01)
                    continue
                break
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(p,)) for p in ("falls_short", "surpasses")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    stored = DeskJudgement.objects.get()
    loser = "surpasses" if stored.performance == "falls_short" else "falls_short"
    assert outcomes == {stored.performance: "saved",
                        loser: ("conflict", [performance_label(stored.performance)])}
    assert stored.edit_count == 2
