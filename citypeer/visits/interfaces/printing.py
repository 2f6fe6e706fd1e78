"""The printable timetable (its page, and the PDF of the pages and the API)."""

from citypeer.visits.domain.grid import interview_lines, timetable_grid
from citypeer.visits.domain.instance import VisitData


def print_context(review, data: VisitData, *, identities: bool) -> dict:
    """What `visits/print.html` shows: the grid and the interviews, as the user may see them."""
    return {"review": review, "visit": data.visit, "identities": identities,
            "grid": timetable_grid(data, identities=identities),
            "interviews": interview_lines(data, identities=identities)}
