"""The peers' approval of the final draft and its release to the host city: every peer
of the team approves (seed 002: the report is "developed and agreed by all of the peers"),
then the team leader releases it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from citypeer.core.messages import gettext_noop

DRAFT = "draft"
RELEASED = "released"

NOT_LEADER = gettext_noop("only the team leader releases the report")
NOT_ALL_APPROVED = gettext_noop("%(n)s peer(s) have not approved the final draft yet: "
                                "%(names)s")
NO_PEERS = gettext_noop("the team has no peers to approve the report")
ALREADY_RELEASED = gettext_noop("the report has been released already")
NOT_A_PEER = gettext_noop("only the team's peers approve the report")


@dataclass(frozen=True)
class Approval:
    required: frozenset[int]
    approved: frozenset[int]

    @property
    def missing(self) -> frozenset[int]:
        return self.required - self.approved

    @property
    def complete(self) -> bool:
        return bool(self.required) and not self.missing


def approval(*, peers: Iterable[int], approvals: Iterable[int]) -> Approval:
    """Approvals of people no longer peers of the team do not count. Any change to the
    report after an approval clears all approvals, so that each approval is of the text
    released."""
    peers = frozenset(peers)
    return Approval(peers, frozenset(approvals) & peers)


def approve_refusal(*, state: str, is_peer: bool) -> str | None:
    if state == RELEASED:
        return ALREADY_RELEASED
    if not is_peer:
        return NOT_A_PEER
    return None


def release_refusal(*, state: str, is_leader: bool, approval_state: Approval,
                    names: Mapping[int, str]) -> tuple[str, Mapping[str, object]] | None:
    """Why the report may not be released now, as a template and its arguments."""
    if state == RELEASED:
        return ALREADY_RELEASED, {}
    if not is_leader:
        return NOT_LEADER, {}
    if not approval_state.required:
        return NO_PEERS, {}
    if approval_state.missing:
        missing = sorted(names.get(p, str(p)) for p in approval_state.missing)
        return NOT_ALL_APPROVED, {"n": len(missing), "names": ", ".join(missing)}
    return None
