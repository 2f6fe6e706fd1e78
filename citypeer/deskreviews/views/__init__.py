"""Pages of the desk review, one module per page group: a peer's own desk review (its
progress, start and submission), the judgement of one indicator (autosaved), and the team's
work (one peer's desk review read-only, the compiled desk review). Every view receives
`review` (the review's id) from the URL it is mounted at."""

from __future__ import annotations

from citypeer.deskreviews.labels import performance_label


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def by_pillar(indicators, performance_of):
    """Indicators grouped by pillar, each with its number (1-based position) and the
    performance `performance_of(indicator)` gives."""
    groups = []
    for number, indicator in enumerate(indicators, start=1):
        if not groups or groups[-1]["pillar"].pk != indicator.pillar_id:
            groups.append({"pillar": indicator.pillar, "items": []})
        performance = performance_of(indicator)
        groups[-1]["items"].append({
            "number": number, "indicator": indicator, "performance": performance,
            "label": performance_label(performance),
        })
    return groups
