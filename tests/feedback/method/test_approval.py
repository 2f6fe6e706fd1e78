"""Approval and release, without a database."""

from citypeer.feedback.method.approval import (
    ALREADY_RELEASED,
    DRAFT,
    NO_PEERS,
    NOT_A_PEER,
    NOT_ALL_APPROVED,
    NOT_LEADER,
    RELEASED,
    approval,
    approve_refusal,
    release_refusal,
)


def test_release_needs_the_leader_and_every_peer():
    partial = approval(peers={1, 2}, approvals={1, 5})
    full = approval(peers={1, 2}, approvals={1, 2})

    assert (partial.approved, partial.missing, partial.complete) == ({1}, {2}, False)
    assert release_refusal(state=DRAFT, is_leader=True, approval_state=partial,
                           names={2: "Fay"}) == (NOT_ALL_APPROVED, {"n": 1, "names": "Fay"})
    assert release_refusal(state=DRAFT, is_leader=False, approval_state=full,
                           names={}) == (NOT_LEADER, {})
    assert release_refusal(state=DRAFT, is_leader=True, approval_state=full, names={}) is None
    assert release_refusal(state=RELEASED, is_leader=True, approval_state=full,
                           names={}) == (ALREADY_RELEASED, {})


def test_a_team_without_peers_cannot_release():
    nobody = approval(peers=set(), approvals=set())

    assert (nobody.complete, release_refusal(state=DRAFT, is_leader=True,
                                             approval_state=nobody, names={})) == (
        False, (NO_PEERS, {}))


def test_only_peers_approve_a_draft():
    assert [approve_refusal(state=DRAFT, is_peer=True),
            approve_refusal(state=DRAFT, is_peer=False),
            approve_refusal(state=RELEASED, is_peer=True)] == [None, NOT_A_PEER,
                                                                ALREADY_RELEASED]
