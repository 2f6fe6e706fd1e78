"""citypeer remind [--within DAYS]: e-mail reminders of steps due soon (run it daily)."""

import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from citypeer.programmes.domain.reminders import send_due_reminders


class Command(BaseCommand):
    help = "E-mail whoever is responsible for a review step that is due soon or overdue."

    def add_arguments(self, parser):
        parser.add_argument("--within", type=int, default=7, help="days ahead (default 7)")
        parser.add_argument("--today", type=dt.date.fromisoformat, help=argparse_help())

    def handle(self, *args, within, today, **options):
        sent = send_due_reminders(today=today or timezone.localdate(), within_days=within)
        self.stdout.write(f"{sent} reminder(s) sent.")


def argparse_help() -> str:
    return "the date to count from, YYYY-MM-DD (default: today)"
