"""Reusable querysets over the benchmark library."""

from django.db.models import Count, Max, OuterRef, Prefetch, Subquery

from citypeer.benchmarks.models import Benchmark, Indicator, KeyFactor


def benchmarks_with_counts():
    return Benchmark.objects.annotate(
        indicator_count=Count("indicators", distinct=True),
        key_factor_count=Count("key_factors", distinct=True),
        context_factor_count=Count("context_factors", distinct=True),
    ).order_by("slug", "-version")


def latest_versions():
    """The newest version of each benchmark."""
    newest = (
        Benchmark.objects.filter(slug=OuterRef("slug"))
        .values("slug")
        .annotate(v=Max("version"))
        .values("v")
    )
    return benchmarks_with_counts().filter(version=Subquery(newest))


def benchmark_version(*, slug: str, version: int | None = None):
    """One benchmark version (the newest when no version is given), or None."""
    qs = Benchmark.objects.filter(slug=slug)
    if version is not None:
        qs = qs.filter(version=version)
    return qs.order_by("-version").first()


def other_versions(benchmark) -> list[int]:
    """The numbers of the benchmark's other versions, newest first."""
    return list(Benchmark.objects.filter(slug=benchmark.slug).exclude(pk=benchmark.pk)
                .order_by("-version").values_list("version", flat=True))


def benchmark_in_full(benchmark_id: int):
    """A benchmark with everything needed to show or export it, in a fixed number of queries."""
    return Benchmark.objects.prefetch_related(
        "values",
        "pillars",
        Prefetch("indicators", queryset=Indicator.objects.select_related("pillar", "value")),
        Prefetch(
            "key_factors",
            queryset=KeyFactor.objects.prefetch_related("guide_questions", "examples"),
        ),
        "context_factors",
    ).get(pk=benchmark_id)
