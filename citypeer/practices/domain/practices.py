"""Adding a practice found in a review to the catalogue."""

from django.db import transaction

from citypeer.practices.models import GoodPractice


def add_review_practice(*, review, data: dict, indicators, user) -> GoodPractice:
    """``data`` has been validated by the form; the practice takes the review's city."""
    with transaction.atomic():
        practice = GoodPractice.objects.create(
            origin=GoodPractice.Origin.REVIEW, review=review, city=review.city,
            city_name=review.city.name,
            source=str(review.programme),
            **{k: data[k] for k in ("title", "theme", "year", "description", "transferable",
                                    "published")},
        )
        practice.indicators.set(indicators)
    return practice
