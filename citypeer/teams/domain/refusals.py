"""Refusals: a rule of the method says no. The message names the rule and the people, cities
and numbers it applies to, in the reader's language; interfaces show it as it is."""


class Refused(Exception):
    def __init__(self, message: str):
        self.message = str(message)
        super().__init__(self.message)


class AssignmentRefused(Refused):
    """A person cannot join, leave or lead a team."""


class AssignmentConflict(AssignmentRefused):
    """The person may not review the host city: own city or a stored conflict."""

    def __init__(self, message: str, *, reasons: list[str]):
        self.reasons = reasons
        super().__init__(message)


class ConflictRefused(Refused):
    """A conflict of interest cannot be declared, removed, pinned or unpinned."""


class SuggestionRefused(Refused):
    """Accepting suggested teams failed: every problem is listed, nothing was written."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class TrainingRefused(Refused):
    """A training session, its attendance or a leader appointment is refused."""


class UploadRefused(Refused):
    """An uploaded file is refused: its type (by content) or its size."""
