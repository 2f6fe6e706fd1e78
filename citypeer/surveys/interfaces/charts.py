"""Charts of the survey's results as inline SVG (matplotlib's SVG backend, on the server).

Figures are made directly, never through pyplot, so that requests share no state; text stays
text in the SVG so that it can be read and searched; each chart carries a short description
for screen readers (`role="img"` and `aria-label`), and every page shows the same numbers in
a table beside it. Colours are never the only carrier of meaning: bars and lines are
labelled.
"""

from __future__ import annotations

import io
import re

import matplotlib
from django.utils.translation import gettext as _
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

BAR, MEAN, MEDIAN = "#1f5f99", "#1f5f99", "#7f4f00"
LINES = ("#1f5f99", "#b15928", "#33a02c", "#6a3d9a", "#e31a1c", "#7f7f7f", "#000000")
MARKERS = ("o", "s", "^", "D", "v", "P", "X")


def _svg(figure: Figure, *, salt: str, description: str) -> str:
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": salt,
                                "font.family": "DejaVu Sans"}):
        figure.savefig(buffer, format="svg", bbox_inches="tight")
    svg = buffer.getvalue()
    svg = re.sub(r'<g id="[^"]*"', "<g", svg)  # ids repeat from chart to chart
    svg = svg[svg.index("<svg"):]
    label = (description.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;"))
    return svg.replace("<svg", f'<svg role="img" aria-label="{label}"', 1)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def counts_chart(result: dict, *, salt: str) -> str | None:
    """How many cities chose each answer of a choice or scale question."""
    counts = result["counts"]
    if not counts or not result["answered"]:
        return None
    figure = Figure(figsize=(6.4, 0.6 + 0.32 * len(counts)))
    axes = figure.add_subplot()
    y = list(range(len(counts)))
    values = [c["count"] for c in counts]
    axes.barh(y, values, color=BAR, height=0.7)
    axes.set_yticks(y, [_short(c["label"]) for c in counts], fontsize=8)
    axes.invert_yaxis()
    for position, value in zip(y, values, strict=True):
        axes.text(value, position, f" {value}", va="center", fontsize=8)
    axes.set_xlim(0, max(values) * 1.2 + 0.5)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel(_("cities"), fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    description = _("Bar chart: %(parts)s, of %(answered)s cities that answered.") % {
        "parts": "; ".join(f"{c['label']}: {c['count']}" for c in counts),
        "answered": result["answered"]}
    return _svg(figure, salt=f"counts-{salt}", description=description)


def number_chart(result: dict, *, salt: str, bounds=(None, None)) -> str | None:
    """The spread of a number question's answers: lowest to highest, median and mean, on
    the scale of the answers the question accepts when it says."""
    if not result["answered"]:
        return None
    low, high = result["lowest"], result["highest"]
    figure = Figure(figsize=(6.4, 1.3))
    axes = figure.add_subplot()
    start = bounds[0] if bounds[0] is not None else low
    end = bounds[1] if bounds[1] is not None else high
    margin = (end - start) * 0.05 or 1
    axes.set_xlim(start - margin, end + margin)
    axes.hlines(0, low, high, color=BAR, linewidth=3)
    axes.plot([low, high], [0, 0], "|", color=BAR, markersize=18)
    axes.plot([result["median"]], [0], "D", color=MEDIAN, label=_("median"))
    axes.plot([result["mean"]], [0], "o", color="white", markeredgecolor=MEAN,
              label=_("mean"))
    axes.set_yticks([])
    axes.spines[["top", "right", "left"]].set_visible(False)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, 1.6), ncol=2, fontsize=8,
                frameon=False)
    description = _("From %(low)s to %(high)s; median %(median)s, mean %(mean)s.") % {
        "low": f"{low:g}", "high": f"{high:g}", "median": f"{result['median']:g}",
        "mean": f"{result['mean']:g}"}
    return _svg(figure, salt=f"number-{salt}", description=description)


def result_chart(question: dict, result: dict, *, salt: str) -> str | None:
    if question["kind"] == "number":
        return number_chart(result, salt=salt,
                            bounds=(question["minimum"], question["maximum"]))
    if question["kind"] == "text":
        return None
    return counts_chart(result, salt=salt)


def trend_chart(trend: dict, *, salt: str) -> str | None:
    """A question over the years: the mean of a scale or number, else the share of the
    cities that answered which chose each answer."""
    points = [p for p in trend["years"] if p["answered"]]
    if len(points) < 1 or trend["kind"] == "text":
        return None
    years = [p["year"] for p in points]
    figure = Figure(figsize=(6.4, 3.0))
    axes = figure.add_subplot()
    parts = []
    if trend["kind"] in ("scale", "number"):
        axes.plot(years, [p["mean"] for p in points], "-o", color=MEAN, label=_("mean"))
        axes.plot(years, [p["median"] for p in points], "--D", color=MEDIAN,
                  label=_("median"))
        parts = [f"{p['year']}: {p['mean']:g}" for p in points]
        axes.set_ylabel(_("answer"), fontsize=8)
        if trend.get("minimum") is not None and trend.get("maximum") is not None:
            axes.set_ylim(trend["minimum"], trend["maximum"])
    else:
        labels: dict[str, str] = {}
        for p in points:
            for c in p["counts"]:
                labels.setdefault(c["value"], c["label"])
        for index, (value, label) in enumerate(labels.items()):
            shares = [next((c["share"] * 100 for c in p["counts"] if c["value"] == value
                            and c["share"] is not None), 0) for p in points]
            axes.plot(years, shares, "-", marker=MARKERS[index % len(MARKERS)],
                      color=LINES[index % len(LINES)], label=_short(label, 30))
            parts.append(f"{label}: " + ", ".join(
                f"{y} {s:.0f}%" for y, s in zip(years, shares, strict=True)))
        axes.set_ylim(0, 100)
        axes.set_ylabel(_("share of cities (%)"), fontsize=8)
    axes.set_xticks(years, [str(y) for y in years], fontsize=8)
    if len(years) == 1:
        axes.set_xlim(years[0] - 1, years[0] + 1)
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=7, frameon=False)
    description = _("Line chart over the years: %(parts)s.") % {"parts": "; ".join(parts)}
    return _svg(figure, salt=f"trend-{salt}", description=description)
