"""Moving the initial report between its states, and the e-mail each move sends."""

import pytest
from django.core import mail

from citypeer.initialreports.domain.reports import (
    ReportLocked,
    report_completeness,
    save_background,
    save_self_assessment,
)
from citypeer.initialreports.domain.transitions import (
    QuestionRequired,
    ReportIncomplete,
    TransitionNotAllowed,
    resubmit_report,
    return_report,
    submit_report,
)
from citypeer.initialreports.method.report import EntryValues
from citypeer.initialreports.models import SelfAssessment
from tests.initialreports.conftest import fill_completely


def entry_of(world, code):
    return SelfAssessment.objects.select_related("indicator").get(
        report=world.report, indicator__code=code
    )


def test_submission_is_refused_with_everything_missing(world):
    with pytest.raises(ReportIncomplete) as raised:
        submit_report(report=world.report, by=world.people.host)

    assert raised.value.missing[:2] == [
        "Background section 1 (Main characteristics of the municipality): the section is empty",
        "Background section 2 (Role of the municipality in the delivery of public policies and "
        "services): the section is empty",
    ]
    assert raised.value.missing[-3:] == [
        "IE/L/1: no status", "IE/L/1: no evidence",
        "IE/L/1: no politically or operationally responsible person",
    ]
    assert len(raised.value.missing) == 7 + 1 + 2 + 3 * 3
    assert str(raised.value).startswith("The report cannot be sent yet; 19 things are missing: ")
    world.report.refresh_from_db()
    assert world.report.state == "draft"


def test_draft_submitted_returned_resubmitted_returned(world, django_capture_on_commit_callbacks):
    fill_completely(world)
    host, coordinator = world.people.host, world.people.coordinator
    assert report_completeness(world.report).complete is True

    with django_capture_on_commit_callbacks(execute=True):
        submit_report(report=world.report, by=host)
        return_report(report=world.report, by=coordinator, question="Which budget is EU money?")
        resubmit_report(report=world.report, by=host, message="Section 7 says it now.")
        return_report(report=world.report, by=coordinator, question="And the regional part?")

    world.report.refresh_from_db()
    assert world.report.state == "returned"
    assert list(world.report.transitions.values_list("from_state", "to_state", "by", "message")) \
        == [
        ("draft", "submitted", host.pk, ""),
        ("submitted", "returned", coordinator.pk, "Which budget is EU money?"),
        ("returned", "resubmitted", host.pk, "Section 7 says it now."),
        ("resubmitted", "returned", coordinator.pk, "And the regional part?"),
    ]


def test_a_submitted_report_is_locked_for_the_host(world):
    fill_completely(world)
    submit_report(report=world.report, by=world.people.host)
    entry = entry_of(world, "GG/A/1")

    with pytest.raises(ReportLocked) as raised:
        save_self_assessment(report=world.report, indicator_id=entry.indicator_id,
                             values=EntryValues(status="aspiration"), edit_count=entry.edit_count,
                             by=world.people.host)
    with pytest.raises(ReportLocked):
        save_background(report=world.report, by=world.people.host, sections={1: ("x", 1)})

    assert str(raised.value) == "The report is submitted: the host city cannot change it now."


@pytest.mark.parametrize(("move", "kwargs", "message"), [
    (return_report, {"question": "Why?"}, "A report that is draft cannot be returned for "
                                          "clarification."),
    (resubmit_report, {}, "A report that is draft cannot be resubmitted."),
])
def test_moves_not_allowed_from_a_draft(world, move, kwargs, message):
    with pytest.raises(TransitionNotAllowed) as raised:
        move(report=world.report, by=world.people.coordinator, **kwargs)

    assert str(raised.value) == message


def test_a_return_needs_a_question(world):
    fill_completely(world)
    submit_report(report=world.report, by=world.people.host)

    with pytest.raises(QuestionRequired):
        return_report(report=world.report, by=world.people.coordinator, question="  ")

    world.report.refresh_from_db()
    assert world.report.state == "submitted"


def test_submission_mails_the_coordinator_and_the_team(world, django_capture_on_commit_callbacks):
    fill_completely(world)

    with django_capture_on_commit_callbacks(execute=True):
        submit_report(report=world.report, by=world.people.host)

    assert sorted(m.to[0] for m in mail.outbox) == [
        "coordinator_inti-2008@example.org", "expert_inti-2008@example.org",
        "peer_inti-2008@example.org",
    ]
    assert {m.subject for m in mail.outbox} == {"Initial report submitted: Helsinki"}
    assert "Helsinki has submitted its initial report for INTI-2008." in mail.outbox[0].body
    assert f"/reviews/{world.review.pk}/initial-report/" in mail.outbox[0].body


def test_a_return_mails_the_host_officers_the_question(world, django_capture_on_commit_callbacks):
    fill_completely(world)
    submit_report(report=world.report, by=world.people.host)
    world.people.host.language = "fr"
    world.people.host.save()

    with django_capture_on_commit_callbacks(execute=True):
        return_report(report=world.report, by=world.people.coordinator,
                      question="Who decides on the EU funds?")

    assert [m.to for m in mail.outbox] == [["host_inti-2008@example.org"]]
    assert "Who decides on the EU funds?" in mail.outbox[0].body
    assert mail.outbox[0].subject == (
        "Your initial report is returned for clarification: Helsinki"
    )


def test_resubmission_mails_say_resubmitted(world, django_capture_on_commit_callbacks):
    fill_completely(world)
    submit_report(report=world.report, by=world.people.host)
    return_report(report=world.report, by=world.people.coordinator, question="Why?")

    with django_capture_on_commit_callbacks(execute=True):
        resubmit_report(report=world.report, by=world.people.host, message="Because.")

    assert {m.subject for m in mail.outbox} == {"Initial report resubmitted: Helsinki"}
    assert "Because." in mail.outbox[0].body
