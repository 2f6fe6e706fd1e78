"""Reading an XLSForm into a survey definition: every problem is collected with its sheet,
row and column, so that the coordinator mends them all at once; a form with any problem
gives no definition at all (`FormProblems`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from citypeer.surveys.method.definition import (
    MULTIPLE,
    NO_LABEL,
    NUMBER,
    SCALE,
    SINGLE,
    TEXT,
    ChoiceSpec,
    DefinitionProblem,
    QuestionSpec,
    SurveyDefinition,
    check_definition,
)
from citypeer.surveys.method.expressions import (
    ExpressionRefused,
    parse_constraint,
    parse_relevant,
)
from citypeer.surveys.method.numbers import parse_number
from citypeer.surveys.method.xlsform import (
    BAD_PARAMETERS,
    BAD_SOURCE,
    BEGIN_GROUP,
    BEGIN_WITHOUT_END,
    CHOICE_WITHOUT_LIST,
    CHOICE_WITHOUT_NAME,
    CHOICES,
    COLUMN_NOT_KEPT,
    CONSTRAINT_NOT_USED,
    DECIMAL,
    END_GROUP,
    END_WITHOUT_BEGIN,
    INTEGER,
    NO_HEADER,
    NO_LIST_NAME,
    NO_SURVEY_SHEET,
    NO_TITLE,
    NOT_KEPT,
    NOT_YES_NO,
    PARAMETERS_NOT_USED,
    RANGE,
    SELECT_MULTIPLE,
    SELECT_ONE,
    SETTINGS,
    STEP_NOT_ONE,
    SURVEY,
    TEXT_TYPE,
    TYPE_NAMES,
    UNKNOWN_LANGUAGE,
    UNKNOWN_LIST,
    UNKNOWN_SOURCE,
    UNKNOWN_TYPE,
    FormProblem,
    FormProblems,
    cell_text,
    language_of,
    parse_source,
    split_header,
)

YES = {"yes", "true", "true()", "1", "y"}
NO = {"", "no", "false", "false()", "0", "n"}
_PARAMETER = re.compile(r"^(?P<key>start|end|step)=(?P<value>-?\d+(?:\.\d+)?)$")
# Where a problem of the definition (definition.DefinitionProblem.part) shows in the form.
PART_COLUMN = {"code": "name", "kind": "type", "text": "label", "condition": "relevant",
               "choices": "type", "source": "source"}


@dataclass
class _Sheet:
    """One sheet's rows with its columns found by name: (base, language) -> index."""

    name: str
    rows: Sequence[Sequence]
    columns: dict[tuple[str, str | None], int] = field(default_factory=dict)
    headers: list[str] = field(default_factory=list)

    def get(self, row: Sequence, base: str, language: str | None = None) -> str:
        index = self.columns.get((base, language))
        return cell_text(row[index]) if index is not None and index < len(row) else ""

    def where(self, row_number: int, base: str, language: str | None = None) -> dict:
        index = self.columns.get((base, language))
        if index is None:
            return {"row": row_number}
        return {"row": row_number, "column": get_column_letter(index + 1),
                "header": self.headers[index]}


class _Reader:
    def __init__(self, sheets: Mapping[str, Sequence[Sequence]]):
        self.sheets = sheets
        self.problems: list[FormProblem] = []
        self.language = "en"
        self.languages: set[str] = set()
        self.read: dict[str, _Sheet | None] = {}

    def problem(self, sheet: str, message: str, *, row=None, column=None, header=None,
                **params) -> None:
        self.problems.append(FormProblem(sheet, message, params, row, column, header))

    def sheet(self, name: str) -> _Sheet | None:
        if name not in self.read:
            self.read[name] = self._read(name)
        return self.read[name]

    def _read(self, name: str) -> _Sheet | None:
        rows = self.sheets.get(name)
        if rows is None:
            return None
        sheet = _Sheet(name, rows)
        sheet.headers = [cell_text(h) for h in (rows[0] if rows else [])]
        for index, header in enumerate(sheet.headers):
            if not header:
                continue
            base, language = split_header(header)
            code = None
            if language is not None:
                code = language_of(language)
                if code is None:
                    self.problem(name, UNKNOWN_LANGUAGE, row=1,
                                 column=get_column_letter(index + 1), header=header,
                                 value=language)
                    continue
                self.languages.add(code)
            sheet.columns.setdefault((base, code), index)
        return sheet

    def settings(self) -> dict[str, str]:
        sheet = self.sheet(SETTINGS)
        if sheet is None or len(sheet.rows) < 2:
            return {}
        return {base: sheet.get(sheet.rows[1], base) for base, lang in sheet.columns
                if lang is None}


def definition_from_sheets(sheets: Mapping[str, Sequence[Sequence]], *, title: str = "",
                           source_exists: Callable[[str], bool] = lambda source: True
                           ) -> SurveyDefinition:
    """The definition an XLSForm's sheets hold; FormProblems with every problem otherwise.
    `title` is used when the settings sheet gives none; `source_exists` says whether a
    benchmark reference names an indicator or key factor that exists."""
    reader = _Reader(sheets)
    reader.source_exists = source_exists
    settings = reader.settings()
    survey = reader.sheet(SURVEY)
    if survey is None:
        raise FormProblems([FormProblem(SURVEY, NO_SURVEY_SHEET)])
    for needed in ("type", "name"):
        if not any(base == needed for base, _lang in survey.columns):
            reader.problem(SURVEY, NO_HEADER, row=1, missing=needed)
    if reader.problems:
        raise FormProblems(reader.problems)
    default = language_of(settings.get("default_language", "")) if settings.get(
        "default_language") else None
    languages = sorted(reader.languages)
    reader.language = default or ("en" if "en" in languages or not languages else languages[0])
    _plain_columns_are_default(survey, reader.language)
    lists, list_rows = _choice_lists(reader)
    questions, question_rows = _questions(reader, survey, lists)
    form_title = settings.get("form_title", "") or title
    if not form_title:
        reader.problem(SETTINGS, NO_TITLE)
    definition = SurveyDefinition(title=form_title, language=reader.language,
                                  questions=tuple(questions),
                                  form_id=settings.get("form_id", ""),
                                  version=settings.get("version", ""))
    for problem in check_definition(definition):
        _locate(reader, problem, survey, definition, question_rows, list_rows)
    if reader.problems:
        raise FormProblems(_in_order(reader.problems))
    return definition


def _plain_columns_are_default(sheet: _Sheet, language: str) -> None:
    for (base, lang), index in list(sheet.columns.items()):
        if lang is None and base in ("label", "hint", "low_label", "high_label"):
            sheet.columns.setdefault((base, language), index)


def _choice_lists(reader: _Reader):
    sheet = reader.sheet(CHOICES)
    lists: dict[str, list[ChoiceSpec]] = {}
    rows: dict[tuple[str, int], int] = {}  # (list, position) -> row number
    if sheet is None:
        return lists, rows
    _plain_columns_are_default(sheet, reader.language)
    others = sorted({lang for base, lang in sheet.columns if base == "label" and lang}
                    - {reader.language})
    for number, row in enumerate(sheet.rows[1:], start=2):
        if all(cell_text(v) == "" for v in row):
            continue
        list_name, name = sheet.get(row, "list_name"), sheet.get(row, "name")
        if not list_name:
            reader.problem(CHOICES, CHOICE_WITHOUT_LIST, **sheet.where(number, "list_name"))
            continue
        if not name:
            reader.problem(CHOICES, CHOICE_WITHOUT_NAME, **sheet.where(number, "name"))
            continue
        translations = {lang: text for lang in others
                        if (text := sheet.get(row, "label", lang))}
        choices = lists.setdefault(list_name, [])
        rows[(list_name, len(choices))] = number
        choices.append(ChoiceSpec(name, sheet.get(row, "label", reader.language), translations))
    return lists, rows


def _kind(reader, type_text, where, lists):
    """(kind, whole, list name) of a type cell, or None after reporting why not."""
    words = type_text.split()
    keyword = words[0].lower() if words else ""
    if keyword in (SELECT_ONE, SELECT_MULTIPLE):
        if len(words) != 2:
            reader.problem(SURVEY, NO_LIST_NAME, value=type_text, **where)
            return None
        if words[1] not in lists:
            reader.problem(SURVEY, UNKNOWN_LIST, value=words[1], **where)
            return None
        return (SINGLE if keyword == SELECT_ONE else MULTIPLE), False, words[1]
    if len(words) == 1 and keyword in (INTEGER, DECIMAL):
        return NUMBER, keyword == INTEGER, ""
    if len(words) == 1 and keyword == RANGE:
        return SCALE, True, ""
    if len(words) == 1 and keyword == TEXT_TYPE:
        return TEXT, False, ""
    reader.problem(SURVEY, UNKNOWN_TYPE, value=type_text, types=", ".join(TYPE_NAMES), **where)
    return None


def _questions(reader: _Reader, sheet: _Sheet, lists):
    questions: list[QuestionSpec] = []
    rows: list[int] = []
    groups: list[tuple[int, str]] = []
    others = sorted(reader.languages - {reader.language})
    for number, row in enumerate(sheet.rows[1:], start=2):
        if all(cell_text(v) == "" for v in row):
            continue
        type_text = " ".join(sheet.get(row, "type").split())
        group_word = type_text.lower().replace(" ", "_")
        if group_word == BEGIN_GROUP:
            groups.append((number, sheet.get(row, "label", reader.language)))
            continue
        if group_word == END_GROUP:
            if groups:
                groups.pop()
            else:
                reader.problem(SURVEY, END_WITHOUT_BEGIN, **sheet.where(number, "type"))
            continue
        found = _kind(reader, type_text, sheet.where(number, "type"), lists)
        for base in NOT_KEPT:
            if sheet.get(row, base):
                reader.problem(SURVEY, COLUMN_NOT_KEPT, **sheet.where(number, base))
        if found is None:
            continue
        kind, whole, list_name = found
        fields = _details(reader, sheet, row, number, kind)
        translations = {}
        for lang in others:
            texts = {name: value for name, base in (("text", "label"), ("hint", "hint"),
                                                    ("low_label", "low_label"),
                                                    ("high_label", "high_label"))
                     if (value := sheet.get(row, base, lang))}
            if texts:
                translations[lang] = texts
        questions.append(QuestionSpec(
            code=sheet.get(row, "name"), kind=kind,
            text=sheet.get(row, "label", reader.language),
            hint=sheet.get(row, "hint", reader.language),
            section=groups[-1][1] if groups else "",
            whole=whole if kind == NUMBER else False,
            low_label=sheet.get(row, "low_label", reader.language),
            high_label=sheet.get(row, "high_label", reader.language),
            choice_list=list_name, choices=tuple(lists.get(list_name, ())),
            translations=translations, **fields))
        rows.append(number)
    for number, _label in groups:
        reader.problem(SURVEY, BEGIN_WITHOUT_END, **sheet.where(number, "type"))
    return questions, rows


def _details(reader: _Reader, sheet: _Sheet, row, number: int, kind: str) -> dict:
    fields: dict = {}
    required = sheet.get(row, "required").lower()
    if required not in YES | NO:
        reader.problem(SURVEY, NOT_YES_NO, value=sheet.get(row, "required"),
                       **sheet.where(number, "required"))
    fields["required"] = required in YES
    try:
        fields["condition"] = parse_relevant(sheet.get(row, "relevant"))
    except ExpressionRefused as refused:
        reader.problem(SURVEY, refused.message, **refused.params,
                       **sheet.where(number, "relevant"))
    constraint = sheet.get(row, "constraint")
    if constraint and kind != NUMBER:
        reader.problem(SURVEY, CONSTRAINT_NOT_USED, **sheet.where(number, "constraint"))
    elif kind == NUMBER:
        try:
            fields["minimum"], fields["maximum"] = parse_constraint(constraint)
        except ExpressionRefused as refused:
            reader.problem(SURVEY, refused.message, **refused.params,
                           **sheet.where(number, "constraint"))
    parameters = sheet.get(row, "parameters")
    if parameters and kind != SCALE:
        reader.problem(SURVEY, PARAMETERS_NOT_USED, **sheet.where(number, "parameters"))
    elif kind == SCALE:
        bounds = _range_parameters(reader, parameters, sheet.where(number, "parameters"))
        if bounds:
            fields["minimum"], fields["maximum"] = bounds
    source = sheet.get(row, "source")
    if source and parse_source(source) is None:
        reader.problem(SURVEY, BAD_SOURCE, value=source, **sheet.where(number, "source"))
    elif source and not reader.source_exists(source):
        reader.problem(SURVEY, UNKNOWN_SOURCE, value=source, **sheet.where(number, "source"))
    fields["source"] = source
    return fields


def _range_parameters(reader: _Reader, text: str, where: dict):
    """(start, end) of a range; XLSForm's own default is 1 to 10."""
    values = {"start": "1", "end": "10", "step": "1"}
    for part in text.replace(";", " ").replace(",", " ").split():
        match = _PARAMETER.match(part.strip().lower())
        if not match:
            reader.problem(SURVEY, BAD_PARAMETERS, value=text, **where)
            return None
        values[match["key"]] = match["value"]
    if parse_number(values["step"]) != 1:
        reader.problem(SURVEY, STEP_NOT_ONE, value=values["step"], **where)
        return None
    return parse_number(values["start"]), parse_number(values["end"])


def _locate(reader, problem: DefinitionProblem, survey: _Sheet, definition, question_rows,
            list_rows) -> None:
    if problem.index is None:
        reader.problem(SURVEY, problem.message, **problem.params)
        return
    question = definition.questions[problem.index]
    number = question_rows[problem.index]
    if problem.part == "choices" and problem.choice is not None:
        choice_row = list_rows.get((question.choice_list, problem.choice))
        sheet = reader.sheet(CHOICES)
        base = "label" if problem.message == NO_LABEL else "name"
        language = reader.language if base == "label" else None
        reader.problem(CHOICES, problem.message, **problem.params,
                       **sheet.where(choice_row, base, language))
        return
    base = PART_COLUMN.get(problem.part) or (
        "parameters" if question.kind == SCALE else "constraint")
    where = survey.where(number, base, reader.language if base == "label" else None)
    # A cell already refused as written (a range's parameters) says enough.
    if not any((p.sheet, p.row, p.column) == (SURVEY, number, where.get("column"))
               for p in reader.problems):
        reader.problem(SURVEY, problem.message, **problem.params, **where)


def _in_order(problems: list[FormProblem]) -> list[FormProblem]:
    """Each problem once, sheet by sheet and row by row."""
    order = {SURVEY: 0, CHOICES: 1, SETTINGS: 2}
    seen, unique = set(), []
    for p in problems:
        key = (p.sheet, p.row, p.column, p.text())
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return sorted(unique, key=lambda p: (order.get(p.sheet, 3), p.row or 0, p.column or ""))
