"""citypeer benchmark list | show | export | import"""

import json
import sys
from pathlib import Path

import yaml
from django.core.management.base import BaseCommand, CommandError

from citypeer.benchmarks.domain.library import (
    BenchmarkExists,
    BenchmarkInUse,
    benchmark_document,
    import_benchmark,
)
from citypeer.benchmarks.domain.queries.benchmarks import benchmark_version, benchmarks_with_counts
from citypeer.core.benchmark import BenchmarkDocumentError, document_to_dict, load_document
from citypeer.core.benchmark.text import render_table


def dump(data, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


class Command(BaseCommand):
    help = "List, show, export and import benchmarks."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        lst = sub.add_parser("list", help="list every benchmark version")
        lst.add_argument("--format", choices=["table", "json"], default="table")

        show = sub.add_parser("show", help="show one benchmark")
        show.add_argument("slug")
        show.add_argument("--version", type=int, help="a version number (default: the newest)")
        show.add_argument("--format", choices=["table", "json", "yaml"], default="table")

        export = sub.add_parser("export", help="write a benchmark as a file that import reads")
        export.add_argument("slug")
        export.add_argument("--version", type=int)
        export.add_argument("--format", choices=["json", "yaml"], default="yaml")
        export.add_argument("-o", "--output", help="file to write (default: standard output)")

        imp = sub.add_parser("import", help="validate a YAML or JSON file and import it")
        imp.add_argument("file")
        imp.add_argument(
            "--replace", action="store_true",
            help="replace a version that exists (refused while a programme uses it)",
        )

    def handle(self, *args, action, **options):
        getattr(self, f"handle_{action}")(**options)

    def handle_list(self, *, format, **_):
        rows = list(benchmarks_with_counts())
        if format == "json":
            data = [
                {"slug": b.slug, "version": b.version, "title": b.title, "kind": b.kind,
                 "indicators": b.indicator_count, "key_factors": b.key_factor_count,
                 "context_factors": b.context_factor_count}
                for b in rows
            ]
            self.stdout.write(dump(data, "json"), ending="")
            return
        if not rows:
            self.stdout.write("No benchmarks yet. Import one with: citypeer benchmark import FILE")
            return
        self.stdout.write(f"{'SLUG':<40} {'VERSION':>7}  {'KIND':<8} {'CONTENT':<34} TITLE")
        for b in rows:
            content = (f"{b.indicator_count} indicators" if b.kind == "matrix" else
                       f"{b.key_factor_count} key factors, {b.context_factor_count} context")
            self.stdout.write(f"{b.slug:<40} {b.version:>7}  {b.kind:<8} {content:<34} {b.title}")

    def _document(self, slug, version):
        benchmark = benchmark_version(slug=slug, version=version)
        if benchmark is None:
            which = f"version {version} of " if version else ""
            raise CommandError(f"There is no {which}benchmark {slug!r}. "
                               "See `citypeer benchmark list`.")
        return benchmark_document(benchmark)

    def handle_show(self, *, slug, version, format, **_):
        doc = self._document(slug, version)
        if format == "table":
            self.stdout.write(render_table(doc), ending="")
        else:
            self.stdout.write(dump(document_to_dict(doc), format), ending="")

    def handle_export(self, *, slug, version, format, output, **_):
        text = dump(document_to_dict(self._document(slug, version)), format)
        if output:
            Path(output).write_text(text, encoding="utf-8")
            self.stderr.write(f"Wrote {output}")
        else:
            self.stdout.write(text, ending="")

    def handle_import(self, *, file, replace, **_):
        try:
            document = load_document(file)
            benchmark = import_benchmark(document=document, replace=replace)
        except BenchmarkDocumentError as exc:
            for problem in exc.problems:
                self.stderr.write(f"{exc.source_name}: {problem}")
            self.stderr.write(f"Nothing was imported: {len(exc.problems)} problem(s).")
            sys.exit(1)
        except (BenchmarkExists, BenchmarkInUse) as exc:
            self.stderr.write(f"{file}: {exc}. Nothing was imported.")
            sys.exit(1)
        count = benchmark.indicators.count() or benchmark.key_factors.count()
        unit = "indicators" if benchmark.kind == "matrix" else "key factors"
        self.stdout.write(
            f"Imported {benchmark.slug} version {benchmark.version}: {count} {unit}."
        )
