"""Reading what the pages' forms of step 7 send."""

from __future__ import annotations


def codes_typed(value: str) -> list[str]:
    """Indicator codes as a person types them: separated by commas or semicolons."""
    return [c.strip() for c in value.replace(";", ",").split(",") if c.strip()]


def edit_count_sent(post) -> int | None:
    """The edit count a form says it started from (its hidden `edit_count` input), or None
    when it sends none or no number: the save is then refused as a conflict, never written
    over someone else's."""
    try:
        return int(post.get("edit_count"))
    except (TypeError, ValueError):
        return None
