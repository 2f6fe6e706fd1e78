from django.db.models import Prefetch

from citypeer.programmes.models import Programme, Review, ReviewStep


def programme_dashboard(slug: str):
    """A programme with its phases, reviews, their host cities and steps, in 5 queries."""
    return (
        Programme.objects.select_related("benchmark")
        .prefetch_related(
            "phases",
            "cities",
            Prefetch(
                "reviews",
                queryset=Review.objects.select_related("city").prefetch_related(
                    Prefetch("steps", queryset=ReviewStep.objects.select_related("responsible"))
                ),
            ),
        )
        .get(slug=slug)
    )
