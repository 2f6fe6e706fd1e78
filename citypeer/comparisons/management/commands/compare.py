"""citypeer compare PROGRAMME --format csv|xlsx|json [-o FILE] [--published]"""

import sys

from django.core.management.base import BaseCommand, CommandError

from citypeer.comparisons.domain.comparisons import (
    NotComparable,
    comparison_data,
    published_data,
)
from citypeer.comparisons.domain.queries import programme_for_comparison
from citypeer.comparisons.interfaces.exports import FORMATS, export


class Command(BaseCommand):
    help = ("A programme's comparison across cities as open data (CSV, XLSX or JSON; see "
            "docs/open-data.md).")

    def add_arguments(self, parser):
        parser.add_argument("programme", help="the programme's short name")
        parser.add_argument("--format", choices=sorted(FORMATS), default="csv")
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")
        parser.add_argument("--published", action="store_true",
                            help="the published comparison instead of today's data")

    def handle(self, *args, programme, format, output, published, **options):
        if published:
            data = published_data(slug=programme)
            if data is None:
                raise CommandError(f"programme {programme!r}: no published comparison")
        else:
            found = programme_for_comparison(programme)
            if found is None:
                raise CommandError(f"programme {programme!r}: no such programme")
            try:
                data = comparison_data(programme=found)
            except NotComparable as exc:
                raise CommandError(str(exc)) from exc
        content = export(data, format)
        if output:
            with open(output, "wb") as fh:
                fh.write(content)
            self.stderr.write(f"{output}: {len(data['cities'])} cities, "
                              f"{len(data['indicators'])} indicators")
        elif format == "xlsx":
            raise CommandError("--format xlsx needs -o FILE: a workbook is not text")
        else:
            sys.stdout.buffer.write(content)
            sys.stdout.flush()
