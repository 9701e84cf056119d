"""The command line: options, one sub-command per module, readable errors."""

import argparse
import sys

from . import (
    CliError,
    activities,
    budget,
    coverage,
    expenditure,
    export,
    iati,
    outlook,
    ratifications,
    reports,
)
from . import __doc__ as usage
from .connection import DEFAULT_CONFIG, connect

COMMANDS = (
    ratifications,
    export,
    reports,
    activities,
    budget,
    expenditure,
    iati,
    outlook,
    coverage,
)


def parser():
    p = argparse.ArgumentParser(prog="ilo", description=usage.split("\n\n")[0])
    p.add_argument("--url", help="e.g. http://localhost:8069 (or ILO_URL)")
    p.add_argument("--db", help="database name (or ILO_DB)")
    p.add_argument("--login", help="user login (or ILO_LOGIN)")
    p.add_argument("--password", help="password (or ILO_PASSWORD; never printed)")
    p.add_argument("--config", help=f"config file (default {DEFAULT_CONFIG})")
    sub = p.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.arguments(sub.add_parser(command.NAME, help=command.HELP))
    return p


def main(argv=None):
    args = parser().parse_args(argv)
    run = {command.NAME: command.run for command in COMMANDS}[args.command]
    try:
        return run(connect(args), args)
    except CliError as exc:
        print(f"ilo: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
