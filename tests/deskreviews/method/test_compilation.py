"""Compiling desk reviews: team status, spread, merged questions and people, and
Krippendorff's alpha checked against values computed by hand and from the literature."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citypeer.deskreviews.method.compilation import (
    Agreement,
    AlphaUndefined,
    IndicatorJudgements,
    MergedQuestion,
    PeerJudgement,
    Performance,
    PersonToMeet,
    TeamStatus,
    compile_desk_reviews,
    merge_people,
    merge_questions,
    new_person_key,
    ordinal_alpha,
    performance_alpha,
    spread,
    team_status,
)

FS, M, S, NI = (Performance.FALLS_SHORT, Performance.MATCHES, Performance.SURPASSES,
                Performance.NEEDS_INFORMATION)


# --- team status --------------------------------------------------------------------------

@pytest.mark.parametrize(("performances", "expected"), [
    ([M, M, M], TeamStatus.AGREES),
    ([M, None, M], TeamStatus.AGREES),
    ([S], TeamStatus.AGREES),
    ([FS, M], TeamStatus.SPLIT),
    ([FS, S, None], TeamStatus.SPLIT),
    ([M, NI], TeamStatus.NEEDS_INFORMATION),
    ([FS, S, NI], TeamStatus.NEEDS_INFORMATION),
    ([None, None], TeamStatus.NEEDS_INFORMATION),
    ([], TeamStatus.NEEDS_INFORMATION),
])
def test_team_status(performances, expected):
    assert team_status(performances) == expected


@pytest.mark.parametrize(("performances", "expected"), [
    ([FS, S], 2), ([M, S, None], 1), ([M, M], 0), ([NI, M], 0), ([NI, None], None), ([], None),
])
def test_spread_on_the_ordinal_scale(performances, expected):
    assert spread(performances) == expected


# --- merging ------------------------------------------------------------------------------

def test_questions_merge_ignoring_case_and_white_space_and_keep_who_asked():
    judgements = [
        PeerJudgement("anna", questions=("How were members appointed?", "Is it  consulted?")),
        PeerJudgement("bram", questions=("how were MEMBERS\nappointed?", "  ", "Budget?")),
        PeerJudgement("carla", questions=("Is it consulted?",)),
    ]

    assert merge_questions(judgements) == (
        MergedQuestion("How were members appointed?", ("anna", "bram")),
        MergedQuestion("Is it consulted?", ("anna", "carla")),
        MergedQuestion("Budget?", ("bram",)),
    )


def test_people_to_meet_merge_with_counts_most_asked_first():
    judgements = [
        PeerJudgement("anna", to_meet=("person:1", "person:2", "person:1")),
        PeerJudgement("bram", to_meet=("person:2", "new:committee chair|")),
        PeerJudgement("carla", to_meet=("person:2", "new:committee chair|")),
    ]

    people = merge_people(judgements)

    assert people == (
        PersonToMeet("person:2", ("anna", "bram", "carla")),
        PersonToMeet("new:committee chair|", ("bram", "carla")),
        PersonToMeet("person:1", ("anna",)),
    )
    assert [p.count for p in people] == [3, 2, 1]


def test_new_person_key_ignores_case_and_spacing():
    assert new_person_key(" Committee  Chair", "City of Genoa") == new_person_key(
        "committee chair", "CITY OF GENOA "
    )
    assert new_person_key("Committee Chair", "") != new_person_key("Committee Chair", "Lyon")


# --- alpha: hand-computed values and the literature --------------------------------------

def test_alpha_of_a_small_matrix_computed_by_hand():
    # Two peers, four indicators, ranks FS=0 M=1 S=2:
    #   I1 (0,0)  I2 (1,1)  I3 (0,1)  I4 (2,1)
    # Coincidences: o00=2, o11=2, o01=o10=1, o12=o21=1; n0=3, n1=4, n2=1, n=8.
    # Ordinal distances d(c,k) = (sum of n_g for g from c to k - (n_c + n_k)/2)^2:
    #   d01 = (7 - 3.5)^2 = 12.25, d12 = (5 - 2.5)^2 = 6.25, d02 = (8 - 2)^2 = 36.
    # Observed: sum o*d = 2*12.25 + 2*6.25 = 37.
    # Expected: 2*(n0*n1*d01 + n1*n2*d12 + n0*n2*d02)/(n-1) = 2*(147 + 25 + 108)/7 = 80.
    # alpha = 1 - 37/80 = 43/80.
    result = ordinal_alpha([[0, 0], [1, 1], [0, 1], [2, 1]], levels=3)

    assert result == Agreement(pytest.approx(43 / 80), 8)


def test_lone_and_missing_judgements_are_not_pairable():
    # The same matrix with a third peer who judged only I5, alone, and a missing value.
    result = performance_alpha([
        [FS, FS, None], [M, M, NI], [FS, M, None], [S, M, None], [NI, None, S],
    ])

    assert result == Agreement(pytest.approx(43 / 80), 8)


def test_alpha_of_krippendorffs_textbook_example():
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
    # 4 observers, 12 units, values 1-5, with missing data; ordinal alpha = 0.815, n = 40.
    observers = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    ]
    units = [[None if o[u] is None else o[u] - 1 for o in observers] for u in range(12)]

    result = ordinal_alpha(units, levels=5)

    assert round(result.alpha, 3) == 0.815
    assert result.pairable == 40
    assert result.reason is None


def test_perfect_agreement_with_variation_is_one():
    assert performance_alpha([[FS, FS], [S, S, None]]) == Agreement(1.0, 4)


def test_systematic_disagreement_is_below_zero():
    result = performance_alpha([[FS, S], [S, FS], [M, M]])

    assert result.alpha < 0


def test_alpha_undefined_without_two_judgements_in_any_indicator():
    assert performance_alpha([[FS, None], [NI, S], [None, None]]) == Agreement(
        None, 0, AlphaUndefined.TOO_FEW_JUDGEMENTS
    )
    assert performance_alpha([]) == Agreement(None, 0, AlphaUndefined.TOO_FEW_JUDGEMENTS)


def test_alpha_undefined_without_variation():
    assert performance_alpha([[M, M], [M, M, M], [S, None]]) == Agreement(
        None, 5, AlphaUndefined.NO_VARIATION
    )


def test_value_outside_the_scale_is_refused():
    with pytest.raises(ValueError, match="outside the scale 0..2"):
        ordinal_alpha([[0, 3]], levels=3)


# --- the compiled desk review -------------------------------------------------------------

def test_two_peers_three_indicators():
    compiled = compile_desk_reviews(peers=["anna", "bram"], indicators=[
        IndicatorJudgements("AC/A/1", "AC", (
            PeerJudgement("anna", M, questions=("Who sits on it?",), to_meet=("person:1",)),
            PeerJudgement("bram", M, to_meet=("person:1", "person:2")),
        )),
        IndicatorJudgements("AC/A/2", "AC", (
            PeerJudgement("anna", FS), PeerJudgement("bram", S, questions=("who sits on it?",)),
        )),
        IndicatorJudgements("GG/A/1", "GG", (PeerJudgement("anna", NI), PeerJudgement("bram", M))),
    ])

    assert [(i.indicator, i.status, i.spread, i.judged) for i in compiled.indicators] == [
        ("AC/A/1", TeamStatus.AGREES, 0, 2),
        ("AC/A/2", TeamStatus.SPLIT, 2, 2),
        ("GG/A/1", TeamStatus.NEEDS_INFORMATION, 0, 2),
    ]
    assert compiled.indicators[0].to_meet == (
        PersonToMeet("person:1", ("anna", "bram")), PersonToMeet("person:2", ("bram",)),
    )
    assert compiled.indicators[1].questions == (MergedQuestion("who sits on it?", ("bram",)),)
    assert [(p.pillar, p.indicators, p.max_spread) for p in compiled.pillars] == [
        ("AC", ("AC/A/1", "AC/A/2"), 2), ("GG", ("GG/A/1",), 0),
    ]
    # AC: units (1,1) and (0,2): n0=1, n1=2, n2=1, n=4; d01=d12=2.25, d02=9;
    # observed 2*9 = 18; expected 2*(2*2.25 + 2*2.25 + 1*9)/3 = 12; alpha = 1 - 18/12.
    assert compiled.pillars[0].agreement == Agreement(pytest.approx(-0.5), 4)
    assert compiled.pillars[1].agreement == Agreement(None, 0, AlphaUndefined.TOO_FEW_JUDGEMENTS)


def test_peers_without_a_judgement_get_a_blank_column_in_peer_order():
    compiled = compile_desk_reviews(peers=["anna", "bram", "carla"], indicators=[
        IndicatorJudgements("GG/A/1", "GG", (PeerJudgement("carla", S),)),
        IndicatorJudgements("GG/A/2", "GG", ()),
    ])

    assert compiled.indicators[0].judgements == (
        PeerJudgement("anna"), PeerJudgement("bram"), PeerJudgement("carla", S),
    )
    assert [(i.status, i.judged) for i in compiled.indicators] == [
        (TeamStatus.AGREES, 1), (TeamStatus.NEEDS_INFORMATION, 0),
    ]


def test_judgement_by_someone_not_in_the_team_is_refused():
    with pytest.raises(ValueError, match="GG/A/1: 'zoe' is not one of the peers"):
        compile_desk_reviews(peers=["anna"], indicators=[
            IndicatorJudgements("GG/A/1", "GG", (PeerJudgement("zoe", M),)),
        ])


def test_two_judgements_by_one_peer_are_refused():
    with pytest.raises(ValueError, match="GG/A/1: two judgements by 'anna'"):
        compile_desk_reviews(peers=["anna"], indicators=[
            IndicatorJudgements("GG/A/1", "GG", (PeerJudgement("anna", M),
                                                 PeerJudgement("anna", S))),
        ])


# --- properties ---------------------------------------------------------------------------

performances = st.sampled_from([FS, M, S, NI, None])


@st.composite
def judgement_matrices(draw):
    """Rows are indicators, columns peers."""
    peers = draw(st.integers(min_value=1, max_value=6))
    rows = draw(st.integers(min_value=0, max_value=12))
    return [draw(st.lists(performances, min_size=peers, max_size=peers)) for _ in range(rows)]


def _same(a: Agreement, b: Agreement) -> bool:
    if a.alpha is None or b.alpha is None:
        return a == b
    return (a.pairable, a.reason) == (b.pairable, b.reason) and a.alpha == pytest.approx(b.alpha)


@given(judgement_matrices(), st.randoms(use_true_random=False))
def test_permuting_peers_does_not_change_alpha(matrix, rnd):
    order = list(range(len(matrix[0]))) if matrix else []
    rnd.shuffle(order)
    permuted = [[row[i] for i in order] for row in matrix]

    assert _same(performance_alpha(permuted), performance_alpha(matrix))


@given(judgement_matrices(), st.randoms(use_true_random=False))
def test_permuting_indicators_does_not_change_alpha(matrix, rnd):
    permuted = list(matrix)
    rnd.shuffle(permuted)

    assert _same(performance_alpha(permuted), performance_alpha(matrix))


@given(judgement_matrices())
def test_alpha_is_at_most_one_and_rests_on_the_pairable_judgements(matrix):
    result = performance_alpha(matrix)

    on_scale = [[p for p in row if p in (FS, M, S)] for row in matrix]
    assert result.pairable == sum(len(row) for row in on_scale if len(row) >= 2)
    assert (result.alpha is None) == (result.reason is not None)
    if result.alpha is not None:
        assert result.alpha <= 1.0 + 1e-12


@given(
    st.lists(st.sampled_from([FS, M, S]), min_size=1, max_size=10),
    st.integers(min_value=1, max_value=5),
)
def test_when_all_peers_agree_the_status_is_agrees_and_alpha_is_one_or_undefined(values, peers):
    names = [f"peer{n}" for n in range(peers)]
    compiled = compile_desk_reviews(peers=names, indicators=[
        IndicatorJudgements(f"GG/A/{n}", "GG", tuple(PeerJudgement(p, v) for p in names))
        for n, v in enumerate(values, start=1)
    ])

    assert {i.status for i in compiled.indicators} == {TeamStatus.AGREES}
    assert {i.spread for i in compiled.indicators} == {0}
    if peers == 1:
        assert compiled.agreement.reason == AlphaUndefined.TOO_FEW_JUDGEMENTS
    elif len(set(values)) == 1:
        assert compiled.agreement.reason == AlphaUndefined.NO_VARIATION
    else:
        assert compiled.agreement.alpha == pytest.approx(1.0)


@given(st.lists(st.lists(st.sampled_from(["p1", "p2", "p3", "p4"]), max_size=5), max_size=5))
def test_each_person_counts_the_distinct_peers_who_named_them(lists):
    judgements = [PeerJudgement(f"peer{n}", to_meet=tuple(keys)) for n, keys in enumerate(lists)]

    people = merge_people(judgements)

    assert {p.key: p.count for p in people} == {
        key: sum(1 for keys in lists if key in keys) for key in {k for ks in lists for k in ks}
    }
    assert [p.count for p in people] == sorted((p.count for p in people), reverse=True)


@given(st.lists(st.lists(st.text(alphabet="aAbB ?\n", max_size=6), max_size=4), max_size=4))
def test_merged_questions_are_distinct_and_cover_every_question(lists):
    judgements = [PeerJudgement(f"peer{n}", questions=tuple(qs)) for n, qs in enumerate(lists)]

    merged = merge_questions(judgements)

    def norm(text):
        return " ".join(text.split()).casefold()

    assert len({norm(q.text) for q in merged}) == len(merged)
    assert {norm(q.text) for q in merged} == {norm(q) for qs in lists for q in qs if q.strip()}

