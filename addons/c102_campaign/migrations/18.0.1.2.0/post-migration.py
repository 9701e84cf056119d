# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.2.0: every ratification, with how sure the sources are.

- Parts no longer applicable get their reason per Part: the former list of Parts and
  its single "superseded by" become one line per Part (the old table is dropped).
- The 63 ratifications of data/c102_ratifications.csv are loaded, as on a fresh
  install (c102.country._load_source_ratifications): the countries the product did not
  load (their Parts were not confirmed) are added; a country followed by the campaign
  without a ratification gets it; a recorded ratification keeps its own facts and gains
  its sources, their certainty and the notes to confirm.
- Ready countries say why (the readiness reason is computed again).
"""

from odoo import SUPERUSER_ID, api
from odoo.tools.sql import column_exists, table_exists


def _superseded_lines(env):
    cr = env.cr
    if not table_exists(cr, "c102_country_superseded_part_rel"):
        return
    if column_exists(cr, "c102_country", "superseded_by"):
        cr.execute(
            """
            SELECT rel.country_id, rel.part_id, NULLIF(trim(c.superseded_by), '')
              FROM c102_country_superseded_part_rel rel
              JOIN c102_country c ON c.id = rel.country_id
            """
        )
    else:
        cr.execute(
            "SELECT country_id, part_id, NULL FROM c102_country_superseded_part_rel"
        )
    rows = cr.fetchall()
    env["c102.superseded.part"].create(
        [
            {
                "c102_country_id": country_id,
                "part_id": part_id,
                "superseded_by": superseded_by or "?",
            }
            for country_id, part_id, superseded_by in rows
        ]
    )
    cr.execute("DROP TABLE c102_country_superseded_part_rel")
    cr.execute(
        "DELETE FROM ir_model_relation WHERE name = 'c102_country_superseded_part_rel'"
    )


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    _superseded_lines(env)
    Country = env["c102.country"].with_context(active_test=False)
    Country._load_source_ratifications()
    countries = Country.search([])
    # readiness is stored (the reason is computed when read, in the reader's
    # language, since 18.0.1.3.0)
    env.add_to_compute(Country._fields["ratification_ready"], countries)
    env.flush_all()
