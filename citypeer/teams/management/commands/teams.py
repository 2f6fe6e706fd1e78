"""citypeer teams suggest | show | assign | remove | leader | conflicts …

The same domain functions as the pages and the API: a refusal is printed as it is and the
command exits with status 1.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from citypeer.common.lookup import get_review, get_row
from citypeer.common.refusals import Refused
from citypeer.network.models import City
from citypeer.people.models import User
from citypeer.programmes.models import Programme
from citypeer.teams.domain import conflicts as conflict_domain
from citypeer.teams.domain import membership
from citypeer.teams.domain.queries.teams import members_of, reviews_with_teams, team_or_none
from citypeer.teams.domain.refusals import SuggestionRefused
from citypeer.teams.domain.suggestions import (
    DEFAULT_TIME_LIMIT,
    accept_suggestion,
    suggest_teams,
)
from citypeer.teams.interfaces.serializers import TeamSuggestionSerializer
from citypeer.teams.models import Conflict, TeamMember, TrainingEvent


class Command(BaseCommand):
    help = "Suggest, show and change peer review teams; declare and pin conflicts of interest."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

        suggest = sub.add_parser(
            "suggest", help="propose teams for every host city of a programme",
            description="Propose a team for every host city of the programme (peers already "
            "on a team stay), or say which rule makes that impossible (exit status 1).",
        )
        suggest.add_argument("programme", metavar="PROGRAMME_SLUG")
        suggest.add_argument("--accept", action="store_true",
                             help="write the suggested teams (conflicts are checked again)")
        suggest.add_argument("--json", action="store_true", dest="as_json",
                             help="print the suggestion as JSON")
        suggest.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT,
                             metavar="SECONDS", help="time the solver may take")

        show = sub.add_parser("show", help="show the teams of a programme")
        show.add_argument("programme", metavar="PROGRAMME_SLUG")
        show.add_argument("--json", action="store_true", dest="as_json")

        for name, text in (("assign", "put a person on a review's team"),
                           ("remove", "take a person off a review's team"),
                           ("leader", "make a member the team leader")):
            p = sub.add_parser(name, help=text)
            p.add_argument("--review", type=int, required=True, metavar="REVIEW_ID")
            p.add_argument("--person", required=True, metavar="USERNAME")
            if name == "assign":
                p.add_argument("--role", choices=TeamMember.Role.values,
                               default=TeamMember.Role.PEER)
            if name == "leader":
                p.add_argument("--training", type=int, metavar="EVENT_ID",
                               help="the training session where the leader was appointed")

        conflicts = sub.add_parser("conflicts", help="list, declare, remove, pin and unpin "
                                   "conflicts of interest")
        csub = conflicts.add_subparsers(dest="conflict_action", required=True, metavar="ACTION")
        lst = csub.add_parser("list", help="list conflicts of interest")
        lst.add_argument("--person", metavar="USERNAME")
        lst.add_argument("--json", action="store_true", dest="as_json")
        declare = csub.add_parser("declare", help="declare a conflict of interest")
        declare.add_argument("--person", required=True, metavar="USERNAME")
        declare.add_argument("--city", required=True, metavar="CITY_SLUG")
        declare.add_argument("--kind", required=True,
                             choices=[k for k in Conflict.Kind.values
                                      if k != Conflict.Kind.OWN_CITY])
        declare.add_argument("--note", default="")
        declare.add_argument("--pin", action="store_true",
                             help="pin it: it cannot be removed until unpinned")
        for name in ("remove", "pin", "unpin"):
            p = csub.add_parser(name, help=f"{name} a conflict of interest")
            p.add_argument("id", type=int, metavar="CONFLICT_ID")

    def handle(self, *args, action, **options):
        try:
            getattr(self, f"handle_{action}")(**options)
        except SuggestionRefused as exc:
            for problem in exc.problems:
                self.stderr.write(problem)
            self.stderr.write("Nothing was written.")
            sys.exit(1)
        except Refused as exc:
            self.stderr.write(exc.message)
            sys.exit(1)
        except Http404 as exc:
            raise CommandError(str(exc)) from None

    # -- lookups: what the arguments name, or an error saying there is no such thing -------

    def _programme(self, slug):
        return _one(Programme.objects.filter(slug=slug), f"There is no programme {slug!r}.")

    def _person(self, username):
        return _one(User.objects.select_related("city").filter(username=username),
                    f"There is no person {username!r}.")

    def _conflict(self, conflict_id):
        return get_row(Conflict.objects.select_related("person", "city"), conflict_id,
                       message=f"There is no conflict {conflict_id}.")

    # -- teams -----------------------------------------------------------------------------

    def handle_suggest(self, *, programme, accept, as_json: bool, time_limit, **_):
        programme = self._programme(programme)
        suggestion = suggest_teams(programme=programme, time_limit=time_limit)
        if as_json:
            self.stdout.write(_dump(TeamSuggestionSerializer(suggestion).data))
        elif suggestion.found:
            for team in suggestion.teams:
                people = ", ".join(
                    f"{'+' if p in team.added else ''}{p} ({p.city})" for p in team.members
                )
                self.stdout.write(f"{team.review.city.name} [{team.language}]: {people}")
            self.stdout.write("(+ marks the peers the suggestion adds)")
            for person, why in suggestion.left_out:
                self.stdout.write(f"Left out: {person} ({why})")
        if not suggestion.found:
            if not as_json:
                self.stderr.write("No teams can be formed under the rules:")
                for obstacle in suggestion.explanation:
                    self.stderr.write(f"- {obstacle.message}")
            sys.exit(1)
        if accept:
            created = accept_suggestion(programme=programme,
                                        assignments=suggestion.assignments)
            (self.stderr if as_json else self.stdout).write(
                f"Accepted: {len(created)} peers added to the teams of {programme}."
            )

    def handle_show(self, *, programme, as_json: bool, **_):
        programme = self._programme(programme)
        reviews = reviews_with_teams(programme=programme)
        rows = []
        for review in reviews:
            team = team_or_none(review)
            rows.append({
                "review": review.pk,
                "city": review.city.name,
                "leader": team.leader.username if team and team.leader else None,
                "members": [{"person": m.person.username, "name": str(m.person),
                             "role": m.role} for m in members_of(review)],
            })
        if as_json:
            self.stdout.write(_dump(rows))
            return
        for row in rows:
            people = ", ".join(f"{m['name']} ({m['role']})" for m in row["members"]) or "-"
            leader = f"; leader {row['leader']}" if row["leader"] else ""
            self.stdout.write(f"{row['review']:>5}  {row['city']}: {people}{leader}")

    def handle_assign(self, *, review, person, role, **_):
        review, person = get_review(review), self._person(person)
        membership.assign_member(review=review, person=person, role=role)
        self.stdout.write(f"{person} joined the team for {review.city} as {role}.")

    def handle_remove(self, *, review, person, **_):
        review, person = get_review(review), self._person(person)
        membership.remove_member(review=review, person=person)
        self.stdout.write(f"{person} left the team for {review.city}.")

    def handle_leader(self, *, review, person, training, **_):
        review, person = get_review(review), self._person(person)
        event = None
        if training is not None:
            event = TrainingEvent.objects.filter(pk=training,
                                                 programme_id=review.programme_id).first()
            if event is None:
                raise CommandError(f"There is no training session {training} in "
                                   f"{review.programme}.")
        membership.set_leader(review=review, person=person, appointed_at=event)
        self.stdout.write(f"{person} leads the team for {review.city}.")

    # -- conflicts -------------------------------------------------------------------------

    def handle_conflicts(self, *, conflict_action, **options):
        getattr(self, f"conflicts_{conflict_action}")(**options)

    def conflicts_list(self, *, person, as_json: bool, **_):
        conflicts = Conflict.objects.select_related("person", "city").order_by(
            "person__name", "city__name", "kind")
        if person:
            conflicts = conflicts.filter(person=self._person(person))
        rows = [{"id": c.pk, "person": c.person.username, "name": str(c.person),
                 "city": c.city.slug, "kind": c.kind, "note": c.note, "pinned": c.pinned}
                for c in conflicts]
        if as_json:
            self.stdout.write(_dump(rows))
            return
        for c in conflicts:
            pinned = " [pinned]" if c.pinned else ""
            note = f" ({c.note})" if c.note else ""
            self.stdout.write(f"{c.pk:>5}  {c}{note}{pinned}")

    def conflicts_declare(self, *, person, city, kind, note, pin, **_):
        found = City.objects.filter(slug=city).first()
        if found is None:
            raise CommandError(f"There is no city {city!r}.")
        conflict = conflict_domain.declare_conflict(
            person=self._person(person), city=found, kind=kind, note=note, pinned=pin,
        )
        self.stdout.write(f"Conflict {conflict.pk} recorded: {conflict}"
                          f"{' [pinned]' if conflict.pinned else ''}.")

    def conflicts_remove(self, *, id, **_):
        conflict = self._conflict(id)
        conflict_domain.remove_conflict(conflict=conflict)
        self.stdout.write(f"Removed: {conflict}.")

    def conflicts_pin(self, *, id, **_):
        conflict = conflict_domain.pin_conflict(conflict=self._conflict(id))
        self.stdout.write(f"Pinned: {conflict}.")

    def conflicts_unpin(self, *, id, **_):
        conflict = conflict_domain.unpin_conflict(conflict=self._conflict(id))
        self.stdout.write(f"Unpinned: {conflict}.")


def _one(queryset, missing: str):
    found = queryset.first()
    if found is None:
        raise CommandError(missing)
    return found


def _dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
