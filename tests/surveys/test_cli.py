"""citypeer survey …: the same functions and permissions as the pages, located problems
and exit codes."""

import io
import json

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from citypeer.surveys.domain.definitions import definition_of
from citypeer.surveys.domain.surveys import close_survey, publish_results
from citypeer.surveys.models import CharterSurvey
from tests.surveys.conftest import make_survey


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("survey", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_list_and_show(world):
    listed, _ = run("list", "--format", "json")
    shown, _ = run("show", "2026")

    assert [(s["year"], s["state"], s["questions"]) for s in json.loads(listed)] == [
        (2026, "open", 5)]
    assert "  2. members" in shown
    assert "⟵ council equals yes" in shown


def test_an_exported_form_imports_back_and_a_bad_one_is_refused_with_exit_code_1(
        world, tmp_path):
    make_survey(2030, open_it=False)
    exported = tmp_path / "form.xlsx"
    run("export-xlsform", "2026", "-o", str(exported))

    imported, _ = run("import-xlsform", "2030", str(exported))

    assert "the survey of 2030 has 5 questions" in imported
    survey = CharterSurvey.objects.get(year=2030)
    assert definition_of(survey).questions == definition_of(world.survey).questions
    bad = tmp_path / "bad.xlsx"
    book = Workbook()
    book.active.title = "survey"
    for row in [("type", "name", "label", "relevant"), ("select_one nowhere", "q", "Q", ""),
                ("text", "r", "R", "${ghost}='x'")]:
        book.active.append(row)
    book.save(bad)
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_code:
        call_command("survey", "import-xlsform", "2030", str(bad), stdout=io.StringIO(),
                     stderr=err)
    assert exit_code.value.code == 1
    assert err.getvalue().splitlines()[1:] == [
        f"{bad}: sheet survey, row 2, column A (type): the choice list nowhere is not on the "
        "choices sheet",
        f"{bad}: sheet survey, row 3, column D (relevant): the condition refers to ghost, "
        "which is no question here",
    ]
    assert survey.questions.count() == 5


def test_send_and_remind(world):
    sent, _ = run("send", "2026")
    again, _ = run("send", "2026", "--city", "lyon")
    reminded, _ = run("remind", "--today", "2026-04-27")

    assert "2 invitation(s) sent." in sent
    assert "sent: Lyon" in again
    assert "2 reminder(s) sent." in reminded
    assert len(mail.outbox) == 5


def test_a_person_acts_with_their_own_permissions(world):
    with pytest.raises(CommandError, match="claire may not do this"):
        run("send", "2026", "--user", "claire")
    with pytest.raises(CommandError, match="no person with the user name ghost"):
        run("list", "--user", "ghost")
    with pytest.raises(CommandError, match="no survey for this year"):
        run("show", "1999")
    listed, _ = run("list", "--user", "claire", "--format", "json")
    assert [s["year"] for s in json.loads(listed)] == [2026]


def test_results_as_published(world):
    with pytest.raises(CommandError, match="not published"):
        run("results", "2026", "--public")
    publish_results(survey=close_survey(survey=world.survey), publication="aggregated")

    public, _ = run("results", "2026", "--public", "--format", "json")
    everything, _ = run("results", "2026", "--format", "json")
    table, _ = run("results", "2026", "--user", "marco")

    assert json.loads(public)["cities"] is None
    assert json.loads(everything)["cities"] == []
    assert "council (single): 0/0" in table


def test_refusals_exit_with_their_reason(world, tmp_path):
    form = tmp_path / "form.xlsx"
    run("export-xlsform", "2026", "-o", str(form))

    with pytest.raises(CommandError, match="only while it is a draft"):
        run("import-xlsform", "2026", str(form))
    with pytest.raises(CommandError, match="a plain text is not accepted here"):
        run("import-xlsform", "2026", __file__)
