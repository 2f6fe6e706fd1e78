"""citypeer import initial-report FILE.xlsx --review REVIEW_ID"""

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from citypeer.common.uploads import XLSX, UploadRefused, check_upload
from citypeer.initialreports.domain.reports import ReportLocked
from citypeer.initialreports.domain.workbook import import_initial_report
from citypeer.initialreports.interfaces.workbook import read_workbook
from citypeer.initialreports.management.commands._common import acting_person, report_for
from citypeer.initialreports.method.workbook_problems import WorkbookProblems


class Command(BaseCommand):
    help = "Import a filled-in offline template: all of it, or nothing."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="kind", required=True, metavar="TEMPLATE")
        initial = sub.add_parser(
            "initial-report",
            help="a filled-in initial report template; every problem is listed with its sheet, "
                 "row and column, and nothing is imported until all are mended",
        )
        initial.add_argument("file", metavar="FILE.xlsx")
        initial.add_argument("--review", type=int, required=True, metavar="REVIEW_ID")
        initial.add_argument(
            "--user", metavar="USERNAME",
            help="import as this person (a host officer of the review's city)",
        )

    def handle(self, *args, kind, file, review, user=None, **options):
        person = acting_person(user)
        _review, report = report_for(review, person, "initialreports.change_report")
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file.")
        try:
            with path.open("rb") as stream:
                check_upload(name=path.name, size=path.stat().st_size, stream=stream,
                             max_bytes=settings.UPLOAD_MAX_BYTES, accepted=(XLSX,))
                sheets = read_workbook(stream, name=path.name)
            outcome = import_initial_report(report=report, sheets=sheets, by=person)
        except UploadRefused as refused:
            self.stderr.write(f"{file}: {refused}. Nothing was imported.")
            sys.exit(1)
        except WorkbookProblems as exc:
            for problem in exc.problems:
                self.stderr.write(f"{file}: {problem}")
            self.stderr.write(f"Nothing was imported: {len(exc.problems)} problem(s).")
            sys.exit(1)
        except ReportLocked as locked:
            self.stderr.write(f"{file}: {locked} Nothing was imported.")
            sys.exit(1)
        self.stdout.write(
            f"Imported {file} into the initial report of {_review}: "
            f"{outcome.sections} background section(s), {outcome.provenance} provenance "
            f"item(s) and {outcome.entries} self-assessment entr"
            f"{'y' if outcome.entries == 1 else 'ies'} changed."
        )
