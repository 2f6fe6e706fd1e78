"""What the comparison templates show, built from a comparison document (live or published),
so that the internal page, the public page and the PDF are one layout."""

from __future__ import annotations

from matplotlib.colors import to_hex

from citypeer.comparisons.interfaces import charts


def score_colour(score: float | None) -> str:
    if score is None:
        return "#d9d9d9"
    return to_hex(charts.SCORE_MAP(score / 100))


def _cell(score):
    return {"score": score, "background": score_colour(score)}


def matrix(data: dict) -> dict:
    """Rows of cities with a score and a background per cell, grouped under pillars."""
    pillars = data["pillars"]
    cells = data["cells"]
    columns = [{"key": k, "pillar": k.split("/")[0], "value": k.split("/")[1]} for k in cells]
    rows = [{"city": c, "cells": [_cell(c["cells"][k]) for k in cells],
             "pillars": [_cell(c["pillars"][p["code"]]) for p in pillars],
             "overall": _cell(c["overall"])}
            for c in data["cities"]]
    median = {"cells": [_cell(data["median"]["cells"][k]) for k in cells],
              "pillars": [_cell(data["median"]["pillars"][p["code"]]) for p in pillars],
              "overall": _cell(data["median"]["overall"])}
    spans = [{"pillar": p, "span": sum(1 for c in columns if c["pillar"] == p["code"])}
             for p in pillars]
    return {"columns": columns, "rows": rows, "median": median, "spans": spans}


def comparison_context(data: dict) -> dict:
    """The comparison page (internal, public and PDF): the matrix and the charts."""
    return {"data": data, "matrix": matrix(data), "heat_map": charts.heat_map_svg(data),
            "distributions": charts.distributions_svg(data)}


def city_context(data: dict, slug: str, *, radar: charts.Radar | None = None,
                 bitmap: bool = False) -> dict | None:
    city = next((c for c in data["cities"] if c["slug"] == slug), None)
    if city is None:
        return None
    texts = {i["code"]: i for i in data["indicators"]}
    pillars = [
        {"pillar": p, "score": city["pillars"][p["code"]],
         "median": data["median"]["pillars"][p["code"]],
         "cells": [
             {"value": v, "score": city["cells"][f"{p['code']}/{v['code']}"],
              "median": data["median"]["cells"].get(f"{p['code']}/{v['code']}"),
              "indicators": [
                  {"code": code, "text": texts[code]["text"], "colour": colour}
                  for code, colour in city["colours"].items()
                  if texts[code]["pillar"] == p["code"] and texts[code]["value"] == v["code"]
              ]}
             for v in data["values"] if f"{p['code']}/{v['code']}" in city["cells"]
         ]}
        for p in data["pillars"]
    ]
    radar = radar or charts.Radar(data)
    return {"city": city, "pillars": pillars,
            "radar": radar.png_data_uri(city) if bitmap else radar.svg(city),
            "ranked": sum(1 for c in data["cities"] if c["rank"] is not None)}
