"""A survey's definition exported to and imported from XLSForm (surveys.method.xlsform).

An import reads and checks the whole form first; only a form without a problem replaces the
draft survey's questions, in one transaction. A refused form writes nothing and lists every
problem with its sheet, row and column.
"""

from __future__ import annotations

from typing import BinaryIO

from django.utils.translation import gettext as _

from citypeer.benchmarks.models import Indicator, KeyFactor
from citypeer.surveys.domain.definitions import definition_of, require_draft, write_definition
from citypeer.surveys.domain.refusals import FormRefused
from citypeer.surveys.method.xlsform import FormProblems, parse_source, read_workbook
from citypeer.surveys.method.xlsform_read import definition_from_sheets
from citypeer.surveys.method.xlsform_write import write_xlsform
from citypeer.surveys.models import CharterSurvey

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_BYTES = 5 * 1024 * 1024


def export_xlsform(survey: CharterSurvey) -> bytes:
    return write_xlsform(definition_of(survey))


def xlsform_name(survey: CharterSurvey) -> str:
    return f"charter-survey-{survey.year}.xlsx"


def source_exists(source: str) -> bool:
    parsed = parse_source(source)
    if parsed is None:
        return False
    slug, version, code = parsed
    where = {"benchmark__slug": slug, "benchmark__version": version, "code": code}
    return (Indicator.objects.filter(**where).exists()
            or KeyFactor.objects.filter(**where).exists())


def import_xlsform(*, survey: CharterSurvey, stream: BinaryIO) -> CharterSurvey:
    """Replace the draft survey's questions (and title) with the form's."""
    require_draft(survey)
    try:
        definition = definition_from_sheets(read_workbook(stream), title=survey.title,
                                            source_exists=source_exists)
    except FormProblems as exc:
        raise FormRefused(_("Nothing was imported: mend these problems in the form first."),
                          exc.problems) from None
    return write_definition(survey=survey, definition=definition, title=True)
