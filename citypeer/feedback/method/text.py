"""Reading and comparing the text peers write in a section: its blocks (headings, lists,
paragraphs) for the Word and PDF outputs, and the differences between two versions."""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True)
class TextBlock:
    kind: str  # "heading", "paragraph" or "list"
    text: str = ""
    items: tuple[str, ...] = ()


def blocks(text: str) -> tuple[TextBlock, ...]:
    """A section's text as blocks: `## ` starts a heading, lines starting with `- ` make a
    list, blank lines separate paragraphs. Enough structure for a Word heading and a list
    without asking peers to learn a markup language."""
    out: list[TextBlock] = []
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        paragraph: list[str] = []
        items: list[str] = []
        for line in (line.strip() for line in chunk.split("\n")):
            if not line:
                continue
            is_item = line.startswith("- ")
            if line.startswith("## ") or (is_item and paragraph) or (not is_item and items):
                _flush(out, paragraph, items)
            if line.startswith("## "):
                out.append(TextBlock("heading", line[3:].strip()))
            elif line.startswith("- "):
                items.append(line[2:].strip())
            else:
                paragraph.append(line)
        _flush(out, paragraph, items)
    return tuple(out)


def _flush(out: list[TextBlock], paragraph: list[str], items: list[str]) -> None:
    if paragraph:
        out.append(TextBlock("paragraph", " ".join(paragraph)))
        paragraph.clear()
    if items:
        out.append(TextBlock("list", items=tuple(items)))
        items.clear()


def diff_lines(old: str, new: str, *, old_label: str, new_label: str) -> list[str]:
    """A unified diff of two versions of a section."""
    return list(difflib.unified_diff(old.splitlines(), new.splitlines(), fromfile=old_label,
                                     tofile=new_label, lineterm=""))
