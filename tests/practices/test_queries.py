"""Searching the catalogue, and who sees which practices."""

from citypeer.practices.domain.catalogue import load_shipped_practices
from citypeer.practices.domain.queries import search_practices, visible_practices
from citypeer.practices.models import GoodPractice


def search(user, **criteria):
    return {p.title for p in search_practices(visible_practices(user), **criteria)}


def test_search_by_text_indicator_pillar_key_factor_and_city(shipped_benchmarks, people):
    load_shipped_practices()
    user = people["peer"]

    assert search(user, text="validation portfolio") == {"Skills recognition"}
    assert search(user, indicator="GG/A/6") == {"Tailoring needs assessments",
                                                "Data-gathering"}
    assert "Council of Religions" in search(user, pillar="WP")
    assert "Council of Religions" not in search(user, pillar="IE")
    assert "Equal access: Oslo" in search(user, key_factor="KF3")
    assert search(user, key_factor="KF3") == set(
        GoodPractice.objects.filter(key_factors__code="KF3").values_list("title", flat=True))
    assert search(user, city="Malmö", pillar="IE") == {"Designing flexible courses",
                                                       "Skills recognition"}


def test_others_see_shipped_and_transferable_practices_only(inti, people):
    kept = GoodPractice.objects.create(title="Kept in the team", description="x")
    shared = GoodPractice.objects.create(title="Shared", description="x", transferable=True)

    seen = set(visible_practices(people["peer"]))

    assert shared in seen
    assert kept not in seen
    assert kept in set(visible_practices(people["coordinator"]))
