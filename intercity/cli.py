"""The `intercity` command line: Django's management commands under one name."""

import os
import sys

ALIASES: dict[str, str] = {}


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intercity.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and not args[1].startswith("-"):
        # Operators type `intercity import-declaration`; Django modules use underscores.
        args[1] = ALIASES.get(args[1], args[1].replace("-", "_"))
    args[0] = "intercity"
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
