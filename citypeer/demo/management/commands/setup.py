"""citypeer setup [--demo]: what `make run` does after migrating."""

from django.core.management.base import BaseCommand

from citypeer.benchmarks.domain.library import load_shipped_benchmarks


class Command(BaseCommand):
    help = "Load the shipped benchmarks; with --demo, the demo programme and its people."

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="also load the demo data")

    def handle(self, *args, demo, **options):
        for outcome in load_shipped_benchmarks():
            note = {
                "imported": "imported",
                "unchanged": "already there",
                "differs": "DIFFERS from the stored version: ship it as a new version",
            }[outcome.status]
            self.stdout.write(f"benchmark {outcome.slug} v{outcome.version}: {note}")
        from citypeer.practices.domain.catalogue import load_shipped_practices

        practices = load_shipped_practices()
        self.stdout.write(
            f"good practices: {practices.created} added, {practices.unchanged} already there"
            + (f", {len(practices.skipped)} skipped" if practices.skipped else "")
        )
        if demo:
            from citypeer.demo.loading import load_demo

            login = load_demo()
            self.stdout.write("Demo data loaded.")
            self.stdout.write("")
            self.stdout.write("  Demo login (network coordinator):")
            self.stdout.write(f"    user name: {login.username}")
            suffix = "" if login.created else "   (unless you have changed it)"
            self.stdout.write(f"    password:  {login.password}{suffix}")
            self.stdout.write("  Every demo person has the same password; their user names are")
            self.stdout.write("  listed in the admin (/admin/people/user/).")
