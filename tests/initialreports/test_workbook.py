"""The offline template: written to a real .xlsx file, filled in with openpyxl as a city would
in Excel, and read back through the command line and the upload form."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from citypeer.initialreports.domain.reports import (
    ReportLocked,
    save_background,
    save_self_assessment,
)
from citypeer.initialreports.domain.transitions import submit_report
from citypeer.initialreports.domain.workbook import import_initial_report
from citypeer.initialreports.interfaces.workbook import read_workbook, write_workbook
from citypeer.initialreports.method.report import EntryValues, PersonIn
from citypeer.initialreports.method.workbook_problems import WorkbookProblems
from citypeer.initialreports.models import ResponsiblePerson, SelfAssessment
from tests.initialreports.conftest import fill_completely, make_benchmark, make_world, upload


def snapshot(report) -> dict:
    """Everything the workbook carries, as plain data."""
    report.refresh_from_db()
    entries = SelfAssessment.objects.filter(report=report).select_related(
        "indicator", "politically_responsible", "operationally_responsible"
    ).order_by("indicator__position")
    person = lambda p: p and (p.name, p.role, p.organisation)  # noqa: E731
    return {
        "sections": list(report.background_sections.values_list("kind", "text", "edit_count")),
        "provenance": [getattr(report, f) for f in (
            "drafted_by", "partners", "political_involvement", "political_involvement_note",
            "budget_local", "budget_regional", "budget_national", "budget_eu", "edit_count")],
        "entries": [
            (e.indicator.code, e.status, e.not_applicable_reason, e.evidence, e.how, e.why,
             e.who, person(e.politically_responsible), person(e.operationally_responsible),
             e.edit_count)
            for e in entries
        ],
        "people": sorted(ResponsiblePerson.objects.filter(report=report).values_list(
            "name", "role", "organisation")),
    }


def export(world, tmp_path, name="report.xlsx"):
    path = tmp_path / name
    call_command("template", "initial-report", str(world.review.pk), "-o", str(path))
    return path


def run_import(world, path, **options):
    call_command("import", "initial-report", str(path), "--review", str(world.review.pk),
                 **options)


def rows_by_code(ws) -> dict[str, int]:
    return {ws.cell(row, 1).value: row for row in range(3, ws.max_row + 1)}


def column_of(ws, key: str) -> int:
    return next(c.column for c in ws[1] if c.value == key)


def set_entry(ws, code, **values):
    row = rows_by_code(ws)[code]
    for key, value in values.items():
        ws.cell(row, column_of(ws, key)).value = value


def set_background(ws, key, value):
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == key)
    ws.cell(row, 3).value = value


def test_export_then_import_gives_back_exactly_what_was_there(world, tmp_path):
    fill_completely(world)
    entry = SelfAssessment.objects.get(report=world.report, indicator__code="GG/A/2")
    save_self_assessment(
        report=world.report, indicator_id=entry.indicator_id, edit_count=entry.edit_count,
        by=world.people.host,
        values=EntryValues(status="not_applicable", not_applicable_reason="No port.\nNone.",
                           evidence="=1+1 is text, not a formula", how="@how", why="why",
                           who="who", politically_responsible=PersonIn("Ä Ö", "", "Bürgeramt")),
    )
    save_background(report=world.report, by=world.people.host,
                    provenance={"budget_eu": Decimal("999999999999.99"), "partners": "NGOs"},
                    provenance_edit_count=world.report.edit_count)
    before = snapshot(world.report)

    path = export(world, tmp_path)
    run_import(world, path)

    assert snapshot(world.report) == before


def test_an_empty_report_round_trips_too(world, tmp_path):
    before = snapshot(world.report)

    run_import(world, export(world, tmp_path))

    assert snapshot(world.report) == before


def test_the_workbook_has_the_three_sheets_and_a_status_drop_down(world, tmp_path):
    wb = load_workbook(export(world, tmp_path))

    assert wb.sheetnames == ["Instructions", "Background", "Self-assessment", "Lists"]
    ws = wb["Self-assessment"]
    assert [c.value for c in ws[2]] == [
        "indicator code", "indicator", "status", "reason if not applicable", "evidence", "how",
        "why", "who", "politically responsible: name", "politically responsible: role",
        "politically responsible: organisation", "operationally responsible: name",
        "operationally responsible: role", "operationally responsible: organisation",
        "edit count",
    ]
    assert [ws.cell(r, 1).value for r in range(3, ws.max_row + 1)] == [
        "GG/A/1", "GG/A/2", "IE/L/1"
    ]
    assert ws.cell(3, 2).value == "Indicator GG/A/1."
    (validation,) = ws.data_validations.dataValidation
    assert (validation.type, validation.formula1, str(validation.sqref)) == (
        "list", "Lists!$A$1:$A$4", "C3:C5"
    )
    assert [wb["Lists"].cell(r, 1).value for r in range(1, 5)] == [
        "achieved", "in progress", "aspiration only", "not applicable"
    ]
    assert ws.protection.sheet is True
    assert (ws.cell(3, 2).protection.locked, ws.cell(3, 3).protection.locked) == (True, False)
    background = wb["Background"]
    assert [background.cell(r, 2).value for r in range(2, 9)][0] == (
        "1. Main characteristics of the municipality"
    )
    assert [background.cell(r, 1).value for r in range(13, 17)] == [
        "budget_local", "budget_regional", "budget_national", "budget_eu"
    ]


def test_a_filled_in_workbook_is_imported(world, tmp_path, capsys):
    path = export(world, tmp_path)
    wb = load_workbook(path)
    ws = wb["Self-assessment"]
    set_entry(ws, "GG/A/1", status="achieved", evidence="A committee meets 4 times a year.",
              political_name="Anna Virtanen", political_role="Deputy Mayor",
              political_organisation="City Council")
    set_entry(ws, "IE/L/1", status="aspiration only", political_name="anna virtanen",
              political_organisation="city council")
    set_background(wb["Background"], "section_4", "Council of 85 seats.")
    set_background(wb["Background"], "budget_national", 250000)
    set_background(wb["Background"], "political_involvement", "informed")
    wb.save(path)

    run_import(world, path)

    data = snapshot(world.report)
    assert data["entries"][0][:4] == ("GG/A/1", "achieved", "", "A committee meets 4 times a "
                                                                "year.")
    assert data["entries"][2][1] == "aspiration"
    assert data["people"] == [("Anna Virtanen", "Deputy Mayor", "City Council")]
    assert data["sections"][3] == (4, "Council of 85 seats.", 1)
    assert data["provenance"][2] == "informed"
    assert data["provenance"][6] == Decimal("250000.00")
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"Imported {path} into the initial report of {world.review}: 1 background section(s), "
        "2 provenance item(s) and 2 self-assessment entries changed."
    )


def test_errors_in_several_rows_are_all_reported_and_nothing_is_imported(world, tmp_path,
                                                                         capsys):
    path = export(world, tmp_path)
    wb = load_workbook(path)
    ws = wb["Self-assessment"]
    set_entry(ws, "GG/A/1", status="done", evidence="Good evidence that must not be kept.")
    set_entry(ws, "GG/A/2", operational_role="Head of office")
    set_entry(ws, "IE/L/1", status="achieved", edit_count="changed")
    set_background(wb["Background"], "section_1", "Must not be kept either.")
    set_background(wb["Background"], "budget_eu", "a lot")
    wb.save(path)
    before = snapshot(world.report)

    with pytest.raises(SystemExit) as exited:
        run_import(world, path)

    assert exited.value.code == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{path}: Background, row 16, column C (budget from EU sources (EUR)): 'a lot' is not "
        "an amount in euros: write a number such as 1250000.50",
        f"{path}: Self-assessment, row 3, column C (status): 'done' is not one of achieved, "
        "in progress, aspiration only, not applicable",
        f"{path}: Self-assessment, row 4, column M (operationally responsible: role): a role is "
        "given but no name",
        f"{path}: Self-assessment, row 5, column O (edit count): 'changed' is not an edit "
        "count; do not change this column",
        "Nothing was imported: 4 problem(s).",
    ]
    assert snapshot(world.report) == before


def test_a_row_changed_on_both_sides_is_reported_not_overwritten(world, tmp_path):
    path = export(world, tmp_path)
    entry = SelfAssessment.objects.get(report=world.report, indicator__code="GG/A/2")
    save_self_assessment(report=world.report, indicator_id=entry.indicator_id, edit_count=0,
                         by=world.people.host, values=EntryValues(evidence="Typed online."))
    wb = load_workbook(path)
    set_entry(wb["Self-assessment"], "GG/A/2", evidence="Typed offline.")
    set_entry(wb["Self-assessment"], "GG/A/1", evidence="Only offline.")
    wb.save(path)

    with path.open("rb") as stream:
        sheets = read_workbook(stream)

    with pytest.raises(WorkbookProblems) as raised:
        import_initial_report(report=world.report, sheets=sheets, by=world.people.host)

    assert [str(p) for p in raised.value.problems] == [
        "Self-assessment, row 4: GG/A/2 was changed on the platform (edit 1) after this "
        "workbook was made (edit 0); download a new template and copy your changes into it"
    ]
    assert list(SelfAssessment.objects.filter(report=world.report).order_by(
        "indicator__position").values_list("evidence", flat=True)) == ["", "Typed online.", ""]


def test_rows_the_city_did_not_touch_keep_what_was_saved_online_since(world, tmp_path):
    path = export(world, tmp_path)
    entry = SelfAssessment.objects.get(report=world.report, indicator__code="GG/A/2")
    save_self_assessment(report=world.report, indicator_id=entry.indicator_id, edit_count=0,
                         by=world.people.host, values=EntryValues(evidence="Typed online."))
    save_background(report=world.report, by=world.people.host,
                    provenance={"partners": "Online partners"}, provenance_edit_count=0)
    wb = load_workbook(path)
    set_entry(wb["Self-assessment"], "GG/A/1", evidence="Typed offline.")
    set_background(wb["Background"], "drafted_by", "Offline drafters")
    wb.save(path)

    run_import(world, path)

    world.report.refresh_from_db()
    assert list(SelfAssessment.objects.filter(report=world.report).order_by(
        "indicator__position").values_list("evidence", flat=True)) == [
        "Typed offline.", "Typed online.", ""]
    assert (world.report.partners, world.report.drafted_by) == (
        "Online partners", "Offline drafters"
    )


def test_a_workbook_for_another_review_is_refused(world, tmp_path, capsys):
    other = make_world(make_benchmark(["GG/A/1", "GG/A/2", "IE/L/1"], slug="other"),
                       slug="other")
    path = export(other, tmp_path)

    with pytest.raises(SystemExit):
        run_import(world, path)

    assert capsys.readouterr().err.splitlines()[0] == (
        f"{path}: Instructions, row 3, column C: this workbook is for review {other.review.pk}, "
        f"not review {world.review.pk}: download the template of this review"
    )


def test_a_file_that_is_not_a_workbook_is_refused(world, tmp_path, capsys):
    path = tmp_path / "report.xlsx"
    path.write_bytes(b"%PDF-1.4\nnot a workbook")

    with pytest.raises(SystemExit):
        run_import(world, path)

    assert capsys.readouterr().err.strip() == (
        f"{path}: a PDF document is not accepted here; accepted: .xlsx. Nothing was imported."
    )


def test_a_submitted_report_cannot_be_imported(world, tmp_path):
    fill_completely(world)
    path = export(world, tmp_path)
    submit_report(report=world.report, by=world.people.host)

    with path.open("rb") as stream:
        sheets = read_workbook(stream)

    with pytest.raises(ReportLocked):
        import_initial_report(report=world.report, sheets=sheets, by=None)


def test_cli_checks_the_persons_permission(world, tmp_path):
    from django.core.management.base import CommandError

    path = tmp_path / "x.xlsx"
    with pytest.raises(CommandError) as refused:
        call_command("template", "initial-report", str(world.review.pk), "-o", str(path),
                     "--user", world.people.other_host.username)
    call_command("template", "initial-report", str(world.review.pk), "-o", str(path),
                 "--user", world.people.peer.username)

    assert str(refused.value) == (
        f"{world.people.other_host.username} may not do this with the initial report of "
        f"review {world.review.pk}."
    )
    assert path.exists()
    with pytest.raises(CommandError):
        run_import(world, path, user=world.people.peer.username)


def test_download_button_and_upload_form(client, world):
    client.force_login(world.people.host)
    response = client.get(reverse("initialreports:template", kwargs={"review": world.review.pk}))
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"] == (
        f'attachment; filename="initial-report-helsinki-{world.review.pk}.xlsx"'
    )
    content = write_workbook(world.report)
    wb = load_workbook(io.BytesIO(content))
    set_entry(wb["Self-assessment"], "GG/A/1", status="in progress")
    set_entry(wb["Self-assessment"], "GG/A/2", status="finished")
    set_entry(wb["Self-assessment"], "IE/L/1", status="sort of")
    bad = io.BytesIO()
    wb.save(bad)
    url = reverse("initialreports:import", kwargs={"review": world.review.pk})

    refused = client.post(url, {"file": upload("filled.xlsx", bad.getvalue())})

    assert refused.status_code == 400
    assert refused.context["problems"] == [
        ("Self-assessment, row 4, column C (status)", "'finished' is not one of achieved, in "
         "progress, aspiration only, not applicable"),
        ("Self-assessment, row 5, column C (status)", "'sort of' is not one of achieved, in "
         "progress, aspiration only, not applicable"),
    ]
    assert SelfAssessment.objects.filter(report=world.report, status="").count() == 3

    set_entry(wb["Self-assessment"], "GG/A/2", status="achieved")
    set_entry(wb["Self-assessment"], "IE/L/1", status="")
    good = io.BytesIO()
    wb.save(good)
    accepted = client.post(url, {"file": upload("filled.xlsx", good.getvalue())})

    assert accepted.status_code == 302
    assert list(SelfAssessment.objects.filter(report=world.report).order_by(
        "indicator__position").values_list("status", flat=True)) == [
        "in_progress", "achieved", ""]


def test_peers_download_but_cannot_upload(client, world):
    client.force_login(world.people.peer)

    template = client.get(reverse("initialreports:template", kwargs={"review": world.review.pk}))
    form = client.get(reverse("initialreports:import", kwargs={"review": world.review.pk}))

    assert (template.status_code, form.status_code) == (200, 403)


def test_the_inti_benchmark_round_trips_with_all_73_indicators(inti, media, tmp_path):
    world = make_world(inti, slug="inti")
    statuses = ["achieved", "in_progress", "aspiration", "not_applicable", ""]
    entries = SelfAssessment.objects.filter(report=world.report).select_related("indicator")
    for n, entry in enumerate(entries.order_by("indicator__position")):
        save_self_assessment(
            report=world.report, indicator_id=entry.indicator_id, edit_count=0,
            by=world.people.host,
            values=EntryValues(
                status=statuses[n % 5], evidence=f"Evidence {n}\nsecond line",
                not_applicable_reason="Not here." if n % 5 == 3 else "",
                politically_responsible=PersonIn(f"Person {n % 7}", "Alderman", "Council"),
            ),
        )
    before = snapshot(world.report)

    run_import(world, export(world, tmp_path))

    assert len(before["entries"]) == 73
    assert snapshot(world.report) == before


def test_an_unknown_review_is_an_error(world, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError) as refused:
        call_command("template", "initial-report", "99999", "-o", str(tmp_path / "x.xlsx"))

    assert str(refused.value) == "There is no peer review 99999."
