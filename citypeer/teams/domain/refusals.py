"""Refusals of step 2: a rule of the method says no. The message names the rule and the
people, cities and numbers it applies to, in the reader's language; interfaces show it as it
is. The API has always answered these with a 400."""

from citypeer.common.refusals import Refused


class AssignmentRefused(Refused):
    """A person cannot join, leave or lead a team."""

    status_code = 400


class AssignmentConflict(AssignmentRefused):
    """The person may not review the host city: own city or a stored conflict of interest."""

    def __init__(self, message: str, *, reasons: list[str]):
        self.reasons = reasons
        super().__init__(message)


class ConflictRefused(Refused):
    """A conflict of interest cannot be declared, removed, pinned or unpinned."""

    status_code = 400


class SuggestionRefused(Refused):
    """Accepting suggested teams failed: every problem is listed, nothing was written."""

    status_code = 400

    def __init__(self, problems: list[str]):
        super().__init__(problems=problems)


class TrainingRefused(Refused):
    """A training session, its attendance or a leader appointment is refused."""

    status_code = 400


class MaterialRefused(TrainingRefused):
    """A training material is refused: its kind (judged by its content) or its size."""
