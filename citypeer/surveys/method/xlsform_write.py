"""A survey definition written as an XLSForm workbook, which `xlsform_read` reads back to
the same definition."""

from __future__ import annotations

from openpyxl import Workbook

from citypeer.surveys.method.definition import (
    MULTIPLE,
    NUMBER,
    SCALE,
    SINGLE,
    TEXT,
    QuestionSpec,
    SurveyDefinition,
)
from citypeer.surveys.method.expressions import constraint_expression, relevant_expression
from citypeer.surveys.method.numbers import plain_number
from citypeer.surveys.method.tables import add_sheet, workbook_bytes
from citypeer.surveys.method.xlsform import (
    BEGIN_GROUP,
    CHOICES,
    DECIMAL,
    END_GROUP,
    INTEGER,
    RANGE,
    SELECT_MULTIPLE,
    SELECT_ONE,
    SETTINGS,
    SURVEY,
    TEXT_TYPE,
    language_column,
    language_name,
)


def choice_lists(definition: SurveyDefinition) -> dict[str, str]:
    """question code -> the name of its list on the choices sheet. Questions that share a
    list name and the same choices share the list; a clash gets a name of its own."""
    names: dict[str, str] = {}
    lists: dict[str, tuple] = {}
    for q in definition.questions:
        if q.kind not in (SINGLE, MULTIPLE):
            continue
        wanted = q.choice_list or q.code
        name, n = wanted, 1
        while name in lists and lists[name] != q.choices:
            n += 1
            name = f"{wanted}_{n}"
        lists.setdefault(name, q.choices)
        names[q.code] = name
    return names


def question_type(q: QuestionSpec, lists: dict[str, str]) -> str:
    if q.kind == SCALE:
        return RANGE
    if q.kind == NUMBER:
        return INTEGER if q.whole else DECIMAL
    if q.kind == SINGLE:
        return f"{SELECT_ONE} {lists[q.code]}"
    if q.kind == MULTIPLE:
        return f"{SELECT_MULTIPLE} {lists[q.code]}"
    assert q.kind == TEXT, q.kind
    return TEXT_TYPE


def survey_rows(definition: SurveyDefinition) -> list[list]:
    languages = definition.languages()
    kinds = {q.code: q.kind for q in definition.questions}
    lists = choice_lists(definition)
    header = ["type", "name",
              *[language_column("label", lang) for lang in languages],
              *[language_column("hint", lang) for lang in languages],
              "required", "relevant", "constraint", "parameters",
              *[language_column("low_label", lang) for lang in languages],
              *[language_column("high_label", lang) for lang in languages],
              "source"]
    rows = [header]
    section, groups = "", 0
    for q in definition.questions:
        if q.section != section:
            if section:
                rows.append([END_GROUP, "", *[""] * (len(header) - 2)])
            if q.section:
                groups += 1
                rows.append([BEGIN_GROUP, f"section_{groups}", q.section,
                             *[""] * (len(header) - 3)])
            section = q.section
        rows.append([
            question_type(q, lists), q.code,
            *[_translated(q, lang, "text", definition.language) for lang in languages],
            *[_translated(q, lang, "hint", definition.language) for lang in languages],
            "yes" if q.required else "",
            relevant_expression(q.condition, kinds.get(q.condition.question, ""))
            if q.condition else "",
            constraint_expression(q.minimum, q.maximum) if q.kind == NUMBER else "",
            f"start={plain_number(q.minimum)} end={plain_number(q.maximum)} step=1"
            if q.kind == SCALE else "",
            *[_translated(q, lang, "low_label", definition.language) for lang in languages],
            *[_translated(q, lang, "high_label", definition.language) for lang in languages],
            q.source,
        ])
    if section:
        rows.append([END_GROUP, "", *[""] * (len(header) - 2)])
    return rows


def _translated(q: QuestionSpec, language: str, name: str, own: str) -> str:
    if language == own:
        return getattr(q, name)
    return q.translations.get(language, {}).get(name, "")


def choice_rows(definition: SurveyDefinition) -> list[list]:
    languages = definition.languages()
    rows = [["list_name", "name", *[language_column("label", lang) for lang in languages]]]
    written: set[str] = set()
    lists = choice_lists(definition)
    for q in definition.questions:
        name = lists.get(q.code)
        if name is None or name in written:
            continue
        written.add(name)
        for choice in q.choices:
            rows.append([name, choice.value,
                         *[choice.label if lang == definition.language
                           else choice.translations.get(lang, "") for lang in languages]])
    return rows


def settings_rows(definition: SurveyDefinition) -> list[list]:
    return [["form_title", "form_id", "version", "default_language"],
            [definition.title, definition.form_id, definition.version,
             language_name(definition.language)]]


def write_xlsform(definition: SurveyDefinition) -> bytes:
    book = Workbook()
    for title, rows in ((SURVEY, survey_rows(definition)), (CHOICES, choice_rows(definition)),
                        (SETTINGS, settings_rows(definition))):
        add_sheet(book, title, rows[0], rows[1:], first=title == SURVEY,
                  widths=(28, 28, 60) if title == SURVEY else (20, 20, 40))
    return workbook_bytes(book)
