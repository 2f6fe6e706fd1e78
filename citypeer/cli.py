"""The `citypeer` command: Django's management commands with citypeer's settings.

`citypeer benchmark list`, `citypeer migrate`, `citypeer runserver` … all go through here,
so the CLI and the web pages share one configuration and one set of domain functions.
`citypeer assess` and `citypeer schedule` work on files alone: they need no server, no
settings and no database, so they run before Django is loaded.
"""

import os
import sys

OFFLINE_COMMANDS = {
    "assess": "citypeer.assessment.method.cli",
    "schedule": "citypeer.visits.method.cli",
}


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] and args[0] in OFFLINE_COMMANDS:
        from importlib import import_module

        sys.exit(import_module(OFFLINE_COMMANDS[args[0]]).main(args[1:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citypeer.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["citypeer", *args])


if __name__ == "__main__":
    main()
