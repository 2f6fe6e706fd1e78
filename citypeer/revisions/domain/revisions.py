"""Benchmark revision: comments on indicators during a programme, the coordinator's draft of
the next version, its diff against the version revised, and publication as a new version
through the benchmark library. Reviews on the old version keep it: a version is never
changed in place."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import yaml
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from citypeer.benchmarks.domain.library import (
    BenchmarkExists,
    benchmark_document,
    import_benchmark,
)
from citypeer.benchmarks.models import Benchmark, Indicator
from citypeer.common.editing import check_edit_count, compare
from citypeer.common.refusals import Refused
from citypeer.core.benchmark import (
    BenchmarkDocument,
    Problem,
    document_from_dict,
    document_to_dict,
    parse_document_text,
    validate_document,
)
from citypeer.core.benchmark.validation import BenchmarkDocumentError
from citypeer.revisions.method.diff import (
    Revision,
    RevisionError,
    check_successor,
    diff_benchmarks,
)
from citypeer.revisions.models import IndicatorComment, RevisionDraft


class RevisionRefused(Refused):
    """The comment or the draft breaks a rule; `located` says where (``document, pillars[0]…``,
    ``overrides, line 2``, ``state``) and what, and nothing was written."""

    status_code = 400

    def __init__(self, located: list[Problem]):
        self.located = list(located)
        super().__init__(problems=[str(p) for p in located])

    def by_location(self) -> dict[str, list[str]]:
        """The messages per location, the way the API names wrong fields."""
        out: dict[str, list[str]] = {}
        for p in self.located:
            out.setdefault(p.location, []).append(p.message)
        return out


# --- comments ------------------------------------------------------------------------------

def add_comment(*, programme, indicator_code: str, kind: str, text: str, author
                ) -> IndicatorComment:
    problems = []
    indicator = Indicator.objects.filter(benchmark_id=programme.benchmark_id,
                                         code=indicator_code).first()
    if indicator is None:
        problems.append(Problem("indicator", f"{indicator_code!r} is not an indicator of "
                                             f"{programme.benchmark}"))
    if kind not in IndicatorComment.Kind.values:
        problems.append(Problem("kind", f"{kind!r} is not one of "
                                        f"{', '.join(IndicatorComment.Kind.values)}"))
    if problems:
        raise RevisionRefused(problems)
    return IndicatorComment.objects.create(programme=programme, indicator=indicator, kind=kind,
                                           text=text.strip(), author=author)


# --- drafts --------------------------------------------------------------------------------

def _yaml(document: BenchmarkDocument) -> str:
    return yaml.safe_dump(document_to_dict(document), allow_unicode=True, sort_keys=False,
                          width=100)


def start_draft(*, base: Benchmark, programme=None, user) -> RevisionDraft:
    """A draft that starts as a copy of ``base`` numbered as the next version."""
    newest = Benchmark.objects.filter(slug=base.slug).aggregate(v=Max("version"))["v"]
    document = benchmark_document(base)
    return RevisionDraft.objects.create(
        base=base, programme=programme, created_by=user,
        document=_yaml(replace(document, version=newest + 1)),
    )


OVERRIDE_LINE = re.compile(r"^\s*(\S+)\s*(?:=|->|→)\s*(\S+)\s*$")


def parse_overrides(text: str) -> dict[str, str | None]:
    """Lines ``OLD = NEW`` (or ``OLD = -`` for removed); blank lines and # comments skipped."""
    overrides: dict[str, str | None] = {}
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.strip().startswith("#"):
            continue
        match = OVERRIDE_LINE.match(line)
        if not match:
            problems.append(Problem(f"overrides, line {number}",
                                    "write OLD = NEW, or OLD = - for a removed indicator"))
            continue
        old, new = match.groups()
        overrides[old] = None if new == "-" else new
    if problems:
        raise RevisionRefused(problems)
    return overrides


def overrides_text(overrides: dict) -> str:
    return "\n".join(f"{old} = {new or '-'}" for old, new in overrides.items())


def _document(text: str) -> BenchmarkDocument:
    try:
        data = parse_document_text(text, source_name="document")
    except BenchmarkDocumentError as exc:
        raise RevisionRefused([Problem(f"document, {p.location}", p.message)
                               for p in exc.problems]) from exc
    problems = validate_document(data)
    if problems:
        raise RevisionRefused([Problem(f"document, {p.location}", p.message) for p in problems])
    return document_from_dict(data)


def check_draft(*, base: Benchmark, document_text: str, overrides: dict
                ) -> tuple[BenchmarkDocument, BenchmarkDocument, Revision]:
    old = benchmark_document(base)
    new = _document(document_text)
    problems = [Problem(f"document, {p.location}", p.message)
                for p in check_successor(old, new)]
    if Benchmark.objects.filter(slug=new.slug, version=new.version).exists():
        problems.append(Problem("document, version",
                                f"version {new.version} of {new.slug} exists already"))
    if problems:
        raise RevisionRefused(problems)
    try:
        revision = diff_benchmarks(old, new, overrides=overrides)
    except RevisionError as exc:
        raise RevisionRefused(exc.problems) from exc
    return old, new, revision


DRAFT_FIELDS = {"document": gettext_lazy("new version"),
                "overrides": gettext_lazy("corrections of the mapping")}


def _check_draft_edit(draft: RevisionDraft, *, edit_count: int | None,
                      yours: dict | None = None) -> None:
    """Raise `EditConflict` unless the stored draft is at `edit_count`; with `yours` (the
    document and overrides a save sent), the conflict shows them beside the saved ones."""
    check_edit_count(
        draft, started_from=edit_count, what=_("the revision draft"),
        saved_at=draft.updated_at,
        fields=lambda: () if yours is None else compare(
            DRAFT_FIELDS,
            {"document": draft.document, "overrides": overrides_text(draft.overrides)},
            {"document": yours["document"], "overrides": overrides_text(yours["overrides"])}))


def save_draft(*, draft: RevisionDraft, document_text: str, overrides: dict, edit_count: int
               ) -> RevisionDraft:
    """Check the whole draft first, then save it; a save that started from an older edit
    than the stored one is refused (`EditConflict`) and nothing is written."""
    if draft.state != RevisionDraft.State.DRAFT:
        raise RevisionRefused([Problem("state", "a published draft cannot change")])
    check_draft(base=draft.base, document_text=document_text, overrides=overrides)
    with transaction.atomic():
        locked = RevisionDraft.objects.select_for_update().get(pk=draft.pk)
        if locked.state != RevisionDraft.State.DRAFT:
            raise RevisionRefused([Problem("state", "a published draft cannot change")])
        _check_draft_edit(locked, edit_count=edit_count,
                          yours={"document": document_text, "overrides": overrides})
        locked.document, locked.overrides = document_text, overrides
        locked.edit_count += 1
        locked.save()
    return locked


@dataclass(frozen=True)
class DraftDiff:
    """A draft's changes against the version it revises, at the draft's `edit_count`."""

    old: BenchmarkDocument
    new: BenchmarkDocument
    revision: Revision
    edit_count: int


def draft_diff(draft: RevisionDraft) -> DraftDiff:
    if draft.state == RevisionDraft.State.PUBLISHED:
        old, new = benchmark_document(draft.base), benchmark_document(draft.published)
        return DraftDiff(old, new, diff_benchmarks(old, new, overrides=draft.overrides),
                         draft.edit_count)
    old, new, revision = check_draft(base=draft.base, document_text=draft.document,
                                     overrides=draft.overrides)
    return DraftDiff(old, new, revision, draft.edit_count)


def publish_draft(*, draft: RevisionDraft, user, edit_count: int) -> Benchmark:
    """Import the draft as the benchmark's new version and freeze its mapping; `edit_count`
    is the draft's edit whose changes the publisher saw (`EditConflict` if it was saved
    since)."""
    with transaction.atomic():
        draft = RevisionDraft.objects.select_for_update().get(pk=draft.pk)
        if draft.state != RevisionDraft.State.DRAFT:
            raise RevisionRefused([Problem("state", "this draft is published already")])
        _check_draft_edit(draft, edit_count=edit_count)
        _old, new, revision = check_draft(base=draft.base, document_text=draft.document,
                                          overrides=draft.overrides)
        try:
            benchmark = import_benchmark(document=new, imported_by=user)
        except BenchmarkExists as exc:
            raise RevisionRefused([Problem("document, version", str(exc))]) from exc
        draft.state = RevisionDraft.State.PUBLISHED
        draft.published = benchmark
        draft.mapping = revision.mapping
        draft.edit_count += 1
        draft.save()
    return benchmark
