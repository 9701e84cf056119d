# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import contextlib
import os

from odoo import models
from odoo.exceptions import UserError


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _file_write(self, bin_value, checksum):
        """Odoo logs a failed filestore write (disk full, no permission) at INFO
        level and goes on: the attachment row then points at a missing or truncated
        file, and a later upload of the same content reuses the truncated one. Here
        the write is checked: a partial file is removed and the upload refused with
        a readable error, so the transaction (and its attachment row) rolls back."""
        full_path = self._get_path(bin_value, checksum)[1]
        if os.path.exists(full_path):
            return super()._file_write(bin_value, checksum)
        fname = super()._file_write(bin_value, checksum)
        try:
            written = os.path.getsize(full_path)
        except OSError:
            written = None
        if written != len(bin_value):
            with contextlib.suppress(OSError):
                os.unlink(full_path)
            raise UserError(
                self.env._(
                    "The file could not be stored: the server's document storage "
                    "is full or not writable. Nothing was saved; try again later "
                    "and tell the administrator if it happens again."
                )
            )
        return fname
