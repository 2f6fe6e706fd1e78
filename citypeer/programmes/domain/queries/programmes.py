"""Reusable querysets over programmes and reviews: each fetches a fixed number of queries
whatever the number of programmes, reviews and steps."""

from django.db.models import Prefetch

from citypeer.programmes.models import Programme, Review, ReviewStep


def programmes_with_phases():
    """Programmes with their benchmark, cities and phases (the API's list)."""
    return Programme.objects.select_related("benchmark").prefetch_related("cities", "phases")


def programmes_with_reviews():
    """Programmes by name with their benchmark, cities and reviewed cities (the list page)."""
    return (Programme.objects.select_related("benchmark")
            .prefetch_related("cities", "reviews__city").order_by("name"))


def programmes_for_dashboard():
    """Programmes with their phases, reviews, their host cities and steps, in 5 queries."""
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
    )


def reviews_with_steps():
    return (Review.objects.select_related("city", "programme")
            .prefetch_related("steps__responsible"))


def reviews_visible_to(user, reviews) -> list[Review]:
    """The reviews `user` may see (`programmes.view_review`), in their order."""
    return [r for r in reviews if user.has_perm("programmes.view_review", r)]
