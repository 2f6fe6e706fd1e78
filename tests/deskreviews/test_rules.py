"""Every desk review permission for every role, before and after submitting."""

from citypeer.common.lookup import get_review
from citypeer.deskreviews.domain.desk_reviews import start_desk_review
from citypeer.deskreviews.models import DeskReview
from tests.deskreviews.test_compiled import submit

ON_REVIEW = ("write_desk_review", "view_desk_reviews", "view_compiled_desk_review")


def permissions(world, person):
    """What `person` may do, read from fresh objects (as each request does)."""
    review = get_review(world.review.pk)
    out = {name: person.has_perm(f"deskreviews.{name}", review) for name in ON_REVIEW}
    for desk_review in DeskReview.objects.select_related("peer").filter(review=review):
        desk_review.review = review
        owner = desk_review.peer.username.split("_")[0]
        out[f"view {owner}"] = person.has_perm("deskreviews.view_desk_review", desk_review)
        out[f"change {owner}"] = person.has_perm("deskreviews.change_desk_review", desk_review)
    return out


def test_every_role_before_anyone_submits(world):
    p = world.people
    for person in (p.anna, p.bram):
        start_desk_review(review=world.review, peer=person)

    table = {who: permissions(world, getattr(p, who))
             for who in ("anna", "eva", "outsider", "host", "coordinator")}

    assert table == {
        "anna": {"write_desk_review": True, "view_desk_reviews": True,
                 "view_compiled_desk_review": False,
                 "view anna": True, "change anna": True, "view bram": False, "change bram": False},
        "eva": {"write_desk_review": True, "view_desk_reviews": True,
                "view_compiled_desk_review": False,
                "view anna": False, "change anna": False, "view bram": False, "change bram": False},
        "outsider": {"write_desk_review": False, "view_desk_reviews": False,
                     "view_compiled_desk_review": False, "view anna": False, "change anna": False,
                     "view bram": False, "change bram": False},
        "host": {"write_desk_review": False, "view_desk_reviews": False,
                 "view_compiled_desk_review": False, "view anna": False, "change anna": False,
                 "view bram": False, "change bram": False},
        "coordinator": {"write_desk_review": False, "view_desk_reviews": True,
                        "view_compiled_desk_review": True, "view anna": True,
                        "change anna": False, "view bram": True, "change bram": False},
    }


def test_after_both_peers_submit(world):
    p = world.people
    start_desk_review(review=world.review, peer=p.eva)
    for person in (p.anna, p.bram):
        submit(world.review, person)

    anna, eva, host = (permissions(world, who) for who in (p.anna, p.eva, p.host))

    assert anna == {"write_desk_review": True, "view_desk_reviews": True,
                    "view_compiled_desk_review": True,
                    "view anna": True, "change anna": False, "view bram": True,
                    "change bram": False, "view eva": False, "change eva": False}
    # Eva has not submitted: she sees her own draft only.
    assert (eva["view_compiled_desk_review"], eva["view anna"], eva["view eva"],
            eva["change eva"]) == (False, False, True, True)
    assert set(host.values()) == {False}


def test_host_officer_who_is_also_in_the_team_sees_nothing(world):
    from citypeer.teams.models import TeamMember

    host = world.people.host
    host.is_peer = True
    host.save()
    TeamMember.objects.create(team=world.team, person=host, role=TeamMember.Role.PEER)
    start_desk_review(review=world.review, peer=world.people.anna)

    assert set(permissions(world, host).values()) == {False}
