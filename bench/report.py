"""Rendering a demo-sized written report: a review on the 73 indicators of inti-cities-2009
with a visit of 28 interviews, 150 pieces of evidence, 20 findings, 12 recommendations and
the seven background sections. Prints a Markdown table (median and best of BENCH_REPEAT
runs, pages, size) of the report to HTML, PDF (WeasyPrint) and DOCX (python-docx) for
docs/performance.md.

Runs against a fresh SQLite file in a temporary folder, or against DATABASE_URL when it is
set (everything the benchmark writes is rolled back at the end).
"""

import datetime as dt
import io
import os
import platform
import random
import statistics
import sys
import tempfile
import time

REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))


def measure(fn, repeat=REPEAT):
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), result


def main():
    tmp = tempfile.mkdtemp(prefix="citypeer-bench-")
    os.environ.setdefault("CITYPEER_VAR", tmp)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citypeer.settings")
    import django

    django.setup()
    import pypdf
    import weasyprint
    from django.core.management import call_command
    from django.db import transaction

    from citypeer.assessment.models import Assessment, EvidenceItem, Finding
    from citypeer.benchmarks.domain.library import load_shipped_benchmarks
    from citypeer.benchmarks.models import Benchmark, Indicator
    from citypeer.feedback.domain.document import report_document
    from citypeer.feedback.domain.rendering import render_docx, render_html, render_pdf
    from citypeer.feedback.domain.reports import compose_report
    from citypeer.feedback.models import Recommendation
    from citypeer.initialreports.models import BackgroundSection, InitialReport
    from citypeer.network.models import City
    from citypeer.people.models import User
    from citypeer.programmes.models import Programme, Review
    from citypeer.teams.models import Team, TeamMember
    from citypeer.visits.models import Interview, Interviewee, Visit

    call_command("migrate", "--noinput", verbosity=0)
    rng = random.Random(7)
    rows = []
    with transaction.atomic():
        load_shipped_benchmarks()
        inti = Benchmark.objects.get(slug="inti-cities-2009", version=1)
        indicators = list(Indicator.objects.filter(benchmark=inti).order_by("position"))
        city = City.objects.create(slug="bench-rotterdam", name="Rotterdam", country="NL")
        programme = Programme.objects.create(slug="bench-report", name="Bench", benchmark=inti)
        review = Review.objects.create(programme=programme, city=city)
        peers = [User.objects.create_user(username=f"bench-peer-{n}", name=f"Peer {n}",
                                          initials=f"P{chr(65 + n)}", is_peer=True)
                 for n in range(4)]
        team = Team.objects.create(review=review, leader=peers[0])
        for peer in peers:
            TeamMember.objects.create(team=team, person=peer)
        initial = InitialReport.objects.create(review=review)
        for kind in range(1, 8):
            BackgroundSection.objects.create(report=initial, kind=kind,
                                             text="Background text. " * 60)
        visit = Visit.objects.create(review=review, starts_on=dt.date(2008, 3, 10))
        categories = [c for c, _label in Interviewee.Category.choices]
        people = [Interviewee.objects.create(visit=visit, name=f"Person {n}",
                                             category=categories[n % len(categories)])
                  for n in range(24)]
        interviews = [Interview.objects.create(
            visit=visit, number=n + 1, interviewee=people[n % 24], day=1 + n // 7,
            start=dt.time(9 + n % 7), peer_a=peers[n % 4], peer_b=peers[(n + 1) % 4])
            for n in range(28)]
        items = []
        for n in range(150):
            item = EvidenceItem.objects.create(
                review=review, source="interview", interview=interviews[n % 28], kind="fact",
                direction=rng.choice(["meets", "falls_short"]), text=f"Evidence {n}. " * 5)
            item.indicators.set([indicators[n % 40]])
            items.append(item)
        for ind in indicators:
            Assessment.objects.create(review=review, indicator=ind, edit_count=1,
                                      colour=rng.choice(["meets", "falls_short",
                                                         "inconclusive", "not_assessed"]))
        findings = []
        for n in range(20):
            finding = Finding.objects.create(review=review, kind=["strength", "weakness"][n % 2],
                                             text=f"Finding {n}. " * 8, barriers="Barrier. " * 4)
            finding.indicators.set([indicators[n]])
            finding.evidence.set(items[n::40])
            findings.append(finding)
        for n in range(12):
            rec = Recommendation.objects.create(review=review, text=f"Recommendation {n}. " * 6,
                                                position=n + 1, timescale="within a year")
            rec.indicators.set([indicators[n]])
            rec.findings.set([findings[n]])
        compose_report(review=review, by=peers[0])

        doc = report_document(review)
        weasyprint.HTML(string="<p>warm-up</p>").write_pdf()
        for label, fn in (("data (queries + proposals)", lambda: report_document(review)),
                          ("HTML", lambda: render_html(doc).encode()),
                          ("PDF (WeasyPrint)", lambda: render_pdf(doc)),
                          ("DOCX (python-docx)", lambda: render_docx(doc))):
            median, best, out = measure(fn)
            pages = ""
            if label.startswith("PDF"):
                pages = str(len(pypdf.PdfReader(io.BytesIO(out)).pages))
            size = f"{len(out) // 1024} KiB" if isinstance(out, bytes) else ""
            rows.append((label, median, best, pages, size))
        transaction.set_rollback(True)

    print(f"Report of a demo-sized review (73 indicators, 28 interviews, 150 pieces of "
          f"evidence, 20 findings, 12 recommendations); {platform.python_implementation()} "
          f"{sys.version.split()[0]}, WeasyPrint {weasyprint.__version__}, "
          f"{os.cpu_count()} CPUs, median and best of {REPEAT}:\n")
    print("| step | median | best | pages | size |")
    print("|---|---:|---:|---:|---:|")
    for label, median, best, pages, size in rows:
        print(f"| {label} | {median * 1000:.0f} ms | {best * 1000:.0f} ms | {pages} | {size} |")


if __name__ == "__main__":
    main()
