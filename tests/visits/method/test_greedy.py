"""The greedy baseline: it never breaks a rule, and the optimiser never does worse."""


from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citypeer.visits.method import (
    FEASIBLE,
    check_timetable,
    errors,
    evaluate,
    greedy_timetable,
    solve_greedy,
)
from citypeer.visits.method.generate import generate_instance
from tests.visits.method.builders import (
    solved,
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(2, 8), st.integers(0, 30), st.integers(0, 1000))
def test_the_greedy_timetable_never_breaks_a_rule(team, people, seed):
    instance = generate_instance(peers=team, interviewees=people, indicators=30, seed=seed)

    assert errors(check_timetable(instance, greedy_timetable(instance))) == ()


def test_the_optimiser_is_never_worse_than_the_greedy_baseline():
    instance = generate_instance(peers=6, interviewees=20, indicators=40, seed=3)

    greedy = solve_greedy(instance)
    result = solved(instance)

    assert greedy.status == FEASIBLE
    assert result.objective <= greedy.objective
    assert greedy.penalties == evaluate(instance, greedy.timetable)
