"""The visit as the method sees it: the seed's timetable by default, and what the compiled
desk review asks of the visit."""



from citypeer.visits.method import (
    IndicatorNeed,
    VisitFrame,
    needs_from_desk_review,
    seed_days,
)
from tests.visits.method.builders import (
    H,
)


def test_the_default_visit_is_the_seed_timetable():
    days = seed_days()

    assert [(d.start // H, d.end // H) for d in days] == [(12, 18), (9, 18), (9, 18), (9, 15)]
    assert [[(b.start // H, b.end // H) for b in d.blocks] for d in days] == [
        [(12, 13), (13, 14), (14, 15), (15, 16), (16, 17), (17, 18)],
        [(13, 14)],
        [(13, 14)],
        [(9, 12), (12, 13), (13, 14), (14, 15)],
    ]
    assert VisitFrame().max_parallel == 2
    assert VisitFrame().max_interviews_per_day == 5


def test_the_compiled_desk_review_gives_the_visits_needs():
    from citypeer.deskreviews.method.compilation import (
        IndicatorJudgements,
        PeerJudgement,
        Performance,
        compile_desk_reviews,
    )

    compiled = compile_desk_reviews(peers=["JB", "FC"], indicators=[
        IndicatorJudgements("AC/I/3", "AC", (
            PeerJudgement("JB", Performance.MATCHES, questions=("How often is it consulted?",)),
            PeerJudgement("FC", Performance.FALLS_SHORT))),
        IndicatorJudgements("GG/L/1", "GG", (PeerJudgement("JB", Performance.MATCHES),)),
    ])

    assert needs_from_desk_review(compiled) == (
        IndicatorNeed("AC/I/3", "split", ("How often is it consulted?",)),
        IndicatorNeed("GG/L/1", "agrees", ()),
    )
