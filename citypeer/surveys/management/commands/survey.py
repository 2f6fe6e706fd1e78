"""citypeer survey list | show | export-xlsform | import-xlsform | send | remind | results

The same domain functions and permissions as the pages and the API. With --user a command
runs as that person (their permission is checked); without, as the platform's operator.
`results --public` shows what anyone sees without an account. Problems go to standard
error with their location, and the exit code is 1; nothing is then written.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeer.common.editing import EditConflict
from citypeer.common.refusals import Refused
from citypeer.common.uploads import XLSX, UploadRefused, check_upload
from citypeer.surveys.domain.definitions import definition_of
from citypeer.surveys.domain.invitations import REMIND_WITHIN_DAYS, send_invitations, send_reminders
from citypeer.surveys.domain.lookup import get_survey
from citypeer.surveys.domain.queries import cities_by_slug, surveys_with_counts
from citypeer.surveys.domain.refusals import ProblemsRefused
from citypeer.surveys.domain.results import results_document, results_of
from citypeer.surveys.domain.xlsform import MAX_BYTES, export_xlsform, import_xlsform
from citypeer.surveys.interfaces.exports import results_file
from citypeer.surveys.method.numbers import plain_number

MANAGE = "surveys.manage_survey"


class Command(BaseCommand):
    help = "The annual Integrating Cities survey of the Charter's signatory cities."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

        def command(name, text, *, year=True):
            found = sub.add_parser(name, help=text)
            if year:
                found.add_argument("year", type=int, metavar="YEAR")
            found.add_argument("--user", metavar="USERNAME",
                               help="act as this person (their permissions are checked)")
            return found

        listed = command("list", "list the surveys", year=False)
        listed.add_argument("--format", choices=["table", "json"], default="table")
        show = command("show", "show a survey's questions")
        show.add_argument("--format", choices=["table", "json"], default="table")
        export = command("export-xlsform", "write a survey's questions as an XLSForm")
        export.add_argument("-o", "--output", required=True, help="the .xlsx file to write")
        imported = command("import-xlsform", "replace a draft survey's questions with an "
                                             "XLSForm's; all of it or nothing")
        imported.add_argument("file", metavar="FILE.xlsx")
        send = command("send", "e-mail each signatory's contact a personal link")
        send.add_argument("--city", action="append", metavar="SLUG",
                          help="only this city (again for several); sends a new link")
        send.add_argument("--again", action="store_true",
                          help="send a new link to cities already invited")
        remind = command("remind", "remind the cities that have not submitted, before the "
                                   "deadline (run it daily)", year=False)
        remind.add_argument("--today", type=dt.date.fromisoformat,
                            help="the date to count from, YYYY-MM-DD (default: today)")
        remind.add_argument("--within", type=int, default=REMIND_WITHIN_DAYS,
                            help=f"days before the deadline (default {REMIND_WITHIN_DAYS})")
        results = command("results", "a survey's results")
        results.add_argument("--format", choices=["table", "json", "csv"], default="table")
        results.add_argument("--public", action="store_true",
                             help="only what anyone sees without an account")

    def handle(self, *args, action, user=None, **options):
        person = _person(user)
        try:
            getattr(self, "handle_" + action.replace("-", "_"))(person, **options)
        except ProblemsRefused as refused:
            where = options.get("file") or f"survey {options.get('year')}"
            self.stderr.write(refused.message)
            for problem in refused.problems:
                self.stderr.write(f"{where}: {problem}")
            sys.exit(1)
        except (Refused, EditConflict) as refused:
            raise CommandError(str(refused)) from None
        except Http404 as missing:
            raise CommandError(str(missing)) from None
        except PermissionDenied as denied:
            raise CommandError(_("%(user)s may not do this: %(reason)s") % {
                "user": user, "reason": denied}) from None

    def _survey(self, person, year, permission=MANAGE):
        return get_survey(year, user=person, permission=permission if person else None)

    def handle_list(self, person, *, format, **_options):
        manages = person is None or person.has_perm(MANAGE)
        rows = list(surveys_with_counts(drafts=manages))
        if format == "json":
            self.stdout.write(json.dumps([{
                "year": s.year, "title": s.title, "state": s.state,
                "publication": s.publication, "deadline": s.deadline.isoformat(),
                "questions": s.question_count, "invited": s.invited_count,
                "submitted": s.submitted_count} for s in rows], ensure_ascii=False, indent=2))
            return
        if not rows:
            self.stdout.write(_("No survey yet."))
            return
        self.stdout.write(f"{'YEAR':<6} {'STATE':<7} {'DEADLINE':<11} {'QUESTIONS':>9} "
                          f"{'SUBMITTED':>9} {'PUBLICATION':<12} TITLE")
        for s in rows:
            self.stdout.write(f"{s.year:<6} {s.state:<7} {s.deadline.isoformat():<11} "
                              f"{s.question_count:>9} {s.submitted_count:>4}/{s.invited_count:<4} "
                              f"{s.publication:<12} {s.title}")

    def handle_show(self, person, *, year, format, **_options):
        survey = self._survey(person, year)
        definition = definition_of(survey)
        if format == "json":
            document = results_document(results_of(survey), with_cities=False)
            self.stdout.write(json.dumps({"survey": document["survey"],
                                          "questions": document["questions"]},
                                         ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{survey.title} ({survey.year}) · {survey.get_state_display()} · "
                          f"{_('deadline')} {survey.deadline.isoformat()}")
        for number, q in enumerate(definition.questions, start=1):
            bounds = ""
            if q.minimum is not None or q.maximum is not None:
                bounds = f" [{plain_number(q.minimum)}–{plain_number(q.maximum)}]"
            choices = f" ({', '.join(q.choice_values())})" if q.choices else ""
            required = " *" if q.required else ""
            condition = (f"  ⟵ {q.condition.question} {q.condition.operator} "
                         f"{q.condition.value}" if q.condition else "")
            self.stdout.write(f"{number:>3}. {q.code:<40} {q.kind}{bounds}{choices}{required}"
                              f"{condition}")
            self.stdout.write(f"     {' '.join(q.text.split())[:160]}")

    def handle_export_xlsform(self, person, *, year, output, **_options):
        survey = self._survey(person, year)
        Path(output).write_bytes(export_xlsform(survey))
        self.stderr.write(_("Wrote %(file)s.") % {"file": output})

    def handle_import_xlsform(self, person, *, year, file, **_options):
        survey = self._survey(person, year)
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("%(file)s: no such file.") % {"file": file})
        with path.open("rb") as stream:
            try:
                check_upload(name=path.name, size=path.stat().st_size, stream=stream,
                             max_bytes=MAX_BYTES, accepted=(XLSX,))
            except UploadRefused as refused:
                raise CommandError(f"{file}: {refused.render(_)}") from None
            survey = import_xlsform(survey=survey, stream=stream)
        self.stdout.write(_("Imported %(file)s: the survey of %(year)s has %(count)s "
                            "questions.") % {"file": file, "year": survey.year,
                                             "count": survey.questions.count()})

    def handle_send(self, person, *, year, city, again, **_options):
        survey = self._survey(person, year)
        cities = None
        if city:
            cities = list(cities_by_slug(city))
            missing = sorted(set(city) - {c.slug for c in cities})
            if missing:
                raise CommandError(_("No such city: %(cities)s.") % {
                    "cities": ", ".join(missing)})
        outcome = send_invitations(survey=survey, cities=cities, again=again or bool(city))
        for name in outcome.sent:
            self.stdout.write(_("sent: %(city)s") % {"city": name})
        for name, why in outcome.skipped:
            self.stdout.write(_("not sent: %(city)s (%(why)s)") % {"city": name, "why": why})
        self.stdout.write(_("%(count)s invitation(s) sent.") % {"count": len(outcome.sent)})

    def handle_remind(self, person, *, today, within, **_options):
        if person is not None and not person.has_perm(MANAGE):
            raise PermissionDenied(_("Only the network coordinator sends reminders."))
        sent = send_reminders(today=today or timezone.localdate(), within_days=within)
        self.stdout.write(_("%(count)s reminder(s) sent.") % {"count": sent})

    def handle_results(self, person, *, year, format, public, **_options):
        viewer = AnonymousUser() if public else person
        survey = get_survey(year)
        if viewer is not None and not viewer.has_perm("surveys.view_results", survey):
            raise PermissionDenied(_("The coordinator has not published these results."))
        with_cities = viewer is None or viewer.has_perm("surveys.view_city_answers", survey)
        document = results_document(results_of(survey), with_cities=with_cities)
        if format == "json":
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
        elif format == "csv":
            self.stdout.write(results_file(document, "csv").decode("utf-8").lstrip("\ufeff"),
                              ending="")
        else:
            self._results_table(document)

    def _results_table(self, document):
        info = document["survey"]
        self.stdout.write(f"{info['title']} ({info['year']}): {info['submitted']}/"
                          f"{info['invited']} {_('submitted')} · {info['publication']}")
        questions = {q["code"]: q for q in document["questions"]}
        for result in document["results"]:
            question = questions[result["code"]]
            self.stdout.write(f"{result['code']} ({question['kind']}): "
                              f"{result['answered']}/{result['shown']}")
            for count in result["counts"]:
                self.stdout.write(f"    {count['label'][:50]:<50} {count['count']:>4}")
            if result["mean"] is not None:
                self.stdout.write(f"    mean {result['mean']:g} · median {result['median']:g}"
                                  f" · {result['lowest']:g}–{result['highest']:g}")
        for city in document["cities"] or []:
            answers = "; ".join(f"{k}={v}" for k, v in city["answers"].items())
            self.stdout.write(f"{city['name']}: {answers}")


def _person(username):
    if not username:
        return None
    person = get_user_model().objects.filter(username=username).first()
    if person is None:
        raise CommandError(_("There is no person with the user name %(name)s.") % {
            "name": username})
    return person
