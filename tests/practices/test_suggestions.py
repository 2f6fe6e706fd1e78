"""Suggestions where a city falls short: practices of cities that meet the indicator, and
the method's publications."""

from citypeer.assessment.models import Assessment
from citypeer.benchmarks.models import Indicator
from citypeer.network.models import City
from citypeer.practices.domain.catalogue import load_shipped_practices
from citypeer.practices.domain.suggestions import suggestions_for_review
from citypeer.practices.models import GoodPractice
from citypeer.programmes.models import Programme, Review


def test_suggestions_come_from_cities_that_meet_the_indicator(shipped_benchmarks, people):
    inti = shipped_benchmarks["inti-cities-2009"]
    load_shipped_practices()
    lyon, malmo, genoa = (City.objects.create(slug=s, name=n, country=c) for s, n, c in
                          [("lyon", "Lyon", "FR"), ("malmo", "Malmö", "SE"),
                           ("oulu", "Oulu", "FI")])
    programme = Programme.objects.create(slug="p", name="P", benchmark=inti)
    reviews = {c.slug: Review.objects.create(programme=programme, city=c)
               for c in (lyon, malmo, genoa)}
    gg_a_6 = Indicator.objects.get(benchmark=inti, code="GG/A/6")
    ie_i_4 = Indicator.objects.get(benchmark=inti, code="IE/I/4")
    Assessment.objects.create(review=reviews["lyon"], indicator=gg_a_6, colour="falls_short")
    Assessment.objects.create(review=reviews["lyon"], indicator=ie_i_4, colour="falls_short")
    Assessment.objects.create(review=reviews["malmo"], indicator=ie_i_4, colour="meets")
    Assessment.objects.create(review=reviews["oulu"], indicator=gg_a_6, colour="falls_short")
    found = GoodPractice.objects.create(review=reviews["oulu"], city=genoa, title="Oulu data",
                                        description="x", transferable=True)
    found.indicators.set([gg_a_6])

    suggestions = {s.indicator.code: s for s in
                   suggestions_for_review(review=reviews["lyon"], user=people["peer"])}

    assert [p.title for p in suggestions["IE/I/4"].from_cities] == ["Designing flexible courses"]
    assert "Increasing outreach" in [p.title for p in suggestions["IE/I/4"].from_publications]
    assert suggestions["GG/A/6"].from_cities == []  # Oulu falls short of it too
    assert {p.title for p in suggestions["GG/A/6"].from_publications} == {
        "Tailoring needs assessments", "Data-gathering"}
