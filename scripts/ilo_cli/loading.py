"""What the bulk imports share: Odoo's own import (``load``, through the addon's
``ilo.bulk.import``) run twice, in chunks: a dry run that names every bad row (the
server's messages), then the real run."""

import itertools
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

import odoorpc

from . import CliError
from .connection import rpc_error_message
from .files import external_id

BATCH = 500


@dataclass
class Kind:
    """A kind of row: its model, its columns (column -> load field) and the columns
    that name other rows by key (column -> their kind)."""

    name: str
    model: str
    columns: dict
    refs: dict = field(default_factory=dict)
    upper: tuple = ()  # ISO codes, stored in capitals

    def prepare(self, odoo, header):
        """The load fields of this file, the server's defaults and field types; a
        CliError when a column is missing for a field that the server requires and
        has no default for."""
        self.present = [c for c in self.columns if c in header]
        self.fields = [self.columns[c] for c in self.present]
        model = odoo.env[self.model]
        names = {f.split("/")[0]: c for c, f in self.columns.items() if f != "id"}
        self.info = model.fields_get(list(names), ["type", "required", "selection"])
        self.defaults = model.default_get(list(self.info))
        missing = [
            column
            for name, column in names.items()
            if self.info[name]["required"]
            and name not in self.defaults
            and column not in header
        ]
        if missing:
            raise CliError(
                f"no column {', '.join(missing)} (needed by {self.name} rows)"
            )
        return self

    def row(self, line, values, order=0):
        out = []
        for column in self.present:
            value = values.get(column, "")
            target = self.columns[column]
            if target == "id":
                value = external_id(self.name, value)
            elif column in self.refs:
                value = value and external_id(self.refs[column], value)
            elif column in self.upper:
                value = value.upper()
            elif not value:
                value = self._default(target)
            out.append(value)
        return Row(line, self, values, out, order)

    def _default(self, name):
        """The server's default of a plain field as load's text ("" for none)."""
        value = self.defaults.get(name)
        if self.info[name]["type"] in ("many2one", "many2many", "one2many"):
            return ""
        if isinstance(value, bool):
            return "1" if value else ""
        return "" if value in (None, False) else str(value)

    def explain(self, message):
        """The server's message, with the accepted values of a selection field."""
        info = self.info.get(message.get("field"), {})
        text = message["message"]
        if info.get("type") == "selection" and message["type"] == "error":
            text += f" (expected one of: {', '.join(k for k, _l in info['selection'])})"
        return text


@dataclass
class Row:
    line: int
    kind: Kind
    source: dict  # the file's row
    values: list  # for load
    order: int = 0  # load order of the kinds (trainings before their participants)
    counted: bool = True  # False: loaded only so that other rows can refer to it


def load(odoo, rows, dryrun, needs=None, label="importing"):
    """Rows through ilo.bulk.import, BATCH at a time; {line: [(type, text)]}. A dry
    run's chunk also loads the rows ``needs(chunk)`` names (not reported)."""
    problems = {}
    for start in range(0, len(rows), BATCH):
        chunk = rows[start : start + BATCH]
        extra = [replace(r, counted=False) for r in needs(chunk)] if needs else []
        ordered = sorted(extra + chunk, key=lambda r: r.order)
        groups = [
            list(members)
            for _kind, members in itertools.groupby(ordered, key=lambda r: r.kind.name)
        ]
        batches = [
            [g[0].kind.model, g[0].kind.fields, [r.values for r in g]] for g in groups
        ]
        try:
            results = odoo.env["ilo.bulk.import"].load_batches(batches, dryrun=dryrun)
        except odoorpc.error.RPCError as exc:  # not a row's fault: access, server
            message = rpc_error_message(exc)
            raise CliError(f"the server refused the import: {message}") from exc
        for members, messages in zip(groups, results, strict=True):
            for message in messages:
                span = message.get("rows")
                row = members[span["from"]] if span else None
                if row is None or row.counted:
                    kind = row.kind if row else members[0].kind
                    line = row.line if row else 0
                    problems.setdefault(line, []).append(
                        (message["type"], kind.explain(message))
                    )
        progress(min(start + BATCH, len(rows)), len(rows), label)
    return problems


def progress(done, total, label):
    if total <= BATCH:
        return
    filled = int(30 * done / total)
    bar = f"[{'#' * filled}{'.' * (30 - filled)}]"
    end = "\n" if done >= total else ""
    print(f"\r{label} {bar} {done}/{total}", end=end, file=sys.stderr, flush=True)


def report(name, problems):
    """Print each problem as FILE:LINE: text; the number of rows with an error."""
    bad = 0
    for line in sorted(problems):
        where = f"{name}:{line}" if line else name
        errors = [t for kind, t in problems[line] if kind == "error"]
        bad += bool(errors and line)
        for kind, text in problems[line]:
            prefix = "" if kind == "error" else f"{kind}: "
            print(f"{where}: {prefix}{text}", file=sys.stderr)
    return bad


def run(odoo, path, rows, total, shape_problems, skip_invalid, needs=None):
    """Dry run, then (when every row passed, or with --skip-invalid) the real run of
    the rows the dry run did not name. Returns (written, skipped) or None."""
    problems = {
        line: [("error", t) for t in texts] for line, texts in shape_problems.items()
    }
    checked = sorted((r for r in rows if r.line not in problems), key=lambda r: r.order)
    for line, found in load(odoo, checked, True, needs, "checking").items():
        problems.setdefault(line, []).extend(found)
    bad_lines = {
        line for line, found in problems.items() if any(k == "error" for k, _t in found)
    }
    bad = report(Path(path).name, problems)
    if bad_lines and (not skip_invalid or 0 in bad_lines):
        print(
            f"{bad} bad row(s) of {total}: nothing written "
            "(use --skip-invalid to import the good rows).",
            file=sys.stderr,
        )
        return None
    good = [r for r in checked if r.line not in bad_lines]
    failed = load(odoo, good, False)
    if any(k == "error" for found in failed.values() for k, _t in found):
        report(Path(path).name, failed)
        return None
    return len(good), bad
