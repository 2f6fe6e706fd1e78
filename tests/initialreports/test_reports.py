"""Writing the initial report: creation, saves with edit counts, conflicts, people."""

from decimal import Decimal

import pytest

from citypeer.common.editing import EditConflict
from citypeer.initialreports.domain.queries.reports import candidate_interviewees
from citypeer.initialreports.domain.reports import (
    get_or_create_report,
    save_background,
    save_self_assessment,
)
from citypeer.initialreports.method.report import EntryValues, PersonIn
from citypeer.initialreports.models import (
    BackgroundSection,
    InitialReport,
    ResponsiblePerson,
    SelfAssessment,
)


def entry_of(world, code):
    return SelfAssessment.objects.select_related("indicator").get(
        report=world.report, indicator__code=code
    )


def test_a_new_report_has_seven_sections_and_an_entry_per_indicator(world):
    report = world.report

    assert list(report.background_sections.values_list("kind", "text", "edit_count")) == [
        (k, "", 0) for k in range(1, 8)
    ]
    assert list(report.self_assessments.values_list("indicator__code", "status")) == [
        ("GG/A/1", ""), ("GG/A/2", ""), ("IE/L/1", "")
    ]
    assert report.state == "draft"


def test_get_or_create_is_idempotent_and_fills_a_report_made_elsewhere(world):
    bare = InitialReport.objects.create(review=world.other_review)

    again = get_or_create_report(review=world.review)
    filled = get_or_create_report(review=world.other_review)

    assert again.pk == world.report.pk
    assert BackgroundSection.objects.filter(report=world.report).count() == 7
    assert (filled.pk, filled.self_assessments.count(), filled.background_sections.count()) == (
        bare.pk, 3, 7
    )


def test_background_save_bumps_the_edit_count_and_keeps_history(world):
    save_background(report=world.report, by=world.people.host,
                    sections={1: ("  600,000 inhabitants\r\n", 0)})

    section = world.report.background_sections.get(kind=1)
    assert (section.text, section.edit_count) == ("600,000 inhabitants", 1)
    assert section.history.latest().history_user == world.people.host


def test_a_save_over_a_newer_edit_is_a_conflict_with_both_versions(world):
    host = world.people.host
    save_background(report=world.report, by=host, sections={3: ("Region decides.", 0)})

    with pytest.raises(EditConflict) as raised:
        save_background(report=world.report, by=host, sections={3: ("State decides.", 0)})

    (stale,) = raised.value.edits
    assert (stale.what, [(f.name, f.yours, f.saved) for f in stale.fields]) == (
        "Division of responsibility between local, regional and national levels",
        [("text", "State decides.", "Region decides.")],
    )
    assert (stale.started_from, stale.edit_count, stale.saved_by) == (0, 1, str(host))
    assert world.report.background_sections.get(kind=3).text == "Region decides."


def test_a_conflict_in_one_part_saves_no_other_part(world):
    save_background(report=world.report, by=world.people.host, sections={1: ("One.", 0)})

    with pytest.raises(EditConflict):
        save_background(report=world.report, by=world.people.host,
                        sections={1: ("Other.", 0), 2: ("Two.", 0)},
                        provenance={"drafted_by": "Me"}, provenance_edit_count=0)

    world.report.refresh_from_db()
    assert world.report.background_sections.get(kind=2).text == ""
    assert world.report.drafted_by == ""


def test_every_part_someone_else_saved_is_reported_at_once(world):
    host = world.people.host
    save_background(report=world.report, by=host, sections={1: ("One.", 0), 4: ("Four.", 0)},
                    provenance={"partners": "Two NGOs"}, provenance_edit_count=0)

    with pytest.raises(EditConflict) as raised:
        save_background(report=world.report, by=host,
                        sections={1: ("Mine.", 0), 2: ("Two.", 0), 4: ("Mine too.", 0)},
                        provenance={"partners": "Mine"}, provenance_edit_count=0)

    assert [(e.what, e.started_from, e.edit_count) for e in raised.value.edits] == [
        ("Main characteristics of the municipality", 0, 1),
        ("Political decision-making arrangements and political balance", 0, 1),
        ("provenance and budgets", 0, 1),
    ]
    assert [f.name for e in raised.value.edits for f in e.fields] == ["text", "text", "partners"]
    assert world.report.background_sections.get(kind=2).text == ""


def test_saving_what_is_already_there_is_no_conflict(world):
    save_background(report=world.report, by=world.people.host, sections={1: ("Same.", 0)})

    save_background(report=world.report, by=world.people.host, sections={1: ("Same.", 0)})

    assert world.report.background_sections.get(kind=1).edit_count == 1


def test_provenance_and_budgets_with_their_edit_count(world):
    report = save_background(
        report=world.report, by=world.people.host,
        provenance={"drafted_by": "Integration office", "budget_eu": "1250000.5",
                    "political_involvement": "approved"},
        provenance_edit_count=0,
    )

    with pytest.raises(EditConflict) as raised:
        save_background(report=world.report, by=world.people.host,
                        provenance={"budget_eu": Decimal("99")}, provenance_edit_count=0)

    assert (report.drafted_by, report.budget_eu, report.edit_count) == (
        "Integration office", Decimal("1250000.50"), 1
    )
    assert [(f.name, f.saved, f.yours) for f in raised.value.edits[0].fields] == [
        ("budget_eu", "1250000.50", "99.00")
    ]


def test_entry_save_and_conflict(world):
    entry = entry_of(world, "GG/A/2")
    values = EntryValues(status="in_progress", evidence="A plan for 2009.")
    save_self_assessment(report=world.report, indicator_id=entry.indicator_id, values=values,
                         edit_count=0, by=world.people.host)

    with pytest.raises(EditConflict) as raised:
        save_self_assessment(report=world.report, indicator_id=entry.indicator_id,
                             values=EntryValues(status="achieved"), edit_count=0,
                             by=world.people.host)

    entry.refresh_from_db()
    assert (entry.status, entry.evidence, entry.edit_count) == (
        "in_progress", "A plan for 2009.", 1
    )
    (stale,) = raised.value.edits
    assert (stale.what, [(f.name, f.yours, f.saved) for f in stale.fields]) == (
        "GG/A/2", [("status", "achieved", "in progress"), ("evidence", None, "A plan for 2009.")]
    )


def test_responsible_people_are_listed_once_per_report(world):
    host = world.people.host
    for code, person in (
        ("GG/A/1", PersonIn("Anna Virtanen", "Deputy Mayor", "City Council")),
        ("GG/A/2", PersonIn(" anna  virtanen ", "", "city council")),
        ("IE/L/1", PersonIn("Anna Virtanen", "Deputy Mayor", "Immigration Division")),
    ):
        entry = entry_of(world, code)
        save_self_assessment(
            report=world.report, indicator_id=entry.indicator_id, edit_count=0, by=host,
            values=EntryValues(politically_responsible=person,
                               operationally_responsible=PersonIn("Mika Laine", "Head", "IO")),
        )

    people = [(c.person.name, c.person.role, c.person.organisation, c.politically_for,
               c.operationally_for) for c in candidate_interviewees(world.report)]
    assert people == [
        ("Anna Virtanen", "Deputy Mayor", "City Council", ["GG/A/1", "GG/A/2"], []),
        ("Anna Virtanen", "Deputy Mayor", "Immigration Division", ["IE/L/1"], []),
        ("Mika Laine", "Head", "IO", [], ["GG/A/1", "GG/A/2", "IE/L/1"]),
    ]
    assert ResponsiblePerson.objects.filter(report=world.report).count() == 3
