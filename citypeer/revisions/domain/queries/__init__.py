"""Reusable queries of the benchmark revision: a fixed number of queries whatever the number
of comments and drafts."""

from __future__ import annotations

from django.db.models import QuerySet

from citypeer.benchmarks.models import Benchmark, Indicator
from citypeer.revisions.models import IndicatorComment, RevisionDraft


def comments_on(benchmark: Benchmark) -> QuerySet[IndicatorComment]:
    """Every comment made on this benchmark version, in benchmark order."""
    return (IndicatorComment.objects.filter(indicator__benchmark=benchmark)
            .select_related("indicator", "author", "programme"))


def indicators_in_order(benchmark: Benchmark) -> list[Indicator]:
    return list(Indicator.objects.filter(benchmark=benchmark).order_by("position"))


def drafts_of(benchmark: Benchmark) -> QuerySet[RevisionDraft]:
    """The drafts revising this version, newest first, with the version each published."""
    return RevisionDraft.objects.filter(base=benchmark).select_related("base", "published")


def drafts_in_full() -> QuerySet[RevisionDraft]:
    return RevisionDraft.objects.select_related("base", "programme", "published")
