"""Declaring, pinning, unpinning and removing conflicts of interest."""

import pytest

from citypeer.teams.domain.conflicts import (
    conflict_reasons,
    declare_conflict,
    pin_conflict,
    remove_conflict,
    unpin_conflict,
)
from citypeer.teams.domain.refusals import ConflictRefused
from citypeer.teams.models import Conflict


def test_own_city_is_a_conflict_without_a_row(world):
    assert conflict_reasons(person=world["jonas"], city=world.cities["dusseldorf"]) == [
        "own city"
    ]
    assert conflict_reasons(person=world["jonas"], city=world.cities["lyon"]) == []
    assert Conflict.objects.count() == 0


def test_own_city_needs_no_declaring(world):
    with pytest.raises(ConflictRefused) as refused:
        declare_conflict(person=world["jonas"], city=world.cities["dusseldorf"],
                         kind=Conflict.Kind.OWN_CITY)

    assert refused.value.message == (
        "Düsseldorf is Jonas Becker's own city: that conflict always applies and needs no "
        "declaring."
    )


def test_the_same_kind_is_declared_once(world):
    declare_conflict(person=world["marco"], city=world.cities["lyon"],
                     kind=Conflict.Kind.PARTNER_CITY)

    with pytest.raises(ConflictRefused) as refused:
        declare_conflict(person=world["marco"], city=world.cities["lyon"],
                         kind=Conflict.Kind.PARTNER_CITY)

    assert refused.value.message == (
        "Marco Brambilla has a conflict of this kind (twinned or partner city) with Lyon "
        "already."
    )
    assert Conflict.objects.count() == 1


def test_an_unknown_kind_is_refused(world):
    with pytest.raises(ConflictRefused, match="kind: friendship is not a kind of conflict"):
        declare_conflict(person=world["marco"], city=world.cities["lyon"], kind="friendship")


def test_a_pinned_conflict_cannot_be_removed_until_unpinned(world):
    conflict = declare_conflict(person=world["marco"], city=world.cities["lyon"],
                                kind=Conflict.Kind.OTHER)
    pin_conflict(conflict=conflict)

    with pytest.raises(ConflictRefused) as refused:
        remove_conflict(conflict=conflict)

    assert refused.value.message == (
        "The conflict Marco Brambilla – Lyon: other is pinned: the coordinator must unpin it "
        "before it can be removed."
    )
    assert Conflict.objects.filter(pk=conflict.pk).exists()

    unpin_conflict(conflict=conflict)
    remove_conflict(conflict=conflict)

    assert not Conflict.objects.filter(pk=conflict.pk).exists()
