"""citypeer template initial-report REVIEW_ID -o FILE.xlsx"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from citypeer.initialreports.interfaces.workbook import write_workbook
from citypeer.initialreports.management.commands._common import acting_person, report_for


class Command(BaseCommand):
    help = "Write an offline template to fill in."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="kind", required=True, metavar="TEMPLATE")
        initial = sub.add_parser(
            "initial-report",
            help="the host city's initial report of a review, pre-filled with what it holds",
        )
        initial.add_argument("review", type=int, metavar="REVIEW_ID")
        initial.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
        initial.add_argument(
            "--user", metavar="USERNAME",
            help="write it only if this person may read the report",
        )

    def handle(self, *args, kind, review, output, user=None, **options):
        person = acting_person(user)
        _review, report = report_for(review, person, "initialreports.view_report")
        if not output.lower().endswith(".xlsx"):
            raise CommandError(f"{output}: the template is an Excel workbook; name it .xlsx")
        Path(output).write_bytes(write_workbook(report))
        count = report.self_assessments.count()
        self.stdout.write(
            f"Wrote {output}: the initial report of {_review} with {count} indicators."
        )
