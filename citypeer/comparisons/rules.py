"""Who sees a programme's comparison before it is published, and who publishes it.

A published comparison needs no permission at all: its public pages read only the snapshot
(comparisons.models.PublishedComparison), which holds no personal data.
"""

import rules

from citypeer.people.rules import is_coordinator


@rules.predicate
def takes_part_in_programme(user, programme) -> bool:
    """In the programme's peer pool or a review team, or an officer of a reviewed city."""
    if programme is None or not user.is_authenticated:
        return False
    from citypeer.programmes.models import Review
    from citypeer.teams.models import TeamMember

    if programme.peer_pool.filter(pk=user.pk).exists():
        return True
    if user.is_host_officer and user.city_id is not None and Review.objects.filter(
            programme=programme, city_id=user.city_id).exists():
        return True
    return TeamMember.objects.filter(team__review__programme=programme, person=user).exists()


rules.add_perm("comparisons.view_comparison", is_coordinator | takes_part_in_programme)
rules.add_perm("comparisons.publish_comparison", is_coordinator)
