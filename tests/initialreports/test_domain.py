"""Writing the initial report: creation, saves with revisions, people, states, e-mail."""

from decimal import Decimal

import pytest
from django.core import mail

from citypeer.initialreports.domain.queries.reports import candidate_interviewees
from citypeer.initialreports.domain.reports import (
    EditConflict,
    EntryValues,
    ReportLocked,
    get_or_create_report,
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
from citypeer.initialreports.method.workbook import PersonIn
from citypeer.initialreports.models import (
    BackgroundSection,
    InitialReport,
    ResponsiblePerson,
    SelfAssessment,
)
from tests.initialreports.conftest import fill_completely


def entry_of(world, code):
    return SelfAssessment.objects.select_related("indicator").get(
        report=world.report, indicator__code=code
    )


def test_a_new_report_has_seven_sections_and_an_entry_per_indicator(small):
    report = small.report

    assert list(report.background_sections.values_list("kind", "text", "revision")) == [
        (k, "", 0) for k in range(1, 8)
    ]
    assert list(report.self_assessments.values_list("indicator__code", "status")) == [
        ("GG/A/1", ""), ("GG/A/2", ""), ("IE/L/1", "")
    ]
    assert report.state == "draft"


def test_get_or_create_is_idempotent_and_fills_a_report_made_elsewhere(small):
    bare = InitialReport.objects.create(review=small.other_review)

    again = get_or_create_report(review=small.review)
    filled = get_or_create_report(review=small.other_review)

    assert again.pk == small.report.pk
    assert BackgroundSection.objects.filter(report=small.report).count() == 7
    assert (filled.pk, filled.self_assessments.count(), filled.background_sections.count()) == (
        bare.pk, 3, 7
    )


def test_background_save_bumps_the_revision_and_keeps_history(small):
    save_background(report=small.report, by=small.people.host,
                    sections={1: ("  600,000 inhabitants\r\n", 0)})

    section = small.report.background_sections.get(kind=1)
    assert (section.text, section.revision) == ("600,000 inhabitants", 1)
    assert section.history.latest().history_user == small.people.host


def test_a_save_over_a_newer_revision_is_a_conflict_with_both_versions(small):
    host = small.people.host
    save_background(report=small.report, by=host, sections={3: ("Region decides.", 0)})

    with pytest.raises(EditConflict) as raised:
        save_background(report=small.report, by=host, sections={3: ("State decides.", 0)})

    conflict = raised.value.conflicts[0]
    assert (conflict.what, conflict.yours, conflict.theirs) == (
        "Division of responsibility between local, regional and national levels",
        {"text": "State decides."}, {"text": "Region decides."},
    )
    assert (conflict.your_revision, conflict.current_revision, conflict.changed_by) == (
        0, 1, str(host)
    )
    assert small.report.background_sections.get(kind=3).text == "Region decides."


def test_a_conflict_in_one_part_saves_no_other_part(small):
    save_background(report=small.report, by=small.people.host, sections={1: ("One.", 0)})

    with pytest.raises(EditConflict):
        save_background(report=small.report, by=small.people.host,
                        sections={1: ("Other.", 0), 2: ("Two.", 0)},
                        provenance={"drafted_by": "Me"}, provenance_revision=0)

    small.report.refresh_from_db()
    assert small.report.background_sections.get(kind=2).text == ""
    assert small.report.drafted_by == ""


def test_saving_what_is_already_there_is_no_conflict(small):
    save_background(report=small.report, by=small.people.host, sections={1: ("Same.", 0)})

    save_background(report=small.report, by=small.people.host, sections={1: ("Same.", 0)})

    assert small.report.background_sections.get(kind=1).revision == 1


def test_provenance_and_budgets_with_their_revision(small):
    report = save_background(
        report=small.report, by=small.people.host,
        provenance={"drafted_by": "Integration office", "budget_eu": "1250000.5",
                    "political_involvement": "approved"},
        provenance_revision=0,
    )

    with pytest.raises(EditConflict) as raised:
        save_background(report=small.report, by=small.people.host,
                        provenance={"budget_eu": Decimal("99")}, provenance_revision=0)

    assert (report.drafted_by, report.budget_eu, report.revision) == (
        "Integration office", Decimal("1250000.50"), 1
    )
    assert raised.value.conflicts[0].theirs == {"budget_eu": Decimal("1250000.50")}


def test_entry_save_and_conflict(small):
    entry = entry_of(small, "GG/A/2")
    values = EntryValues(status="in_progress", evidence="A plan for 2009.")
    save_self_assessment(report=small.report, indicator_id=entry.indicator_id, values=values,
                         revision=0, by=small.people.host)

    with pytest.raises(EditConflict) as raised:
        save_self_assessment(report=small.report, indicator_id=entry.indicator_id,
                             values=EntryValues(status="achieved"), revision=0,
                             by=small.people.host)

    entry.refresh_from_db()
    assert (entry.status, entry.evidence, entry.revision) == ("in_progress", "A plan for 2009.", 1)
    conflict = raised.value.conflicts[0]
    assert (conflict.what, conflict.yours["status"], conflict.theirs["status"]) == (
        "GG/A/2", "achieved", "in_progress"
    )


def test_responsible_people_are_listed_once_per_report(small):
    host = small.people.host
    for code, person in (
        ("GG/A/1", PersonIn("Anna Virtanen", "Deputy Mayor", "City Council")),
        ("GG/A/2", PersonIn(" anna  virtanen ", "", "city council")),
        ("IE/L/1", PersonIn("Anna Virtanen", "Deputy Mayor", "Immigration Division")),
    ):
        entry = entry_of(small, code)
        save_self_assessment(
            report=small.report, indicator_id=entry.indicator_id, revision=0, by=host,
            values=EntryValues(politically_responsible=person,
                               operationally_responsible=PersonIn("Mika Laine", "Head", "IO")),
        )

    people = [(c.person.name, c.person.role, c.person.organisation, c.politically_for,
               c.operationally_for) for c in candidate_interviewees(small.report)]
    assert people == [
        ("Anna Virtanen", "Deputy Mayor", "City Council", ["GG/A/1", "GG/A/2"], []),
        ("Anna Virtanen", "Deputy Mayor", "Immigration Division", ["IE/L/1"], []),
        ("Mika Laine", "Head", "IO", [], ["GG/A/1", "GG/A/2", "IE/L/1"]),
    ]
    assert ResponsiblePerson.objects.filter(report=small.report).count() == 3


def test_submission_is_refused_with_everything_missing(small):
    with pytest.raises(ReportIncomplete) as raised:
        submit_report(report=small.report, by=small.people.host)

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
    small.report.refresh_from_db()
    assert small.report.state == "draft"


def test_draft_submitted_returned_resubmitted_returned(small, django_capture_on_commit_callbacks):
    fill_completely(small)
    host, coordinator = small.people.host, small.people.coordinator
    assert report_completeness(small.report).complete is True

    with django_capture_on_commit_callbacks(execute=True):
        submit_report(report=small.report, by=host)
        return_report(report=small.report, by=coordinator, question="Which budget is EU money?")
        resubmit_report(report=small.report, by=host, message="Section 7 says it now.")
        return_report(report=small.report, by=coordinator, question="And the regional part?")

    small.report.refresh_from_db()
    assert small.report.state == "returned"
    assert list(small.report.transitions.values_list("from_state", "to_state", "by", "message")) \
        == [
        ("draft", "submitted", host.pk, ""),
        ("submitted", "returned", coordinator.pk, "Which budget is EU money?"),
        ("returned", "resubmitted", host.pk, "Section 7 says it now."),
        ("resubmitted", "returned", coordinator.pk, "And the regional part?"),
    ]


def test_a_submitted_report_is_locked_for_the_host(small):
    fill_completely(small)
    submit_report(report=small.report, by=small.people.host)
    entry = entry_of(small, "GG/A/1")

    with pytest.raises(ReportLocked) as raised:
        save_self_assessment(report=small.report, indicator_id=entry.indicator_id,
                             values=EntryValues(status="aspiration"), revision=entry.revision,
                             by=small.people.host)
    with pytest.raises(ReportLocked):
        save_background(report=small.report, by=small.people.host, sections={1: ("x", 1)})

    assert str(raised.value) == "The report is submitted: the host city cannot change it now."


@pytest.mark.parametrize(("move", "kwargs", "message"), [
    (return_report, {"question": "Why?"}, "A report that is draft cannot be returned for "
                                          "clarification."),
    (resubmit_report, {}, "A report that is draft cannot be resubmitted."),
])
def test_moves_not_allowed_from_a_draft(small, move, kwargs, message):
    with pytest.raises(TransitionNotAllowed) as raised:
        move(report=small.report, by=small.people.coordinator, **kwargs)

    assert str(raised.value) == message


def test_a_return_needs_a_question(small):
    fill_completely(small)
    submit_report(report=small.report, by=small.people.host)

    with pytest.raises(QuestionRequired):
        return_report(report=small.report, by=small.people.coordinator, question="  ")

    small.report.refresh_from_db()
    assert small.report.state == "submitted"


def test_submission_mails_the_coordinator_and_the_team(small, django_capture_on_commit_callbacks):
    fill_completely(small)

    with django_capture_on_commit_callbacks(execute=True):
        submit_report(report=small.report, by=small.people.host)

    assert sorted(m.to[0] for m in mail.outbox) == [
        "coordinator_inti-2008@example.org", "expert_inti-2008@example.org",
        "peer_inti-2008@example.org",
    ]
    assert {m.subject for m in mail.outbox} == {"Initial report submitted: Helsinki"}
    assert "Helsinki has submitted its initial report for INTI-2008." in mail.outbox[0].body
    assert f"/reviews/{small.review.pk}/initial-report/" in mail.outbox[0].body


def test_a_return_mails_the_host_officers_the_question(small, django_capture_on_commit_callbacks):
    fill_completely(small)
    submit_report(report=small.report, by=small.people.host)
    small.people.host.language = "fr"
    small.people.host.save()

    with django_capture_on_commit_callbacks(execute=True):
        return_report(report=small.report, by=small.people.coordinator,
                      question="Who decides on the EU funds?")

    assert [m.to for m in mail.outbox] == [["host_inti-2008@example.org"]]
    assert "Who decides on the EU funds?" in mail.outbox[0].body
    assert mail.outbox[0].subject == (
        "Your initial report is returned for clarification: Helsinki"
    )


def test_resubmission_mails_say_resubmitted(small, django_capture_on_commit_callbacks):
    fill_completely(small)
    submit_report(report=small.report, by=small.people.host)
    return_report(report=small.report, by=small.people.coordinator, question="Why?")

    with django_capture_on_commit_callbacks(execute=True):
        resubmit_report(report=small.report, by=small.people.host, message="Because.")

    assert {m.subject for m in mail.outbox} == {"Initial report resubmitted: Helsinki"}
    assert "Because." in mail.outbox[0].body
