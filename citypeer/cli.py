"""The `citypeer` command: Django's management commands with citypeer's settings.

`citypeer benchmark list`, `citypeer migrate`, `citypeer runserver` … all go through here,
so the CLI and the web pages share one configuration and one set of domain functions.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citypeer.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["citypeer", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
