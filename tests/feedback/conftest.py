"""A review at step 7: a team of two peers (JB leads) and an expert, a visit with four
interviews, an evidence bank in which AC/I/3 is corroborated (two interviewees, falls
short), AC/A/1 is not (one interviewee twice) and WP/A/1 is contested, findings on each,
a good practice and the initial report's background."""

from types import SimpleNamespace

import pytest

from citypeer.assessment.models import Assessment, EvidenceItem, Finding
from citypeer.feedback.domain.recommendations import save_recommendation
from citypeer.initialreports.models import BackgroundSection, InitialReport
from citypeer.practices.models import GoodPractice
from citypeer.programmes.models import ReviewStep
from citypeer.teams.models import TeamMember
from tests.assessment.conftest import PASSWORD, make_world


def evidence(s, *, interview, codes, direction, kind="fact", text=None):
    item = EvidenceItem.objects.create(
        review=s.review, source="interview", interview=interview, kind=kind,
        direction=direction, text=text or f"Said in interview {interview.number}.")
    item.indicators.set([s.indicators[c] for c in codes])
    return item


def finding(s, *, kind, text, codes, items=(), barriers=""):
    row = Finding.objects.create(review=s.review, kind=kind, text=text, barriers=barriers)
    row.indicators.set([s.indicators[c] for c in codes])
    row.evidence.set(items)
    return row


def make_feedback_setting(**kwargs):
    s = make_world(password=PASSWORD, **kwargs)
    i = s.interviews
    s.items = SimpleNamespace(
        e1=evidence(s, interview=i.i17, codes=["AC/I/3"], direction="falls_short",
                    text="The committee has been asked for an opinion once this year."),
        e2=evidence(s, interview=i.i18, codes=["AC/I/3"], direction="falls_short",
                    text="The minutes show a single consultation."),
        e3=evidence(s, interview=i.i17, codes=["AC/A/1"], direction="meets"),
        e4=evidence(s, interview=i.i19, codes=["AC/A/1"], direction="meets"),
        e5=evidence(s, interview=i.i17, codes=["WP/A/1"], direction="meets"),
        e6=evidence(s, interview=i.i18, codes=["WP/A/1"], direction="falls_short"),
    )
    Assessment.objects.create(review=s.review, indicator=s.indicators["AC/I/3"],
                              colour="falls_short", rationale="Consulted once a year.",
                              edit_count=1)
    s.findings = SimpleNamespace(
        rare=finding(s, kind="weakness", text="The consultative committee is rarely consulted.",
                     codes=["AC/I/3"], items=[s.items.e1, s.items.e2],
                     barriers="No budget line for the committee."),
        committee=finding(s, kind="strength", text="A consultative committee exists.",
                          codes=["AC/A/1"], items=[s.items.e3, s.items.e4]),
        hiring=finding(s, kind="weakness", text="Hiring is not diverse.", codes=["WP/A/1"]),
    )
    GoodPractice.objects.create(review=s.review, title="Neighbourhood mediators",
                                description="Mediators trained among residents.",
                                transferable=True)
    report = InitialReport.objects.create(review=s.review)
    BackgroundSection.objects.create(report=report, kind=1,
                                     text="A port city of 600,000 inhabitants.")
    for step in ReviewStep.Step:
        ReviewStep.objects.get_or_create(review=s.review, step=step)
    # a second peer besides JB and FC would change nothing: the two peers approve
    assert TeamMember.objects.filter(team__review=s.review, role="peer").count() == 2
    return s


@pytest.fixture
def fb(db):
    return make_feedback_setting()


def recommend(s, text="Consult the committee every quarter.", *, codes=("AC/I/3",),
              findings=None, by=None, **kwargs):
    return save_recommendation(review=s.review, by=by or s.people.jb, text=text,
                               indicators=list(codes),
                               findings=findings if findings is not None else [s.findings.rare.pk],
                               **kwargs)

