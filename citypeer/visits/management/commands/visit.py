"""citypeer visit create|draw|plan|show|instance|calendar REVIEW_ID …

The same domain functions as the pages and the API. `plan` may take longer than a page
allows (--time-limit); `instance` writes the visit in the instance format for the offline
`citypeer schedule`.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from citypeer.common.editing import EditConflict
from citypeer.common.lookup import get_review
from citypeer.visits.domain.exports import visit_calendar, visit_json, visit_result
from citypeer.visits.domain.instance import visit_data
from citypeer.visits.domain.interviewees import draw_interviewees
from citypeer.visits.domain.plan import MAX_TIME_LIMIT, solve_visit
from citypeer.visits.domain.queries import visit_of
from citypeer.visits.domain.visits import VisitError, VisitProblems, create_visit
from citypeer.visits.method import instance_to_dict
from citypeer.visits.method.render import render_result


class Command(BaseCommand):
    help = "The peer review visit (step 5): create, draw people in, plan, show, export."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        for name, text in [
            ("create", "create the review's visit with the seed's template"),
            ("draw", "draw in the people of the initial report and the desk review"),
            ("plan", "plan (or re-plan) the visit and store the plan"),
            ("show", "print the stored plan, its warnings and coverage"),
            ("instance", "print the visit in the instance format (citypeer schedule)"),
            ("calendar", "print the team's calendar, or a peer's (iCalendar)"),
        ]:
            command = sub.add_parser(name, help=text)
            command.add_argument("review", type=int, metavar="REVIEW_ID")
            if name == "plan":
                command.add_argument("--time-limit", type=float, default=30.0,
                                     help=f"seconds, at most {MAX_TIME_LIMIT:g}")
            if name in ("plan", "show"):
                command.add_argument("--json", action="store_true",
                                     help="the method's result format")
            if name == "calendar":
                command.add_argument("--peer", help="initials of one peer")

    def handle(self, *args, action, review, **options):
        try:
            found = get_review(review)
        except Http404:
            raise CommandError(f"There is no review {review}.") from None
        try:
            getattr(self, f"handle_{action}")(found, **options)
        except (VisitError, EditConflict) as exc:
            raise CommandError(str(exc)) from exc
        except VisitProblems as exc:
            raise CommandError("; ".join(f"{f}: {m}" for f, m in exc.problems)) from exc

    def _visit(self, review):
        visit = visit_of(review)
        if visit is None:
            raise CommandError(f"Review {review.pk} has no visit: run `citypeer visit create "
                               f"{review.pk}` first.")
        visit.refresh_from_db()  # the review's cached copy predates a plan just stored
        return visit

    def handle_create(self, review, **_):
        visit = create_visit(review=review)
        self.stdout.write(f"Visit of review {review.pk} ({review.city}): {len(visit.days)} days.")

    def handle_draw(self, review, **_):
        drawn = draw_interviewees(visit=self._visit(review), review=review)
        self.stdout.write(f"{drawn.added} people added, {drawn.updated} given more "
                          "indicators.")

    def handle_plan(self, review, *, time_limit, json, **_):
        visit = self._visit(review)
        # The command line plans whatever the timetable is now.
        solve_visit(visit=visit, review=review, time_limit=time_limit,
                    edit_count=visit.edit_count)
        self.handle_show(review, json=json)

    def handle_show(self, review, *, json, **_):
        data = visit_data(visit=self._visit(review), review=review)
        if json:
            self.stdout.write(_dumps(visit_json(data, identities=True)))
        else:
            self.stdout.write(render_result(data.instance, visit_result(data)))
        if data.visit.status == "infeasible":
            sys.exit(1)

    def handle_instance(self, review, **_):
        data = visit_data(visit=self._visit(review), review=review)
        self.stdout.write(_dumps(instance_to_dict(data.instance)))

    def handle_calendar(self, review, *, peer=None, **_):
        data = visit_data(visit=self._visit(review), review=review)
        if peer is not None and peer not in data.peers:
            raise CommandError(f"{peer} is not an interviewer of the team "
                               f"({', '.join(data.peers)}).")
        self.stdout.write(visit_calendar(data, identities=True, peer=peer).decode())


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
