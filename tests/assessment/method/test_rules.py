"""The assessment rules: corroboration, contest, colour and recommendation per indicator,
the issue's cases one by one, properties checked with Hypothesis, the reference form and the
pillar x value matrix."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citypeer.assessment.method import (
    Colour,
    Corroboration,
    CrossCheck,
    Direction,
    EvidenceInput,
    EvidenceKind,
    InterviewInput,
    MatrixCell,
    Proposal,
    Source,
    assess,
    colour_matrix,
    propose,
    reference,
    references,
)
from citypeer.assessment.method.bundle import shipped_benchmark

MEETS, SHORT, NEITHER = Direction.MEETS, Direction.FALLS_SHORT, Direction.NEITHER
FACT, OPINION = EvidenceKind.FACT, EvidenceKind.OPINION
CODE = "AC/I/1"


def interview(number: int, interviewee: str, interviewers=("JB", "FC")) -> InterviewInput:
    return InterviewInput(id=f"i{number}", number=number, interviewee=interviewee,
                     interviewers=tuple(interviewers))


def said(item_id: str, at: InterviewInput, direction: Direction, kind=FACT,
         indicators=(CODE,)) -> EvidenceInput:
    return EvidenceInput(id=item_id, indicators=tuple(indicators), source=Source.INTERVIEW,
                        kind=kind, direction=direction, text="…", interview=at)


def read(item_id: str, source: Source, direction: Direction, kind=FACT, **where) -> EvidenceInput:
    return EvidenceInput(id=item_id, indicators=(CODE,), source=source, kind=kind,
                        direction=direction, text="…", recorded_by=("JB",), **where)


def expected(**changes) -> Proposal:
    """An uncorroborated proposal for CODE with nothing counted, changed as given."""
    fields = dict(
        indicator=CODE, colour=Colour.INCONCLUSIVE, status=Corroboration.UNCORROBORATED,
        direction=None, corroborated=False, contested=False, may_recommend=False, required=2,
        interviewees=0, counted=(), meets_interviews=(), falls_short_interviews=(),
        cross_check=CrossCheck.NONE, evidence=(),
    )
    fields.update(changes)
    return Proposal(**fields)


I3, I17, I21, I22 = (interview(3, "P-01"), interview(17, "P-12"), interview(21, "P-07"),
                     interview(22, "P-09"))


# --- the cases ---------------------------------------------------------------------

def test_one_interview_only_is_not_corroborated():
    proposal = propose(indicator=CODE, evidence=[said("e1", I17, SHORT)])

    assert proposal == expected(direction=SHORT, interviewees=1, counted=("i17",),
                                falls_short_interviews=("i17",), evidence=("e1",))


def test_two_interviews_with_the_same_interviewee_are_not_corroborated():
    again = interview(21, "P-12", interviewers=("AK", "MR"))

    proposal = propose(indicator=CODE,
                       evidence=[said("e1", I17, SHORT), said("e2", again, SHORT)])

    assert proposal == expected(direction=SHORT, interviewees=1, counted=("i17",),
                                falls_short_interviews=("i17", "i21"), evidence=("e1", "e2"))


def test_two_interviewees_of_which_one_gave_an_opinion_are_not_corroborated():
    proposal = propose(indicator=CODE,
                       evidence=[said("e1", I17, SHORT), said("e2", I21, SHORT, OPINION)])

    assert proposal == expected(direction=SHORT, interviewees=1, counted=("i17",),
                                falls_short_interviews=("i17",), evidence=("e1",))


def test_two_facts_one_way_and_one_the_other_are_contested():
    proposal = propose(indicator=CODE, evidence=[
        said("e1", I17, SHORT), said("e2", I21, SHORT), said("e3", I3, MEETS),
    ])

    assert proposal == expected(
        status=Corroboration.CONTESTED, direction=SHORT, corroborated=True, contested=True,
        interviewees=2, counted=("i17", "i21"), meets_interviews=("i3",),
        falls_short_interviews=("i17", "i21"), evidence=("e1", "e2", "e3"),
    )


def test_a_document_and_one_interview_are_not_corroborated():
    proposal = propose(indicator=CODE, evidence=[
        said("e1", I17, SHORT),
        read("e2", Source.DOCUMENT, SHORT, document="Committee minutes 2008", page=4),
    ])

    assert proposal == expected(direction=SHORT, interviewees=1, counted=("i17",),
                                falls_short_interviews=("i17",),
                                cross_check=CrossCheck.CONFIRMS, evidence=("e1", "e2"))


def test_with_the_minimum_set_to_three_two_interviewees_are_not_enough():
    evidence = [said("e1", I17, MEETS), said("e2", I21, MEETS)]

    proposal = propose(indicator=CODE, evidence=evidence, min_interviews=3)

    assert proposal == expected(required=3, direction=MEETS, interviewees=2,
                                counted=("i17", "i21"), meets_interviews=("i17", "i21"),
                                evidence=("e1", "e2"))


def test_with_the_minimum_set_to_three_three_interviewees_corroborate():
    evidence = [said("e1", I17, MEETS), said("e2", I21, MEETS), said("e3", I3, MEETS)]

    proposal = propose(indicator=CODE, evidence=evidence, min_interviews=3)

    assert proposal == expected(
        required=3, colour=Colour.MEETS, status=Corroboration.CORROBORATED, direction=MEETS,
        corroborated=True, may_recommend=True, interviewees=3, counted=("i3", "i17", "i21"),
        meets_interviews=("i3", "i17", "i21"), evidence=("e1", "e2", "e3"),
    )


# --- the colours ---------------------------------------------------------------------------

def test_two_interviewees_with_facts_that_fall_short_corroborate_red():
    proposal = propose(indicator=CODE, evidence=[said("e1", I17, SHORT), said("e2", I21, SHORT)])

    assert proposal == expected(
        colour=Colour.FALLS_SHORT, status=Corroboration.CORROBORATED, direction=SHORT,
        corroborated=True, may_recommend=True, interviewees=2, counted=("i17", "i21"),
        falls_short_interviews=("i17", "i21"), evidence=("e1", "e2"),
    )


def test_no_evidence_is_not_assessed():
    assert propose(indicator=CODE, evidence=[]) == expected(
        colour=Colour.NOT_ASSESSED, status=Corroboration.NO_FACT_EVIDENCE)


def test_opinions_alone_are_not_assessed():
    proposal = propose(indicator=CODE, evidence=[
        said("e1", I17, MEETS, OPINION), said("e2", I21, MEETS, OPINION),
        said("e3", I3, MEETS, OPINION),
    ])

    assert proposal == expected(colour=Colour.NOT_ASSESSED,
                                status=Corroboration.NO_FACT_EVIDENCE)


def test_facts_that_point_neither_way_are_inconclusive():
    proposal = propose(indicator=CODE, evidence=[said("e1", I17, NEITHER),
                                                 said("e2", I21, NEITHER)])

    assert proposal == expected(evidence=("e1", "e2"))


def test_documents_and_the_initial_report_alone_never_corroborate():
    proposal = propose(indicator=CODE, evidence=[
        read("e1", Source.DOCUMENT, MEETS, document="Strategy", page=3),
        read("e2", Source.INITIAL_REPORT, MEETS, page=7),
        read("e3", Source.DOCUMENT, MEETS, document="Budget 2008"),
    ])

    assert proposal == expected(evidence=("e1", "e2", "e3"))


def test_a_workshop_and_an_observation_do_not_count_as_interviews():
    proposal = propose(indicator=CODE, evidence=[
        said("e1", I17, MEETS),
        read("e2", Source.WORKSHOP, MEETS, workshop="A"),
        read("e3", Source.OBSERVATION, MEETS),
    ])

    assert proposal == expected(direction=MEETS, interviewees=1, counted=("i17",),
                                meets_interviews=("i17",), cross_check=CrossCheck.CONFIRMS,
                                evidence=("e1", "e2", "e3"))


def test_a_document_pointing_the_other_way_cross_checks_but_does_not_contest():
    proposal = propose(indicator=CODE, evidence=[
        said("e1", I17, SHORT), said("e2", I21, SHORT),
        read("e3", Source.INITIAL_REPORT, MEETS, page=12),
    ])

    assert proposal == expected(
        colour=Colour.FALLS_SHORT, status=Corroboration.CORROBORATED, direction=SHORT,
        corroborated=True, may_recommend=True, interviewees=2, counted=("i17", "i21"),
        falls_short_interviews=("i17", "i21"), cross_check=CrossCheck.CONTRADICTS,
        evidence=("e1", "e2", "e3"),
    )


def test_documents_pointing_both_ways_are_a_mixed_cross_check():
    proposal = propose(indicator=CODE, evidence=[
        said("e1", I17, MEETS),
        read("e2", Source.DOCUMENT, MEETS, document="Strategy"),
        read("e3", Source.INITIAL_REPORT, SHORT),
    ])

    assert proposal.cross_check == CrossCheck.MIXED


def test_as_many_interviewees_each_way_give_no_direction_and_are_contested():
    proposal = propose(indicator=CODE, evidence=[
        said("e1", I17, MEETS), said("e2", I21, MEETS), said("e3", I3, SHORT),
        said("e4", I22, SHORT),
    ])

    assert proposal == expected(
        status=Corroboration.CONTESTED, contested=True, meets_interviews=("i17", "i21"),
        falls_short_interviews=("i3", "i22"), evidence=("e1", "e2", "e3", "e4"),
    )


def test_an_item_counts_for_each_of_its_indicators_and_no_other():
    evidence = [said("e1", I17, MEETS, indicators=("AC/I/1", "AC/I/2")),
                said("e2", I21, MEETS, indicators=("AC/I/2", "AC/I/1")),
                said("e3", I3, SHORT, indicators=("GG/A/1",))]

    colours = [p.colour for p in assess(indicators=("AC/I/1", "AC/I/2", "AC/E/1"),
                                        evidence=evidence)]

    assert colours == [Colour.MEETS, Colour.MEETS, Colour.NOT_ASSESSED]


def test_a_minimum_below_one_is_refused():
    with pytest.raises(ValueError, match="at least 1"):
        propose(indicator=CODE, evidence=[], min_interviews=0)


def test_an_interview_item_without_its_interview_is_refused():
    with pytest.raises(ValueError, match="exactly when the source is an interview"):
        EvidenceInput(id="e1", indicators=(CODE,), source=Source.INTERVIEW, kind=FACT,
                     direction=MEETS)


def test_an_item_without_indicators_is_refused():
    with pytest.raises(ValueError, match="at least one indicator"):
        EvidenceInput(id="e1", indicators=(), source=Source.OBSERVATION, kind=FACT,
                     direction=MEETS)


# --- properties ----------------------------------------------------------------------------

INDICATORS = ("AC/I/1", "AC/I/2", "GG/A/1")
POOL = tuple(InterviewInput(id=f"i{n}", number=n, interviewee=f"P-{n % 4}",
                            interviewers=("JB", "FC"))
             for n in range(1, 8))


ANY_KIND = st.sampled_from(EvidenceKind)


@st.composite
def evidence_items(draw, kind=ANY_KIND):
    source = draw(st.sampled_from(Source))
    return EvidenceInput(
        id=f"e{draw(st.integers(0, 10**6))}",
        indicators=tuple(draw(st.lists(st.sampled_from(INDICATORS), min_size=1, max_size=3,
                                       unique=True))),
        source=source,
        kind=draw(kind),
        direction=draw(st.sampled_from(Direction)),
        text="…",
        interview=draw(st.sampled_from(POOL)) if source == Source.INTERVIEW else None,
        workshop="A" if source == Source.WORKSHOP else "",
        document="Strategy" if source == Source.DOCUMENT else "",
        recorded_by=() if source == Source.INTERVIEW else ("JB",),
    )


banks = st.lists(evidence_items(), max_size=12)
minimums = st.integers(1, 4)


@given(banks, evidence_items(kind=st.just(OPINION)), st.integers(0, 12), minimums)
def test_adding_an_opinion_never_changes_a_proposal(bank, opinion, at, minimum):
    with_opinion = [*bank[:at], opinion, *bank[at:]]

    assert assess(indicators=INDICATORS, evidence=with_opinion, min_interviews=minimum) == \
        assess(indicators=INDICATORS, evidence=bank, min_interviews=minimum)


@given(banks.flatmap(lambda bank: st.tuples(st.just(bank), st.permutations(bank))), minimums)
def test_reordering_the_evidence_never_changes_a_proposal(banks_in_two_orders, minimum):
    bank, reordered = banks_in_two_orders

    assert assess(indicators=INDICATORS, evidence=reordered, min_interviews=minimum) == \
        assess(indicators=INDICATORS, evidence=bank, min_interviews=minimum)


@given(banks, minimums)
def test_only_a_corroborated_uncontested_finding_may_carry_a_recommendation(bank, minimum):
    for proposal in assess(indicators=INDICATORS, evidence=bank, min_interviews=minimum):
        assert proposal.may_recommend == (proposal.corroborated and not proposal.contested)
        assert proposal.may_recommend == (proposal.colour in (Colour.MEETS, Colour.FALLS_SHORT))


# --- the reference form --------------------------------------------------------------------

def test_the_seed_reference_form():
    item = said("e1", I17, SHORT)

    assert reference(item, "AC/I/3") == "AC/I/3 – Interview 17 – JB & FC"


def test_one_reference_per_indicator_in_the_items_order():
    item = said("e1", interview(17, "P-12", ("JB", "FC", "AK")), SHORT,
                indicators=("AC/I/2", "AC/I/1"))

    assert references(item) == ("AC/I/2 – Interview 17 – JB, FC & AK",
                                "AC/I/1 – Interview 17 – JB, FC & AK")


@pytest.mark.parametrize(("item", "expected_reference"), [
    (read("e1", Source.DOCUMENT, MEETS, document="Integration strategy", page=12),
     "AC/I/1 – Document “Integration strategy”, p. 12 – JB"),
    (read("e1", Source.INITIAL_REPORT, MEETS), "AC/I/1 – Initial report – JB"),
    (read("e1", Source.INITIAL_REPORT, MEETS, page=3), "AC/I/1 – Initial report, p. 3 – JB"),
    (read("e1", Source.WORKSHOP, MEETS, workshop="B"), "AC/I/1 – Workshop B – JB"),
    (read("e1", Source.OBSERVATION, MEETS), "AC/I/1 – Observation – JB"),
    (EvidenceInput(id="e1", indicators=(CODE,), source=Source.OBSERVATION, kind=FACT,
                  direction=MEETS), "AC/I/1 – Observation"),
])
def test_references_for_the_other_sources(item, expected_reference):
    assert references(item) == (expected_reference,)


# --- the matrix ----------------------------------------------------------------------------

def test_the_matrix_has_every_cell_with_its_indicators_colours():
    benchmark = shipped_benchmark("inti-cities-2009", 1)
    proposals = assess(indicators=("AC/I/1", "AC/I/2"), evidence=[
        said("e1", I17, SHORT), said("e2", I21, SHORT), said("e3", I3, MEETS,
                                                             indicators=("AC/I/2",)),
    ])

    matrix = colour_matrix(benchmark=benchmark, proposals=proposals)

    assert matrix.values == ("A", "L", "R", "I", "E")
    assert [pillar for pillar, _ in matrix.rows] == ["GG", "IE", "AC", "WP"]
    assert matrix.cell("AC", "I") == MatrixCell(
        pillar="AC", value="I",
        colours=(("AC/I/1", Colour.FALLS_SHORT), ("AC/I/2", Colour.INCONCLUSIVE)),
    )
    assert matrix.cell("GG", "A").colours == tuple(
        (f"GG/A/{n}", Colour.NOT_ASSESSED) for n in range(1, 7))
    assert sum(cell.count(Colour.NOT_ASSESSED) for _, cells in matrix.rows
               for cell in cells) == 71
