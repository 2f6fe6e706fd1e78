"""`citypeer report REVIEW --format html|pdf|docx -o FILE`: the written report as a file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404
from django.utils.translation import gettext as _

from citypeer.common.lookup import get_review
from citypeer.feedback.domain.queries import report_of
from citypeer.feedback.domain.rendering import FORMATS, render


class Command(BaseCommand):
    help = _("Write a review's report as HTML, PDF or DOCX.")

    def add_arguments(self, parser):
        parser.add_argument("review", type=int, help=_("the review's id"))
        parser.add_argument("--format", choices=FORMATS, default="pdf")
        parser.add_argument("-o", "--output", required=True, help=_("the file to write"))

    def handle(self, *args, review, format, output, **options):
        try:
            row = get_review(review)
        except Http404:
            raise CommandError(_("review: no review %(id)s") % {"id": review}) from None
        if report_of(row) is None:
            raise CommandError(_("review %(id)s: the report has not been composed yet")
                               % {"id": review})
        target = Path(output)
        if not target.parent.is_dir():
            raise CommandError(_("-o: no directory %(dir)s") % {"dir": target.parent})
        data = render(row, fmt=format)
        target.write_bytes(data)
        self.stdout.write(_("%(path)s: %(n)s bytes") % {"path": target, "n": len(data)})
