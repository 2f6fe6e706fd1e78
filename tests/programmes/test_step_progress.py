"""The dashboard follows the work: steps 3 and 4 move on as the report and desk reviews do."""

from citypeer.deskreviews.domain.desk_reviews import start_desk_review, submit_desk_review
from citypeer.initialreports.domain.transitions import return_report, submit_report
from citypeer.programmes.domain.programmes import add_review
from citypeer.programmes.models import ReviewStep
from tests.initialreports.conftest import fill_completely, make_benchmark, make_world

Step = ReviewStep.Step


def status(review, step):
    return ReviewStep.objects.get(review=review, step=step).status


def test_submitting_the_initial_report_finishes_step_3_and_a_return_reopens_it(db, settings,
                                                                             tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world = make_world(make_benchmark(["GG/A/1"]))
    add_review(programme=world.review.programme, city=world.review.city)
    fill_completely(world)

    submit_report(report=world.report, by=world.people.host)
    after_submit = status(world.review, Step.INITIAL_REPORT)
    return_report(report=world.report, by=world.people.coordinator, question="Which budget?")

    assert (after_submit, status(world.review, Step.INITIAL_REPORT)) == ("done", "in_progress")


def test_step_4_is_done_when_every_team_member_has_submitted(db):
    world = make_world(make_benchmark(["GG/A/1"]))
    add_review(programme=world.review.programme, city=world.review.city)

    peer = start_desk_review(review=world.review, peer=world.people.peer)
    expert = start_desk_review(review=world.review, peer=world.people.expert)
    started = status(world.review, Step.DESK_REVIEW)
    submit_desk_review(desk_review=peer)
    one_of_two = status(world.review, Step.DESK_REVIEW)
    submit_desk_review(desk_review=expert)

    assert (started, one_of_two, status(world.review, Step.DESK_REVIEW)) == (
        "in_progress", "in_progress", "done"
    )
