# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class IloBulkImport(models.AbstractModel):
    """Odoo's import (``load``) of rows of several models in one transaction, for the
    command-line tool (``scripts/ilo_cli``).

    Rows of a later batch may refer by external id to rows of an earlier one
    (participants to a training of the same file): separate ``load`` calls over RPC
    cannot check those together without writing them. The server stays the only judge
    of a row: every message is ``load``'s own."""

    _name = "ilo.bulk.import"
    _description = "Import of related rows"

    @api.model
    def load_batches(self, batches, dryrun=False):
        """Load ``batches`` (``[[model, fields, rows], ...]``) in this order and return
        ``load``'s messages per batch, their ``rows`` counted within the batch.
        Nothing is kept on a dry run, nor when any row is refused."""
        savepoint = self.env.cr.savepoint(flush=False)
        messages = [self._load_rows(*batch) for batch in batches]
        refused = any(m["type"] == "error" for batch in messages for m in batch)
        self.env.flush_all()
        savepoint.close(rollback=dryrun or refused)
        if dryrun or refused:
            self.env.invalidate_all()
            # as base_import's dry run: nothing to tell the other workers
            self.pool.clear_all_caches()
            self.pool.reset_changes()
        return messages

    def _load_rows(self, model, fields, rows):
        result = self.env[model].load(fields, rows)
        if result["ids"] is not False or len(rows) < 2:
            return result["messages"]
        # A refused batch: load's report may repeat one row's error on the batch's
        # first row, and stops after ten errors. Row by row, every message is about
        # its own row.
        messages = []
        for index, row in enumerate(rows):
            for message in self.env[model].load(fields, [row])["messages"]:
                if message.get("rows"):
                    message["rows"] = {
                        "from": message["rows"]["from"] + index,
                        "to": message["rows"]["to"] + index,
                    }
                messages.append(message)
        return messages
