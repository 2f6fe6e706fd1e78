"""What can be wrong in a filled-in initial report workbook, and where: every problem
carries its sheet, row and column, so that a city can mend them all at once.

Plain Python, no Django. Messages are English templates marked with `gettext_noop`; their
{name} fields are filled in after translation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from citypeer.core.messages import gettext_noop

# Where a problem is.
PLACE_ROW = gettext_noop("{sheet}, row {row}")
PLACE_CELL = gettext_noop("{sheet}, row {row}, column {column}")
PLACE_CELL_FIELD = gettext_noop("{sheet}, row {row}, column {column} ({field})")

MISSING_SHEET = gettext_noop("the sheet is missing; start again from a downloaded template")
WRONG_REVIEW = gettext_noop(
    "this workbook is for review {found}, not review {expected}: download the template of "
    "this review"
)
NO_REVIEW = gettext_noop("the review number is missing; start again from a downloaded template")
MISSING_COLUMNS = gettext_noop(
    "the hidden row of column names is changed (missing: {missing}); start again from a "
    "downloaded template"
)
MISSING_ROWS = gettext_noop("no row for {keys}; start again from a downloaded template")
UNKNOWN_KEY = gettext_noop("{value} is not an item of the template")
DUPLICATE_KEY = gettext_noop("{value} is also in row {row}")
NO_CODE = gettext_noop("this row has no indicator code")
UNKNOWN_CODE = gettext_noop("{value} is not an indicator of this review's benchmark")
MISSING_INDICATORS = gettext_noop("no row for the indicators {codes}")
NOT_ONE_OF = gettext_noop("{value} is not one of {choices}")
NOT_AN_AMOUNT = gettext_noop(
    "{value} is not an amount in euros: write a number such as 1250000.50"
)
NEGATIVE_AMOUNT = gettext_noop("{value} is negative")
TOO_MANY_DECIMALS = gettext_noop("{value} has more than two decimals")
TOO_LARGE_AMOUNT = gettext_noop("{value} is too large")
NOT_AN_EDIT_COUNT = gettext_noop("{value} is not an edit count; do not change this column")
TOO_LONG = gettext_noop("the text has {length} characters; at most {limit} fit")
ROLE_WITHOUT_NAME = gettext_noop("a {what} is given but no name")
OTHER_ROLE = gettext_noop(
    "{name} has the role {role} here but {other_role} in row {row}: a person has one role in "
    "the report"
)
CHANGED_SINCE = gettext_noop(
    "{what} was changed on the platform (edit {current}) after this workbook was made "
    "(edit {exported}); download a new template and copy your changes into it"
)
LOCKED = gettext_noop("the report is {state}: the host city cannot change it now")
NOT_A_WORKBOOK = gettext_noop("the file is not an Excel workbook (.xlsx) that can be read")

# Params that are themselves English words to translate (a column title, a state).
_TRANSLATED_PARAMS = frozenset({"what", "state"})


@dataclass(frozen=True)
class WorkbookProblem:
    """Something wrong in the workbook, where it is, and what. `row` and `column` (a letter)
    are None for a problem of a whole sheet or row; `field` is the column's English title."""

    sheet: str
    message: str
    params: Mapping[str, object] = field(default_factory=dict)
    row: int | None = None
    column: str | None = None
    field: str | None = None

    def text(self, translate: Callable[[str], str] = lambda s: s) -> str:
        return translate(self.message).format(
            **{k: translate(v) if k in _TRANSLATED_PARAMS else v for k, v in self.params.items()}
        )

    def where(self, translate: Callable[[str], str] = lambda s: s) -> str:
        sheet = self.sheet
        if self.row is None:
            return sheet
        if self.column is None:
            return translate(PLACE_ROW).format(sheet=sheet, row=self.row)
        if self.field:
            return translate(PLACE_CELL_FIELD).format(
                sheet=sheet, row=self.row, column=self.column, field=translate(self.field)
            )
        return translate(PLACE_CELL).format(
            sheet=sheet, row=self.row, column=self.column
        )

    def render(self, translate: Callable[[str], str] = lambda s: s) -> str:
        return f"{self.where(translate)}: {self.text(translate)}"

    def __str__(self) -> str:
        return self.render()


class WorkbookProblems(ValueError):
    def __init__(self, problems: Sequence[WorkbookProblem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
