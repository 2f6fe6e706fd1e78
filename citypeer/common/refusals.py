"""Refusals: a rule of the method says no. The message names the rule and the people,
cities and numbers it applies to, in the reader's language; pages, the API and the CLI show
it as it is. Each app subclasses `Refused` for its own rules."""

from __future__ import annotations


class Refused(Exception):
    """A rule of the method does not allow this now; nothing was written.

    `status_code` is what the API answers (409: the request is understood but the state of
    the review does not allow it; a subclass may say 400 or 403)."""

    status_code = 409

    def __init__(self, message: str = "", *, problems: list[str] | None = None):
        self.problems = list(problems or [])
        self.message = str(message) or "\n".join(self.problems)
        super().__init__(self.message)
