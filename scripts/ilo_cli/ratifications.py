"""ilo import-ratifications FILE: a NORMLEX-style CSV/XLSX of C102 ratifications,
through the campaign's own import wizard (its preview checks every row); prints each
change it makes (old -> new) and how many rows are new, updated, unchanged."""

import base64
import sys
from collections import Counter
from pathlib import Path

from . import CliError
from .connection import rpc_error_message

NAME = "import-ratifications"
HELP = "import a NORMLEX-style file (prints each change, old -> new)"


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
        [("wizard_id", "=", wizard_id)],
        ["row_number", "country_label", "error", "warning", "outcome"],
    )
    bad = [line for line in lines if line["error"]]
    for line in bad:
        print(f"{path.name}:{line['row_number']}: {line['error']}", file=sys.stderr)
    if bad:
        print(
            f"{len(bad)} bad row(s) of {len(lines)}: nothing imported.", file=sys.stderr
        )
        return 1
    for line in lines:
        if line["warning"]:
            print(
                f"{path.name}:{line['row_number']}: {line['warning']}", file=sys.stderr
            )
    changes = odoo.env["c102.ratification.import.change"].search_read(
        [("wizard_id", "=", wizard_id)],
        ["country_id", "field_label", "old_value", "new_value"],
    )
    for change in changes:
        print(
            f"{change['country_id'][1]}: {change['field_label']}: "
            f"{change['old_value']} -> {change['new_value']}"
        )
    wizard.action_import()
    outcomes = Counter(line["outcome"] for line in lines)
    print(
        f"{len(lines)} row(s): {outcomes['new']} new, {outcomes['update']} updated, "
        f"{outcomes['unchanged']} unchanged, {outcomes['skipped']} not imported."
    )
    return 0
