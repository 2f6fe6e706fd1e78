"""Charts of a comparison as inline SVG, drawn by matplotlib's SVG backend on the server.

``Figure`` objects are made directly (not through pyplot) so that no global figure state is
shared between requests; text stays text in the SVG (``svg.fonttype: none``) so that the
labels can be read, searched and translated, and ids are salted per chart so that several
charts can sit in one page.
"""

from __future__ import annotations

import base64
import io
import math
import re

import matplotlib
import numpy
from django.utils.translation import gettext as _
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure

# Falls short (0) red, inconclusive (50) amber, meets (100) green: the method's colours.
SCORE_MAP = LinearSegmentedColormap.from_list(
    "citypeer", ["#c0392b", "#f0b429", "#2e8b57"]).with_extremes(bad="#d9d9d9")
COLOUR_OF = {"meets": "#2e8b57", "inconclusive": "#f0b429", "falls_short": "#c0392b",
             "not_assessed": "#d9d9d9"}
CITY_LINE, MEDIAN_LINE = "#1f4e79", "#7f7f7f"


def _svg(figure: Figure, salt: str) -> str:
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": salt,
                                "font.family": "DejaVu Sans"}):
        figure.savefig(buffer, format="svg", bbox_inches="tight")
    svg = buffer.getvalue()
    # Group ids (text_12, patch_3…) repeat from chart to chart and nothing refers to them;
    # left in, two charts in one page would define the same ids.
    svg = re.sub(r'<g id="[^"]*"', "<g", svg)
    # Inline in HTML: the XML prolog and DOCTYPE are not allowed there.
    return svg[svg.index("<svg"):]


def _nan(score):
    return math.nan if score is None else score


def heat_map_svg(data: dict) -> str:
    """Cities (rows) × cells of the matrix (columns), coloured by score; grey: no score."""
    cells = data["cells"]
    cities = data["cities"]
    rows = [[_nan(c["cells"][k]) for k in cells] for c in cities]
    rows.append([_nan(data["median"]["cells"][k]) for k in cells])
    labels = [c["name"] for c in cities] + [_("Programme median")]
    height = 1.2 + 0.22 * len(labels)
    figure = Figure(figsize=(2.5 + 0.42 * len(cells), height))
    axes = figure.add_subplot()
    # pcolormesh, not imshow: vector rectangles stay sharp at any zoom and in the PDF.
    image = axes.pcolormesh(numpy.ma.masked_invalid(numpy.array(rows, dtype=float)),
                            cmap=SCORE_MAP, vmin=0, vmax=100, edgecolors="white",
                            linewidth=0.3)
    axes.set_xlim(0, len(cells))
    axes.set_ylim(len(labels), 0)
    axes.set_xticks([x + 0.5 for x in range(len(cells))], cells, rotation=90, fontsize=8)
    axes.set_yticks([y + 0.5 for y in range(len(labels))], labels, fontsize=8)
    axes.xaxis.tick_top()
    axes.axhline(len(cities), color="black", linewidth=1.5)
    pillars = [k.split("/")[0] for k in cells]
    for x in range(1, len(cells)):
        if pillars[x] != pillars[x - 1]:
            axes.axvline(x, color="white", linewidth=2.5)
    if len(labels) <= 40:
        for y, row in enumerate(rows):
            for x, score in enumerate(row):
                if not math.isnan(score):
                    axes.text(x + 0.5, y + 0.5, f"{score:.0f}", ha="center", va="center",
                              fontsize=6)
    bar = figure.colorbar(image, ax=axes, shrink=min(1.0, 6 / height), pad=0.02)
    bar.set_label(_("score (0 falls short, 50 inconclusive, 100 meets)"), fontsize=8)
    axes.set_title(_("Scores per pillar and value (grey: nothing assessed)"), fontsize=9,
                   pad=36)
    return _svg(figure, "heat-map")


class Radar:
    """Radar charts of the cities of one comparison against the programme median.

    The axes, grid and median line are drawn once; each city only changes its own line, which
    makes a chart per city of a large programme (the PDF) affordable. A cell without a score
    leaves a gap in the line rather than pretending to be 0.
    """

    def __init__(self, data: dict):
        self.cells = data["cells"]
        self.angles = [2 * math.pi * i / len(self.cells) for i in range(len(self.cells))]
        self.figure = Figure(figsize=(6.2, 5.4))
        # Room for the cell labels and the legend without measuring them for every city.
        axes = self.figure.add_axes((0.08, 0.08, 0.68, 0.78), projection="polar")
        axes.set_theta_offset(math.pi / 2)  # first cell at the top, then clockwise
        axes.set_theta_direction(-1)
        median = self._closed(data["median"]["cells"])
        axes.plot(median[0], median[1], "--", color=MEDIAN_LINE, linewidth=1.8,
                  label=_("Programme median"))
        (self.line,) = axes.plot([], [], "-", color=CITY_LINE, linewidth=1.8, label=" ")
        self.points = axes.scatter([], [], color=CITY_LINE, s=10)
        axes.set_xticks(self.angles, self.cells, fontsize=7)
        axes.set_ylim(0, 100)
        axes.set_yticks([0, 50, 100], ["0", "50", "100"], fontsize=6)
        self.axes = axes

    def _closed(self, scores):
        values = [_nan(scores[k]) for k in self.cells]
        return [*self.angles, self.angles[0]], [*values, values[0]]

    def _draw(self, city: dict) -> None:
        angles, values = self._closed(city["cells"])
        self.line.set_data(angles, values)
        self.line.set_label(city["name"])
        self.points.set_offsets(list(zip(angles[:-1], values[:-1], strict=True)))
        self.axes.legend(loc="upper right", bbox_to_anchor=(1.25, 1.12), fontsize=8,
                         frameon=False)

    def svg(self, city: dict) -> str:
        self._draw(city)
        return _svg(self.figure, f"radar-{city['slug']}")

    def png_data_uri(self, city: dict, dpi: int = 80) -> str:
        """For the PDF: a bitmap per city, drawn once (no tight bounding box, which draws
        twice), keeps a PDF of a large programme from taking minutes."""
        self._draw(city)
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=dpi)
        return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def radar_svg(data: dict, city: dict) -> str:
    return Radar(data).svg(city)


def distributions_svg(data: dict) -> str:
    """Per indicator, how many cities meet it, are inconclusive, fall short or were not
    assessed on it."""
    rows = data["distributions"]
    total = max(1, len(data["cities"]))
    figure = Figure(figsize=(7.5, 0.8 + 0.16 * len(rows)))
    axes = figure.add_subplot()
    y = list(range(len(rows)))
    left = [0.0] * len(rows)
    labels = {"meets": _("meets or surpasses"), "inconclusive": _("inconclusive"),
              "falls_short": _("falls short"), "not_assessed": _("not assessed")}
    for colour in ("meets", "inconclusive", "falls_short", "not_assessed"):
        widths = [r[colour] / total * 100 for r in rows]
        axes.barh(y, widths, left=left, color=COLOUR_OF[colour], label=labels[colour],
                  height=0.8)
        left = [a + b for a, b in zip(left, widths, strict=True)]
    axes.set_yticks(y, [r["indicator"] for r in rows], fontsize=6)
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.set_xlabel(_("share of cities (%)"), fontsize=8)
    axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=4, fontsize=7,
                frameon=False)
    return _svg(figure, "distributions")


def svg_ids(svg: str) -> set[str]:
    return set(re.findall(r'id="([^"]+)"', svg))
