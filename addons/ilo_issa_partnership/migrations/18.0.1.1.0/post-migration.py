# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.1.0: deliverables get a publication date (results indicators count
publications by date). Deliverables published before it existed take the date the
chatter recorded their move to Published, else the date of their last change."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE ilo_deliverable d
           SET date_published = COALESCE(
                (SELECT max(m.date)::date
                   FROM mail_message m
                   JOIN mail_tracking_value v ON v.mail_message_id = m.id
                   JOIN ir_model_fields f ON f.id = v.field_id
                  WHERE m.model = 'ilo.deliverable'
                    AND m.res_id = d.id
                    AND f.name = 'state'
                    AND v.new_value_char IN ('Published', 'Publié')),
                d.write_date::date)
         WHERE d.state = 'published' AND d.date_published IS NULL
        """
    )
