"""Open data of the survey: a year's results and the trends over the years as CSV, XLSX and
JSON, each with its data dictionary and licence (CC BY 4.0). The tables are written by the
injection-safe writer of surveys.method.tables."""

from __future__ import annotations

import json

from openpyxl import Workbook

from citypeer.surveys.method.tables import add_sheet, workbook_bytes, write_csv

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
LICENCE_LINK = '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'

QUESTION_COLUMNS = ["year", "question", "kind", "section", "text", "hint", "required",
                    "minimum", "maximum", "whole_number", "low_label", "high_label", "choices",
                    "relevant", "source"]
SUMMARY_COLUMNS = ["year", "question", "kind", "statistic", "value", "label", "number",
                   "share"]
ANSWER_COLUMNS = ["year", "city", "city_name", "country", "submitted_at", "question", "kind",
                  "answer"]

# The data dictionary: (table, column, meaning). English, like the column names.
DICTIONARY = [
    ("questions", "year", "the year of the survey"),
    ("questions", "question", "the question's code; the same code in another year is the "
                              "same question, which the trends follow"),
    ("questions", "kind", "scale, single (one choice), multiple (several choices), number "
                          "or text"),
    ("questions", "section", "the part of the survey the question is in"),
    ("questions", "text", "the question as the cities read it"),
    ("questions", "hint", "guidance shown with the question"),
    ("questions", "required", "true when a city had to answer it (when it was shown)"),
    ("questions", "minimum", "the lowest answer accepted (scale and number)"),
    ("questions", "maximum", "the highest answer accepted (scale and number)"),
    ("questions", "whole_number", "true when only whole numbers were accepted"),
    ("questions", "low_label", "what the lowest point of a scale means"),
    ("questions", "high_label", "what the highest point of a scale means"),
    ("questions", "choices", "value=label of each choice, separated by ;"),
    ("questions", "relevant", "when the question was shown, as an XLSForm expression "
                              "(${q}='x', ${q}=3 or selected(${q}, 'x')); empty: always"),
    ("questions", "source", "the benchmark indicator or key factor the question asks about, "
                            "as slug:version:code"),
    ("summary", "statistic", "shown (cities the question was shown to), answered, count "
                             "(cities that chose value), mean, median, lowest, highest"),
    ("summary", "value", "the choice value or scale point a count is of"),
    ("summary", "label", "the label of that choice or point"),
    ("summary", "number", "the count or the statistic"),
    ("summary", "share", "count divided by answered (0 to 1)"),
    ("answers", "city", "the city's short name"),
    ("answers", "city_name", "the city's name"),
    ("answers", "country", "ISO 3166-1 alpha-2 code"),
    ("answers", "submitted_at", "when the city submitted its answers (ISO 8601)"),
    ("answers", "answer", "the city's answer: a number, a choice value, several choice "
                          "values separated by ;, or a text"),
]
ONLY_SUBMITTED = ("Only answers that cities submitted are counted; a question hidden by its "
                  "condition counts only the cities it was shown to.")


def question_rows(document: dict):
    year = document["survey"]["year"]
    for q in document["questions"]:
        yield [year, q["code"], q["kind"], q["section"], q["text"], q["hint"], q["required"],
               q["minimum"], q["maximum"], q["whole_number"], q["low_label"], q["high_label"],
               "; ".join(f"{c['value']}={c['label']}" for c in q["choices"]),
               q["relevant"] or "", q["source"]]


def summary_rows(results, *, year, kinds):
    for r in results:
        kind = kinds[r["code"]]
        yield [year, r["code"], kind, "shown", "", "", r["shown"], None]
        yield [year, r["code"], kind, "answered", "", "", r["answered"], None]
        for c in r["counts"]:
            yield [year, r["code"], kind, "count", c["value"], c["label"], c["count"],
                   c["share"]]
        for name in ("mean", "median", "lowest", "highest"):
            if r.get(name) is not None:
                yield [year, r["code"], kind, name, "", "", r[name], None]


def answer_text(value) -> object:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return value


def answer_rows(document: dict):
    year = document["survey"]["year"]
    kinds = {q["code"]: q["kind"] for q in document["questions"]}
    for city in document["cities"] or []:
        for code, value in city["answers"].items():
            yield [year, city["slug"], city["name"], city["country"], city["submitted_at"],
                   code, kinds[code], answer_text(value)]


def _read_me(document: dict, title: str) -> list[list]:
    licence = document["licence"]
    return [["title", title], ["format", document["format"]],
            ["licence", f"{licence['name']} ({licence['id']}), {licence['url']}"],
            ["attribution", document["attribution"]], ["counted", ONLY_SUBMITTED]]


def results_file(document: dict, fmt: str, dataset: str = "summary") -> bytes:
    """The results as `fmt`; a CSV holds one `dataset`: questions, summary, answers or
    dictionary."""
    kinds = {q["code"]: q["kind"] for q in document["questions"]}
    year = document["survey"]["year"]
    if fmt == "json":
        return _json({**document, "dictionary": _dictionary()})
    if fmt == "csv":
        tables = {
            "questions": (QUESTION_COLUMNS, question_rows(document)),
            "summary": (SUMMARY_COLUMNS, summary_rows(document["results"], year=year,
                                                      kinds=kinds)),
            "answers": (ANSWER_COLUMNS, answer_rows(document)),
            "dictionary": (["table", "column", "meaning"], DICTIONARY),
        }
        header, rows = tables[dataset]
        return write_csv(header, rows)
    book = Workbook()
    add_sheet(book, "Read me", ["field", "value"],
              [*_read_me(document, document["survey"]["title"]),
               ["year", year], ["state", document["survey"]["state"]],
               ["publication", document["survey"]["publication"]],
               ["invited", document["survey"]["invited"]],
               ["submitted", document["survey"]["submitted"]]],
              first=True, widths=(16, 100))
    add_sheet(book, "Dictionary", ["table", "column", "meaning"], DICTIONARY,
              widths=(12, 16, 100))
    add_sheet(book, "Questions", QUESTION_COLUMNS, question_rows(document))
    add_sheet(book, "Summary", SUMMARY_COLUMNS,
              summary_rows(document["results"], year=year, kinds=kinds))
    if document["cities"] is not None:
        add_sheet(book, "Answers", ANSWER_COLUMNS, answer_rows(document))
    return workbook_bytes(book)


TREND_CITY_COLUMNS = ["year", "city", "city_name", "question", "answer"]


def trend_rows(document: dict):
    kinds = {q["code"]: q["kind"] for q in document["questions"]}
    for q in document["questions"]:
        for point in q["years"]:
            yield from summary_rows([point], year=point["year"], kinds=kinds)


def trend_city_rows(document: dict):
    for city in document["cities"]:
        for code, series in city["answers"].items():
            for entry in series:
                yield [entry["year"], city["slug"], city["name"], code,
                       answer_text(entry["value"])]


def trends_file(document: dict, fmt: str, dataset: str = "summary") -> bytes:
    if fmt == "json":
        return _json({**document, "dictionary": _dictionary()})
    if fmt == "csv":
        if dataset == "answers":
            return write_csv(TREND_CITY_COLUMNS, trend_city_rows(document))
        return write_csv(SUMMARY_COLUMNS, trend_rows(document))
    book = Workbook()
    add_sheet(book, "Read me", ["field", "value"],
              [*_read_me(document, "Integrating Cities survey: trends"),
               ["years", ", ".join(str(y) for y in document["years"])]],
              first=True, widths=(16, 100))
    add_sheet(book, "Dictionary", ["table", "column", "meaning"], DICTIONARY,
              widths=(12, 16, 100))
    add_sheet(book, "Summary", SUMMARY_COLUMNS, trend_rows(document))
    if document["cities"]:
        add_sheet(book, "Answers", TREND_CITY_COLUMNS, trend_city_rows(document))
    return workbook_bytes(book)


def _dictionary() -> list[dict]:
    return [{"table": t, "column": c, "meaning": m} for t, c, m in DICTIONARY]


def _json(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
