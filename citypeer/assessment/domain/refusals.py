"""What the rules of the evidence bank refuse: deleting evidence a finding rests on, and
restoring what is not deleted or cannot come back. Nothing is written; pages show the
message, the API answers 409 with it."""

from citypeer.common.refusals import Refused


class EvidenceInUse(Refused):
    """A finding rests on this piece of evidence: it stays until no finding cites it."""


class NotRestorable(Refused):
    """The row is not deleted, is not of this review, or what it came from is gone."""
