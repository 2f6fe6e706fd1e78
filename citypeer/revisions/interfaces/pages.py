"""What the revision pages show, built from the domain's results."""

from __future__ import annotations

from django.utils.translation import gettext as _

from citypeer.revisions.method.diff import ADDED, MOVED, REMOVED, RENUMBERED, REWORDED, UNCHANGED


def grouped_comments(comments) -> list[dict]:
    """The comments under their indicator, in the order given."""
    groups: dict[str, dict] = {}
    for c in comments:
        group = groups.setdefault(c.indicator.code, {"indicator": c.indicator, "comments": []})
        group["comments"].append(c)
    return list(groups.values())


def diff_context(result) -> dict:
    """A draft's diff (`revisions.domain.revisions.DraftDiff`) as the diff page shows it:
    what changed, how many of each kind, and the old → new codes."""
    return {
        "old": result.old, "new": result.new,
        "changes": [c for c in result.revision.changes if c.kinds != (UNCHANGED,)],
        "counts": result.revision.counts, "mapping": sorted(result.revision.mapping.items()),
        "labels": {REWORDED: _("reworded"), MOVED: _("moved"), RENUMBERED: _("renumbered"),
                   ADDED: _("added"), REMOVED: _("removed")},
    }
