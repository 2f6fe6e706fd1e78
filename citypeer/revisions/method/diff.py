"""What changed between two versions of a matrix benchmark, and which old indicator became
which new one.

Codes cannot be trusted to follow an indicator: removing ``GG/A/3`` may renumber
``GG/A/4`` to ``GG/A/3``, and moving an indicator to another cell changes its code. So
indicators are matched by their text, in this order:

1. the coordinator's corrections (``overrides``: old code -> new code, or ``None`` for "this
   one is removed"), which always win;
2. identical text (whitespace aside), preferring the same code when a text appears twice;
3. similar text: word-level similarity (``difflib``) of at least ``threshold``, best pairs
   first.

What is left of the old version is removed, what is left of the new one is added. A matched
pair is *reworded* when its text differs, *moved* when it sits in another pillar or value, and
*renumbered* when only its code changed. The mapping (old code -> new code) is what lets a
city reviewed on both versions be compared over time.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from citypeer.core.benchmark.document import BenchmarkDocument, DocumentIndicator
from citypeer.core.benchmark.validation import Problem

ADDED = "added"
REMOVED = "removed"
REWORDED = "reworded"
MOVED = "moved"
RENUMBERED = "renumbered"
UNCHANGED = "unchanged"
DEFAULT_THRESHOLD = 0.6


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def similarity(a: str, b: str) -> float:
    """Share of words in common, in order (0 to 1)."""
    return difflib.SequenceMatcher(None, _norm(a).split(), _norm(b).split(),
                                   autojunk=False).ratio()


@dataclass(frozen=True)
class IndicatorDiff:
    """What became of one indicator from the old version to the new one: added (no `old`),
    removed (no `new`), or carried over, reworded, moved or renumbered."""

    old: DocumentIndicator | None
    new: DocumentIndicator | None
    similarity: float = 0.0
    by_override: bool = False

    @property
    def kinds(self) -> tuple[str, ...]:
        if self.old is None:
            return (ADDED,)
        if self.new is None:
            return (REMOVED,)
        kinds = []
        if _norm(self.old.text) != _norm(self.new.text):
            kinds.append(REWORDED)
        if (self.old.pillar, self.old.value) != (self.new.pillar, self.new.value):
            kinds.append(MOVED)
        elif self.old.code != self.new.code:
            kinds.append(RENUMBERED)
        return tuple(kinds) or (UNCHANGED,)

    @property
    def old_code(self) -> str | None:
        return self.old.code if self.old else None

    @property
    def new_code(self) -> str | None:
        return self.new.code if self.new else None

    def word_diff(self) -> list[tuple[str, str]]:
        """The reworded text as (operation, words): "equal", "delete" or "insert"."""
        old = _norm(self.old.text).split() if self.old else []
        new = _norm(self.new.text).split() if self.new else []
        out: list[tuple[str, str]] = []
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op in ("equal", "delete", "replace") and i2 > i1:
                out.append(("equal" if op == "equal" else "delete", " ".join(old[i1:i2])))
            if op in ("insert", "replace") and j2 > j1:
                out.append(("insert", " ".join(new[j1:j2])))
        return out


@dataclass(frozen=True)
class Revision:
    changes: tuple[IndicatorDiff, ...]

    @property
    def mapping(self) -> dict[str, str]:
        return {c.old.code: c.new.code for c in self.changes if c.old and c.new}

    def of_kind(self, kind: str) -> tuple[IndicatorDiff, ...]:
        return tuple(c for c in self.changes if kind in c.kinds)

    @property
    def counts(self) -> dict[str, int]:
        return {k: len(self.of_kind(k))
                for k in (ADDED, REMOVED, REWORDED, MOVED, RENUMBERED, UNCHANGED)}


class RevisionError(ValueError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def check_successor(old: BenchmarkDocument, new: BenchmarkDocument) -> list[Problem]:
    """A new version must keep the slug and kind and come after the old version."""
    problems = []
    if new.slug != old.slug:
        problems.append(Problem("slug", f"must stay {old.slug!r} in a new version"))
    if new.kind != old.kind:
        problems.append(Problem("kind", f"must stay {old.kind!r} in a new version"))
    if new.version <= old.version:
        problems.append(Problem("version", f"must be greater than {old.version}"))
    return problems


def diff_benchmarks(
    old: BenchmarkDocument,
    new: BenchmarkDocument,
    *,
    overrides: Mapping[str, str | None] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> Revision:
    old_by_code = {i.code: i for i in old.indicators}
    new_by_code = {i.code: i for i in new.indicators}
    problems = []
    paired: dict[str, tuple[str, float, bool]] = {}  # old code -> (new code, similarity, override)
    removed_by_override: set[str] = set()
    for old_code, new_code in (overrides or {}).items():
        at = f"overrides[{old_code!r}]"
        if old_code not in old_by_code:
            problems.append(Problem(at, f"{old_code!r} is not an indicator of version "
                                        f"{old.version}"))
        elif new_code is None:
            removed_by_override.add(old_code)
        elif new_code not in new_by_code:
            problems.append(Problem(at, f"{new_code!r} is not an indicator of version "
                                        f"{new.version}"))
        elif new_code in {p[0] for p in paired.values()}:
            problems.append(Problem(at, f"{new_code!r} is already the successor of another "
                                        "indicator"))
        else:
            paired[old_code] = (new_code, similarity(old_by_code[old_code].text,
                                                     new_by_code[new_code].text), True)
    if problems:
        raise RevisionError(problems)

    def free_old():
        return [c for c in old_by_code if c not in paired and c not in removed_by_override]

    def taken_new():
        return {p[0] for p in paired.values()}

    # Identical texts, same code first so that a text appearing twice keeps its codes.
    by_text: dict[str, list[str]] = {}
    for code, ind in new_by_code.items():
        by_text.setdefault(_norm(ind.text), []).append(code)
    for old_code in sorted(free_old(), key=lambda c: c not in new_by_code):
        candidates = [c for c in by_text.get(_norm(old_by_code[old_code].text), [])
                      if c not in taken_new()]
        if candidates:
            best = old_code if old_code in candidates else candidates[0]
            paired[old_code] = (best, 1.0, False)

    # Similar texts, best pairs first; the same code breaks ties.
    left_new = [c for c in new_by_code if c not in taken_new()]
    scored = sorted(
        ((similarity(old_by_code[o].text, new_by_code[n].text), o == n, o, n)
         for o in free_old() for n in left_new),
        reverse=True,
    )
    for ratio, _same, o, n in scored:
        if ratio < threshold:
            break
        if o in paired or n in taken_new():
            continue
        paired[o] = (n, ratio, False)

    successor_of = {n: o for o, (n, _r, _b) in paired.items()}
    changes = []
    for code, ind in new_by_code.items():
        if code in successor_of:
            o = successor_of[code]
            _n, ratio, by_override = paired[o]
            changes.append(IndicatorDiff(old=old_by_code[o], new=ind, similarity=ratio,
                                         by_override=by_override))
        else:
            changes.append(IndicatorDiff(old=None, new=ind))
    changes.extend(IndicatorDiff(old=ind, new=None) for code, ind in old_by_code.items()
                   if code not in paired)
    return Revision(changes=tuple(changes))


def compose_mappings(*mappings: Mapping[str, str]) -> dict[str, str]:
    """Follow indicators through several revisions (v1 -> v2, then v2 -> v3)."""
    if not mappings:
        return {}
    result = dict(mappings[0])
    for step in mappings[1:]:
        result = {old: step[mid] for old, mid in result.items() if mid in step}
    return result
