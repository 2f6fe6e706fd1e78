"""What the XLSForm reader and writer share: sheets, columns, question types, languages, and
the problems an import reports with their sheet, row and column.

XLSForm (https://xlsform.org) is the spreadsheet format ODK and KoboToolbox users write
forms in. citypeer writes and reads this part of it:

  survey sheet   type, name, label, hint, required, relevant, constraint, parameters
                 (and its own columns low_label, high_label and source, which other tools
                 leave alone)
  choices sheet  list_name, name, label
  settings sheet form_title, form_id, version, default_language

  types          integer, decimal, text, range, select_one LIST, select_multiple LIST,
                 begin_group / end_group (a section)

Labels in several languages are columns such as `label::English (en)`.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import BinaryIO

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from citypeer.core.messages import gettext_noop

SURVEY, CHOICES, SETTINGS = "survey", "choices", "settings"
MAX_ROWS = 2000

INTEGER, DECIMAL, TEXT_TYPE, RANGE = "integer", "decimal", "text", "range"
SELECT_ONE, SELECT_MULTIPLE = "select_one", "select_multiple"
BEGIN_GROUP, END_GROUP = "begin_group", "end_group"
TYPE_NAMES = (INTEGER, DECIMAL, TEXT_TYPE, RANGE, f"{SELECT_ONE} LIST",
              f"{SELECT_MULTIPLE} LIST", BEGIN_GROUP, END_GROUP)

# Columns that carry a label in each language, and those that do not.
TRANSLATED = ("label", "hint", "low_label", "high_label")
PLAIN = ("type", "name", "required", "relevant", "constraint", "parameters", "source")
# Columns other tools write that change nothing citypeer keeps.
IGNORED = ("appearance", "constraint_message", "required_message", "guidance_hint", "media",
           "image", "audio", "video")
# Columns whose content would change the form's meaning, which citypeer cannot keep.
NOT_KEPT = ("calculation", "choice_filter", "default", "repeat_count", "read_only", "trigger")

# The six languages of the method, and the names a form may give them.
LANGUAGE_NAMES = {"en": "English", "fr": "French", "de": "German", "fi": "Finnish",
                  "nl": "Dutch", "it": "Italian"}
_LANGUAGE_COLUMN = re.compile(r"^(?P<base>[^:]+)::(?P<language>.+)$")
_CODE_IN_NAME = re.compile(r"\((?P<code>[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)?)\)\s*$")

PLACE_SHEET = gettext_noop("sheet {sheet}")
PLACE_ROW = gettext_noop("sheet {sheet}, row {row}")
PLACE_CELL = gettext_noop("sheet {sheet}, row {row}, column {column} ({header})")

NOT_A_WORKBOOK = gettext_noop("the file is not an Excel workbook (.xlsx)")
NO_SURVEY_SHEET = gettext_noop("there is no sheet named survey")
NO_HEADER = gettext_noop("the first row must name the columns; {missing} is missing")
UNKNOWN_TYPE = gettext_noop("{value} is not a question type citypeer knows ({types})")
NO_LIST_NAME = gettext_noop("{value} needs the name of a choice list after it")
UNKNOWN_LIST = gettext_noop("the choice list {value} is not on the choices sheet")
NOT_YES_NO = gettext_noop("{value} is neither yes nor no")
BAD_PARAMETERS = gettext_noop(
    "{value} is not what a range takes: write start=1 end=5 (and step=1 if you like)")
STEP_NOT_ONE = gettext_noop("a scale moves by steps of 1; step={value} is not kept")
PARAMETERS_NOT_USED = gettext_noop("only a range takes parameters")
CONSTRAINT_NOT_USED = gettext_noop("only integer and decimal questions take a constraint")
COLUMN_NOT_KEPT = gettext_noop("citypeer does not keep {header}; leave it empty")
BAD_SOURCE = gettext_noop(
    "{value} is not a benchmark reference: write slug:version:code, for example "
    "inti-cities-2009:1:GG/A/1")
UNKNOWN_SOURCE = gettext_noop(
    "{value} names no indicator or key factor of a benchmark citypeer holds")
UNKNOWN_LANGUAGE = gettext_noop(
    "{value} does not say its language: write it as English (en), Français (fr) …")
END_WITHOUT_BEGIN = gettext_noop("this end_group closes no begin_group")
BEGIN_WITHOUT_END = gettext_noop("this begin_group is never closed by an end_group")
CHOICE_WITHOUT_LIST = gettext_noop("the choice has no list_name")
CHOICE_WITHOUT_NAME = gettext_noop("the choice has no name")
DUPLICATE_CHOICE = gettext_noop("{value} is also in row {row} of the list {list}")
NO_TITLE = gettext_noop("the form has no form_title on the settings sheet")
NOT_TEXT = gettext_noop("the cell holds {value}, not text")


@dataclass(frozen=True)
class FormProblem:
    """Something wrong in an XLSForm and where: `row` from 1 as the spreadsheet shows it,
    `column` a letter, `header` the column's name in the first row."""

    sheet: str
    message: str
    params: Mapping[str, object] = field(default_factory=dict)
    row: int | None = None
    column: str | None = None
    header: str | None = None

    def text(self, translate=lambda s: s) -> str:
        return translate(self.message).format(**self.params)

    def where(self, translate=lambda s: s) -> str:
        if self.row is None:
            return translate(PLACE_SHEET).format(sheet=self.sheet)
        if self.column is None:
            return translate(PLACE_ROW).format(sheet=self.sheet, row=self.row)
        return translate(PLACE_CELL).format(sheet=self.sheet, row=self.row, column=self.column,
                                            header=self.header or "")

    def render(self, translate=lambda s: s) -> str:
        return f"{self.where(translate)}: {self.text(translate)}"

    def __str__(self) -> str:
        return self.render()


class FormProblems(ValueError):
    """The form is refused: every problem found, and nothing of the form was kept."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def language_column(base: str, code: str) -> str:
    return f"{base}::{LANGUAGE_NAMES.get(code, code)} ({code})"


def language_name(code: str) -> str:
    return f"{LANGUAGE_NAMES.get(code, code)} ({code})"


def language_of(name: str) -> str | None:
    """The code of a language as a form names it: "English (en)" → en, "French" → fr."""
    name = name.strip()
    match = _CODE_IN_NAME.search(name)
    if match:
        return match["code"].lower()
    by_name = {n.lower(): c for c, n in LANGUAGE_NAMES.items()}
    if name.lower() in by_name:
        return by_name[name.lower()]
    if re.fullmatch(r"[A-Za-z]{2}", name):
        return name.lower()
    return None


def split_header(header: str) -> tuple[str, str | None]:
    """("label", "English (en)") for label::English (en); ("type", None) for type."""
    match = _LANGUAGE_COLUMN.match(header.strip())
    if match:
        return match["base"].strip().lower(), match["language"].strip()
    return header.strip().lower().replace(" ", "_"), None


def parse_source(text: str) -> tuple[str, int, str] | None:
    """slug, version, code of a `source` cell such as inti-cities-2009:1:GG/A/1."""
    parts = text.strip().split(":", 2)
    if len(parts) != 3 or not parts[0] or not parts[1].isdigit() or not parts[2]:
        return None
    return parts[0], int(parts[1]), parts[2]


def read_workbook(stream: BinaryIO) -> dict[str, list[list]]:
    """The cell values of every sheet, by sheet name in small letters."""
    try:
        book = load_workbook(stream, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError,
            TypeError):
        raise FormProblems([FormProblem("", NOT_A_WORKBOOK)]) from None
    try:
        return {sheet.title.strip().lower(): [list(row) for _n, row in zip(
                    range(MAX_ROWS + 1), sheet.iter_rows(values_only=True), strict=False)]
                for sheet in book.worksheets}
    finally:
        book.close()


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).strip()
