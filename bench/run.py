"""citypeer benchmarks: `make bench`. Prints a Markdown table for docs/performance.md.

Runs against a fresh SQLite file in a temporary folder, or against DATABASE_URL when it is set
(migrate creates the tables; everything the benchmark writes is rolled back at the end).
"""

import dataclasses
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPEAT = int(os.environ.get("BENCH_REPEAT", "20"))


def measure(fn, repeat=REPEAT):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, min(times) * 1000


def main():
    tmp = tempfile.mkdtemp(prefix="citypeer-bench-")
    os.environ.setdefault("CITYPEER_VAR", tmp)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citypeer.settings")
    os.environ["CITYPEER_ALLOWED_HOSTS"] = "testserver"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from citypeer.benchmarks.domain.library import (
        benchmark_document,
        import_benchmark,
        load_shipped_benchmarks,
    )
    from citypeer.benchmarks.models import Benchmark
    from citypeer.core.benchmark import load_document
    from citypeer.people.models import User

    call_command("migrate", "--noinput", verbosity=0)
    with transaction.atomic():
        shipped = Path(__file__).resolve().parent.parent / "citypeer/benchmarks/data/shipped"
        inti_file = shipped / "inti-cities-2009.yaml"
        rows = []

        rows.append(
            ("parse and validate inti-cities-2009.yaml", *measure(lambda: load_document(inti_file)))
        )
        document = load_document(inti_file)

        def import_and_roll_back():
            with transaction.atomic():
                import_benchmark(document=dataclasses.replace(document, version=999))
                transaction.set_rollback(True)

        load_shipped_benchmarks()
        rows.append(("import 73 indicators (one transaction)", *measure(import_and_roll_back)))
        inti = Benchmark.objects.get(slug="inti-cities-2009", version=1)
        rows.append(
            ("export inti-cities-2009 as a document", *measure(lambda: benchmark_document(inti)))
        )

        user, _ = User.objects.get_or_create(
            username="bench", defaults={"name": "Bench", "is_peer": True}
        )
        client = Client()
        client.force_login(user)
        pages = [
            ("page /benchmarks/", "/benchmarks/"),
            ("page /benchmarks/inti-cities-2009/", "/benchmarks/inti-cities-2009/"),
            ("page /benchmarks/integrating-cities-participation-2014/",
             "/benchmarks/integrating-cities-participation-2014/"),
            ("API /api/v1/benchmarks/inti-cities-2009/1/",
             "/api/v1/benchmarks/inti-cities-2009/1/"),
        ]
        query_counts = {}
        for label, url in pages:
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            query_counts[label] = len(ctx.captured_queries)
            rows.append((label, *measure(lambda url=url: client.get(url))))

        transaction.set_rollback(True)

    engine = connection.vendor
    print(f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, Django {django.get_version()}, "
          f"database {engine}; median and best of {REPEAT} runs.\n")
    print("| what | median ms | best ms | SQL queries |")
    print("|---|---:|---:|---:|")
    for label, median, best in rows:
        print(f"| {label} | {median:.1f} | {best:.1f} | {query_counts.get(label, '')} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
