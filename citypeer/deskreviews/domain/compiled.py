"""The compiled desk review of one review: the submitted desk reviews side by side.

Rows come from the database in a fixed number of queries; the rules (team status, merged
questions and people, alpha, spread) are `citypeer.deskreviews.method.compilation`'s. Only
submitted desk reviews are compiled: a draft is not yet a peer's judgement. The compiled
view is what the visit planner reads; `interfaces.serializers.CompiledDeskReviewSerializer`
gives it as the API's and the CLI's JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from citypeer.deskreviews.domain.queries import (
    DESK_REVIEWER_ROLES,
    indicators_of,
    judgements_in_full,
    responsible_people,
)
from citypeer.deskreviews.method.compilation import (
    CompiledDeskReview,
    IndicatorJudgements,
    PeerJudgement,
    Performance,
    compile_desk_reviews,
    new_person_key,
)
from citypeer.deskreviews.models import DeskReview
from citypeer.teams.models import TeamMember


@dataclass(frozen=True)
class PersonLabel:
    """Someone to meet: from the initial report (`responsible_person_id`) or named by a
    peer."""

    key: str
    name: str
    role: str = ""
    organisation: str = ""
    responsible_person_id: int | None = None

    def __str__(self) -> str:
        return ", ".join(part for part in (self.name, self.role, self.organisation) if part)


@dataclass(frozen=True)
class CompiledView:
    review: object
    compiled: CompiledDeskReview
    peers: dict  # peer key -> User
    indicators: dict  # indicator code -> Indicator (with pillar and value)
    pillars: dict  # pillar code -> Pillar
    people: dict[str, PersonLabel]
    pending: list = field(default_factory=list)  # team reviewers who have not submitted

    @property
    def peers_in_order(self) -> list:
        """The people whose desk reviews are compiled, in the order of the columns."""
        return [self.peers[key] for key in self.compiled.peers]


def peer_key(user) -> str:
    return str(user.pk)


def person_key(responsible_person_id: int) -> str:
    return f"person:{responsible_person_id}"


def compiled_desk_review(*, review) -> CompiledView:
    """`review` must come with its programme and benchmark (`common.lookup.get_review`)."""
    indicators = list(indicators_of(review))
    desk_reviews = list(
        DeskReview.objects.filter(review=review, submitted_at__isnull=False)
        .select_related("peer").order_by("peer__name", "peer__username")
    )
    # Benchmark order, then peer order: a new person's name is taken from their first
    # mention in that order.
    position = {d.pk: n for n, d in enumerate(desk_reviews)}
    judgements = sorted(judgements_in_full().filter(desk_review__in=desk_reviews),
                        key=lambda j: (j.indicator.position, position[j.desk_review_id]))
    reviewers = [
        m.person for m in TeamMember.objects.filter(
            team__review=review, role__in=DESK_REVIEWER_ROLES
        ).select_related("person").order_by("person__name", "person__username")
    ]
    report_people = responsible_people(review)

    people = {person_key(p.pk): PersonLabel(person_key(p.pk), p.name, p.role, p.organisation,
                                            p.pk)
              for p in report_people}
    # Someone a peer adds by hand who is in the report after all is the report's person.
    by_name = {new_person_key(p.name, p.organisation): person_key(p.pk) for p in report_people}
    peer_of = {d.pk: peer_key(d.peer) for d in desk_reviews}
    by_indicator: dict[int, list[PeerJudgement]] = {}
    for j in judgements:
        keys = [person_key(p.pk) for p in j.to_meet.all()]
        for new in j.to_meet_new:
            key = new_person_key(new["name"], new.get("organisation", ""))
            key = by_name.get(key, key)
            known = people.get(key)
            if known is None:
                people[key] = PersonLabel(key, new["name"], new.get("role", ""),
                                          new.get("organisation", ""))
            elif known.responsible_person_id is None:
                # Fill in what the first mention left out.
                people[key] = PersonLabel(key, known.name,
                                          known.role or new.get("role", ""),
                                          known.organisation or new.get("organisation", ""))
            keys.append(key)
        by_indicator.setdefault(j.indicator_id, []).append(PeerJudgement(
            peer=peer_of[j.desk_review_id],
            performance=Performance(j.performance) if j.performance else None,
            known=tuple(j.known), unknown=tuple(j.unknown), suspected=tuple(j.suspected),
            questions=tuple(j.questions), to_meet=tuple(keys),
        ))
    compiled = compile_desk_reviews(
        peers=[peer_key(d.peer) for d in desk_reviews],
        indicators=[
            IndicatorJudgements(i.code, i.pillar.code, tuple(by_indicator.get(i.pk, ())))
            for i in indicators
        ],
    )
    submitted = {d.peer_id for d in desk_reviews}
    return CompiledView(
        review=review,
        compiled=compiled,
        peers={peer_key(d.peer): d.peer for d in desk_reviews},
        indicators={i.code: i for i in indicators},
        pillars={i.pillar.code: i.pillar for i in indicators},
        people=people,
        pending=[p for p in reviewers if p.pk not in submitted],
    )
