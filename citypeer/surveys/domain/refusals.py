"""The survey's refusals: a rule says no, nothing was written, and the message says why."""

from django.utils.translation import gettext as _

from citypeer.common.refusals import Refused


class SurveyRefused(Refused):
    """The survey's state does not allow this now (409)."""


class ProblemsRefused(Refused):
    """Input with problems, each rendered in the reader's language (400). `items` keeps the
    problems themselves, so that a page can show each beside its question or cell."""

    status_code = 400

    def __init__(self, message, items):
        self.items = list(items)
        super().__init__(message, problems=[p.render(_) for p in self.items])


class DefinitionRefused(ProblemsRefused):
    """The survey's definition would break a rule (a question without text, a condition on a
    later question …)."""


class AnswersRefused(ProblemsRefused):
    """Answers that are not accepted: out of range, not a choice, required and missing."""


class FormRefused(ProblemsRefused):
    """An XLSForm with problems, each with its sheet, row and column."""


class UploadNotAccepted(Refused):
    """The uploaded file is not what it must be (an .xlsx workbook, not too large)."""

    status_code = 400
