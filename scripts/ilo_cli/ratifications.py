"""ilo import-ratifications FILE: a NORMLEX-style CSV/XLSX of C102 ratifications,
through the campaign's own import wizard (its preview checks every row)."""

import base64
import sys
from pathlib import Path

from . import CliError
from .connection import rpc_error_message

NAME = "import-ratifications"
HELP = "import a NORMLEX-style file"


def arguments(parser):
    parser.add_argument("file")


def run(odoo, args):
    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"{path}: no such file")
    wizard_model = odoo.env["c102.ratification.import"]
    wizard_id = wizard_model.create(
        {"file": base64.b64encode(path.read_bytes()).decode(), "filename": path.name}
    )
    wizard = wizard_model.browse(wizard_id)
    try:
        wizard.action_preview()
    except Exception as exc:  # odoorpc.error.RPCError: the server's readable message
        raise CliError(f"{path.name}: {rpc_error_message(exc)}") from exc
    lines = odoo.env["c102.ratification.import.line"].search_read(
        [("wizard_id", "=", wizard_id)], ["row_number", "country_label", "error"]
    )
    bad = [line for line in lines if line["error"]]
    for line in bad:
        print(f"{path.name}:{line['row_number']}: {line['error']}", file=sys.stderr)
    if bad:
        print(
            f"{len(bad)} bad row(s) of {len(lines)}: nothing imported.", file=sys.stderr
        )
        return 1
    wizard.action_import()
    print(f"{len(lines)} ratification(s) imported or updated.")
    return 0
