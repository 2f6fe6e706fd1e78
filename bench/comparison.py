"""Comparison across cities at scale: a generated programme of 130 cities reviewed on the 73
indicators of inti-cities-2009. Prints a Markdown table (median and best of BENCH_REPEAT runs,
SQL queries per page) for docs/performance.md.

Runs against a fresh SQLite file in a temporary folder, or against DATABASE_URL when it is set
(migrate creates the tables; everything the benchmark writes is rolled back at the end).
"""

import os
import platform
import random
import statistics
import sys
import tempfile
import time

REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))
CITIES = int(os.environ.get("BENCH_CITIES", "130"))


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

    from citypeer.assessment.models import Assessment
    from citypeer.benchmarks.domain.library import load_shipped_benchmarks
    from citypeer.benchmarks.models import Benchmark, Indicator
    from citypeer.comparisons.domain.comparisons import comparison_data, publish_comparison
    from citypeer.comparisons.interfaces import charts, exports
    from citypeer.network.models import City
    from citypeer.people.models import User
    from citypeer.programmes.models import Programme, Review

    call_command("migrate", "--noinput", verbosity=0)
    rows = []
    with transaction.atomic():
        load_shipped_benchmarks()
        inti = Benchmark.objects.get(slug="inti-cities-2009", version=1)
        rng = random.Random(7)
        programme = Programme.objects.create(slug="bench-round", name="Bench round",
                                             benchmark=inti)
        cities = City.objects.bulk_create(City(slug=f"bench-{n}", name=f"City {n:03d}",
                                               country="EU") for n in range(CITIES))
        reviews = Review.objects.bulk_create(Review(programme=programme, city=c)
                                             for c in cities)
        indicators = list(Indicator.objects.filter(benchmark=inti))
        Assessment.objects.bulk_create(
            Assessment(review=r, indicator=i, colour=rng.choice(
                ["meets", "inconclusive", "falls_short", "not_assessed"]))
            for r in reviews for i in indicators)
        coordinator = User.objects.create_user("bench-coordinator", password="x" * 20,
                                               is_coordinator=True)
        client = Client()
        client.force_login(coordinator)
        data = comparison_data(programme=programme)
        publish_comparison(programme=programme, user=coordinator)

        def page(path):
            def get():
                response = client.get(path)
                assert response.status_code == 200, (path, response.status_code)
            with CaptureQueriesContext(connection) as queries:
                get()
            count = len(queries)
            return measure(get), count

        rows.append((f"comparison document ({CITIES} cities × 73 indicators, 6 queries)",
                     *measure(lambda: comparison_data(programme=programme)), ""))
        rows.append(("heat map SVG (matplotlib)", *measure(lambda: charts.heat_map_svg(data)), ""))
        rows.append(("distributions SVG", *measure(lambda: charts.distributions_svg(data)), ""))
        rows.append(("one radar SVG", *measure(lambda: charts.radar_svg(data, data["cities"][0])),
                     ""))
        radar = charts.Radar(data)
        rows.append(("one more radar, axes reused (SVG)",
                     *measure(lambda: radar.svg(data["cities"][1])), ""))
        for fmt in ("csv", "xlsx", "json"):
            rows.append((f"open data {fmt}", *measure(lambda f=fmt: exports.export(data, f)), ""))
        for label, path in [
            ("page /comparisons/programmes/bench-round/", "/comparisons/programmes/bench-round/"),
            ("public page /comparisons/public/bench-round/", "/comparisons/public/bench-round/"),
            ("city page (radar)", "/comparisons/programmes/bench-round/cities/bench-0/"),
        ]:
            (median, best), queries = page(path)
            rows.append((label, median, best, queries))
        median, best = measure(
            lambda: client.get("/comparisons/programmes/bench-round/comparison.pdf"), repeat=1)
        rows.append((f"PDF with {CITIES} radar charts (WeasyPrint), one run", median, best, ""))
        transaction.set_rollback(True)

    print(f"Python {platform.python_version()}, {platform.machine()}, "
          f"{connection.vendor}, {REPEAT} runs", file=sys.stderr)
    print("| what | median ms | best ms | SQL queries |")
    print("|---|---:|---:|---:|")
    for what, median, best, queries in rows:
        print(f"| {what} | {median:.0f} | {best:.0f} | {queries} |")


if __name__ == "__main__":
    main()
