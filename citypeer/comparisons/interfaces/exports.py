"""Open data: a comparison document as CSV, XLSX or JSON (described in docs/open-data.md)."""

from __future__ import annotations

import csv
import io
import json

from openpyxl import Workbook
from openpyxl.styles import Font

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}

LONG_COLUMNS = [
    "programme", "benchmark", "benchmark_version", "city", "city_name", "country", "pillar",
    "value", "indicator", "colour", "score", "cell_score", "pillar_score", "overall_score",
    "rank",
]
COLOUR_SCORE = {"meets": 100, "inconclusive": 50, "falls_short": 0}


def long_rows(data: dict):
    """One row per city and indicator, with the scores above it repeated on each row."""
    for city in data["cities"]:
        for ind in data["indicators"]:
            colour = city["colours"][ind["code"]]
            yield [
                data["programme"]["slug"], data["benchmark"]["slug"],
                data["benchmark"]["version"], city["slug"], city["name"], city["country"],
                ind["pillar"], ind["value"], ind["code"], colour, COLOUR_SCORE.get(colour),
                city["cells"][f"{ind['pillar']}/{ind['value']}"], city["pillars"][ind["pillar"]],
                city["overall"], city["rank"],
            ]


def to_csv(data: dict) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(LONG_COLUMNS)
    writer.writerows(long_rows(data))
    # A byte order mark so that spreadsheet programs read the city names as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_json(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def to_xlsx(data: dict) -> bytes:
    book = Workbook()
    bold = Font(bold=True)

    def sheet(title, header, rows, first=False):
        ws = book.active if first else book.create_sheet()
        ws.title = title
        ws.append(header)
        for cell in ws[1]:
            cell.font = bold
        for row in rows:
            ws.append(row)
        ws.freeze_panes = "A2"
        return ws

    sheet("Read me", ["field", "value"], [
        ["format", data["format"]],
        ["programme", data["programme"]["name"]],
        ["benchmark", f"{data['benchmark']['title']} ({data['benchmark']['slug']} "
                      f"v{data['benchmark']['version']})"],
        ["published_at", data.get("published_at") or "not published"],
        ["method", data["method"]],
        ["data dictionary", "docs/open-data.md in the citypeer source"],
    ], first=True)
    pillars = [p["code"] for p in data["pillars"]]
    values = [v["code"] for v in data["values"]]
    sheet("Cities", ["city", "city_name", "country", "overall", "rank", "assessed", "total",
                     *[f"pillar {p}" for p in pillars], *[f"value {v}" for v in values]],
          ([c["slug"], c["name"], c["country"], c["overall"], c["rank"], c["assessed"],
            c["total"], *[c["pillars"][p] for p in pillars], *[c["values"][v] for v in values]]
           for c in data["cities"]))
    sheet("Cells", ["city", *data["cells"]],
          [*([c["slug"], *[c["cells"][k] for k in data["cells"]]] for c in data["cities"]),
           ["median", *[data["median"]["cells"][k] for k in data["cells"]]]])
    sheet("Assessments", LONG_COLUMNS, long_rows(data))
    sheet("Distributions", ["indicator", "meets", "inconclusive", "falls_short",
                            "not_assessed", "mean"],
          ([d["indicator"], d["meets"], d["inconclusive"], d["falls_short"], d["not_assessed"],
            d["mean"]] for d in data["distributions"]))
    sheet("Indicators", ["indicator", "pillar", "value", "text"],
          ([i["code"], i["pillar"], i["value"], i["text"]] for i in data["indicators"]))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def export(data: dict, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"format: {fmt!r} is not one of {', '.join(FORMATS)}")
    return {"csv": to_csv, "xlsx": to_xlsx, "json": to_json}[fmt](data)
