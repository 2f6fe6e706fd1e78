"""The report's sections without a database: their order, titles and figures."""

from citypeer.feedback.method.sections import figure_of, pillar_of, section_plan


def test_section_plan_orders_the_sections_with_one_per_pillar():
    plan = section_plan([("GG", "General Governance"), ("AC", "Administrative Co-operation")])

    assert [p.key for p in plan] == ["context", "method", "pillar:GG", "pillar:AC", "strengths",
                                     "weaknesses", "recommendations", "practices", "annex"]
    assert [p.position for p in plan] == list(range(1, 10))
    assert plan[2].title % plan[2].title_args == "Assessment: General Governance"
    assert [p.figure for p in plan if p.figure] == ["interviews", "pillar", "pillar",
                                                      "recommendations", "annex"]


def test_figure_and_pillar_of_a_section_key():
    keys = ["context", "method", "pillar:AC", "recommendations", "annex"]

    assert [(figure_of(k), pillar_of(k)) for k in keys] == [
        (None, ""), ("interviews", ""), ("pillar", "AC"), ("recommendations", ""),
        ("annex", "")]
