"""The report as data: the annex traces each recommendation to its evidence."""


from citypeer.feedback.domain import reports
from citypeer.feedback.domain.document import report_document
from tests.feedback.conftest import recommend


def test_the_annex_traces_a_recommendation_to_its_evidence(world):
    recommend(world)
    reports.compose_report(review=world.review, by=world.people.jb)

    trace = report_document(world.review).recommendations[0].trace

    assert [(t.indicator, t.status, t.interviews, t.references) for t in trace] == [
        ("AC/I/3", "corroborated", "17, 18",
         ["AC/I/3 – Interview 17 – JB & FC", "AC/I/3 – Interview 18 – JB & FC"])]
