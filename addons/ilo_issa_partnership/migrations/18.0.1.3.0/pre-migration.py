# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.3.0, before the new code loads.

1. A deliverable's lateness is computed when it is read (in the user's day), no longer
   stored and refreshed by a daily cron: its column goes. The analysis view that read
   the column goes first (init() creates the new one).
2. Names that follow Odoo's and the ILO's terms. Each field is renamed in place, so
   that Odoo finds it and neither drops nor recreates it: the column (with its index
   and foreign key), the ir.model.fields row (its id stays: chatter tracking values,
   defaults, groups and translations of the label follow), the field's XML id, and
   the references by name that the database keeps (views, record rules, saved
   filters, window actions, export lists). The SQL-view model ilo.partnership.report
   becomes ilo.partnership.analysis the same way (ir.model row, its fields, the XML
   ids of its views, action, menu, access right and record rule).
"""

import json
import re

from odoo.tools import SQL, sql

FIELDS = [  # model, old name, new name
    ("ilo.deliverable", "responsible_id", "user_id"),
    ("ilo.advisory.mission", "objective", "terms_of_reference"),
    ("ilo.advisory.mission", "report", "back_to_office_report"),
    ("ilo.budget.line", "burn_rate", "delivery_rate"),
    ("ilo.budget.totals.mixin", "budget_burn_rate", "budget_delivery_rate"),
    ("project.project", "budget_burn_rate", "budget_delivery_rate"),
    ("ilo.advisory.mission", "budget_burn_rate", "budget_delivery_rate"),
    ("ilo.training", "budget_burn_rate", "budget_delivery_rate"),
]
OLD_MODEL, NEW_MODEL = "ilo.partnership.report", "ilo.partnership.analysis"
# columns naming a model, in the tables that exist when this runs (base and mail)
MODEL_COLUMNS = [
    ("ir_model_data", "model"),
    ("ir_ui_view", "model"),
    ("ir_act_window", "res_model"),
    ("ir_act_server", "model_name"),
    ("ir_act_report_xml", "model"),
    ("ir_filters", "model_id"),
    ("ir_exports", "resource"),
    ("ir_attachment", "res_model"),
    ("mail_message", "model"),
    ("mail_followers", "res_model"),
    ("mail_activity", "res_model"),
]
MODULE = "ilo_issa_partnership"
XMLIDS = [
    f"ilo_partnership_report_{suffix}"
    for suffix in (
        "view_pivot",
        "view_graph",
        "view_list",
        "view_search",
        "action",
        "menu",
        "rule_company",
    )
] + ["access_ilo_partnership_report_user"]


def migrate(cr, version):
    if not version:
        return
    sql.drop_view_if_exists(cr, "ilo_partnership_report")
    if sql.column_exists(cr, "ilo_deliverable", "is_late"):
        cr.execute("ALTER TABLE ilo_deliverable DROP COLUMN is_late")
    for model, old, new in FIELDS:
        rename_field(cr, model, old, new)
    rename_model(cr, OLD_MODEL, NEW_MODEL)
    for old in XMLIDS:
        new = old.replace("ilo_partnership_report", "ilo_partnership_analysis")
        cr.execute(
            "UPDATE ir_model_data SET name = %s WHERE module = %s AND name = %s",
            (new, MODULE, old),
        )


def rename_field(cr, model, old, new):
    table = model.replace(".", "_")
    cr.execute(
        "SELECT 1 FROM ir_model_fields WHERE model = %s AND name = %s", (model, new)
    )
    if cr.rowcount:  # already renamed
        return
    if sql.column_exists(cr, table, old):
        sql.rename_column(cr, table, old, new)
        old_index = sql.make_index_name(table, old)
        if sql.index_exists(cr, old_index):
            cr.execute(
                SQL(
                    "ALTER INDEX %s RENAME TO %s",
                    SQL.identifier(old_index),
                    SQL.identifier(sql.make_index_name(table, new)),
                )
            )
        old_fkey = sql.make_identifier(f"{table}_{old}_fkey")
        cr.execute("SELECT 1 FROM pg_constraint WHERE conname = %s", (old_fkey,))
        if cr.rowcount:
            new_fkey = sql.make_identifier(f"{table}_{new}_fkey")
            cr.execute(
                SQL(
                    "ALTER TABLE %s RENAME CONSTRAINT %s TO %s",
                    SQL.identifier(table),
                    SQL.identifier(old_fkey),
                    SQL.identifier(new_fkey),
                )
            )
    cr.execute(
        "UPDATE ir_model_fields SET name = %s WHERE model = %s AND name = %s",
        (new, model, old),
    )
    cr.execute(
        """UPDATE ir_model_data SET name = %s
            WHERE model = 'ir.model.fields' AND name = %s""",
        (f"field_{table}__{new}", f"field_{table}__{old}"),
    )
    _rename_in_views(cr, model, old, new)
    _rename_in_expressions(cr, model, old, new)


# A field name where a domain, a context or an order names it: ('old', ...),
# ('old.partner_id', ...), 'group_by': 'old' or 'old:month', 'old desc'.
def _leaf(old):
    return re.compile(rf"(\(\s*)(['\"]){re.escape(old)}((?:\.\w+)?)\2")


def _quoted(old):
    return re.compile(
        rf"(['\"]){re.escape(old)}((?::\w+|\s+(?:asc|desc))?)\1", re.IGNORECASE
    )


def _rename_expr(text, old, new, leaves_only=False):
    if not text:
        return text
    text = _leaf(old).sub(lambda m: f"{m[1]}{m[2]}{new}{m[3]}{m[2]}", text)
    if not leaves_only:
        text = _quoted(old).sub(lambda m: f"{m[1]}{new}{m[2]}{m[1]}", text)
    return text


def _rename_in_views(cr, model, old, new):
    """Views on the model, in every language: <field name="old">, xpath
    @name='old' and domains. The addons' own views are reloaded from their files
    anyway; this is for views made in the database that extend them."""
    field = re.compile(rf"(<field\b[^>]*?\bname=)(['\"]){re.escape(old)}\2")
    xpath = re.compile(rf"(@name\s*=\s*)(['\"]){re.escape(old)}\2")
    cr.execute("SELECT id, arch_db FROM ir_ui_view WHERE model = %s", (model,))
    for view_id, arch in cr.fetchall():
        if not arch:
            continue
        renamed = {}
        for lang, text in arch.items():
            text = field.sub(lambda m: f"{m[1]}{m[2]}{new}{m[2]}", text)
            text = xpath.sub(lambda m: f"{m[1]}{m[2]}{new}{m[2]}", text)
            renamed[lang] = _rename_expr(text, old, new, leaves_only=True)
        if renamed != arch:
            cr.execute(
                "UPDATE ir_ui_view SET arch_db = %s::jsonb WHERE id = %s",
                (json.dumps(renamed), view_id),
            )


def _rename_in_expressions(cr, model, old, new):
    """Record rules, saved filters, window actions and export lists naming the
    field."""
    for select, table, columns in (
        (
            """SELECT r.id, r.domain_force FROM ir_rule r
                 JOIN ir_model m ON m.id = r.model_id WHERE m.model = %s""",
            "ir_rule",
            ("domain_force",),
        ),
        (
            "SELECT id, domain, context, sort FROM ir_filters WHERE model_id = %s",
            "ir_filters",
            ("domain", "context", "sort"),
        ),
        (
            "SELECT id, domain, context FROM ir_act_window WHERE res_model = %s",
            "ir_act_window",
            ("domain", "context"),
        ),
    ):
        cr.execute(select, (model,))
        for rid, *values in cr.fetchall():
            renamed = [
                # domains: only where a leaf names the field
                _rename_expr(value, old, new, leaves_only=column.startswith("domain"))
                for column, value in zip(columns, values, strict=False)
            ]
            if renamed != values:
                assignments = SQL(", ").join(
                    SQL("%s = %s", SQL.identifier(column), value)
                    for column, value in zip(columns, renamed, strict=False)
                )
                cr.execute(
                    SQL(
                        "UPDATE %s SET %s WHERE id = %s",
                        SQL.identifier(table),
                        assignments,
                        rid,
                    )
                )
    cr.execute(
        """UPDATE ir_exports_line l
              SET name = %s || substr(l.name, length(%s) + 1)
             FROM ir_exports e
            WHERE e.id = l.export_id AND e.resource = %s
              AND (l.name = %s OR l.name LIKE %s)""",
        (new, old, model, old, f"{old}/%"),
    )


def rename_model(cr, old, new):
    cr.execute("SELECT 1 FROM ir_model WHERE model = %s", (new,))
    if cr.rowcount:  # already renamed
        return
    cr.execute("UPDATE ir_model SET model = %s WHERE model = %s", (new, old))
    cr.execute("UPDATE ir_model_fields SET model = %s WHERE model = %s", (new, old))
    cr.execute(
        "UPDATE ir_model_fields SET relation = %s WHERE relation = %s", (new, old)
    )
    for table, column in MODEL_COLUMNS:
        if sql.column_exists(cr, table, column):
            cr.execute(
                SQL(
                    "UPDATE %s SET %s = %s WHERE %s = %s",
                    SQL.identifier(table),
                    SQL.identifier(column),
                    new,
                    SQL.identifier(column),
                    old,
                )
            )
    old_, new_ = old.replace(".", "_"), new.replace(".", "_")
    cr.execute(
        "UPDATE ir_model_data SET name = %s WHERE model = 'ir.model' AND name = %s",
        (f"model_{new_}", f"model_{old_}"),
    )
    # field_<model>__<name>, selection__<model>__..., model_inherit__<model>__<parent>
    for prefix in ("field_", "selection__", "model_inherit__"):
        old_prefix = f"{prefix}{old_}__"
        cr.execute(
            """UPDATE ir_model_data
                  SET name = %s || substr(name, length(%s) + 1)
                WHERE name LIKE %s""",
            (f"{prefix}{new_}__", old_prefix, old_prefix.replace("_", "\\_") + "%"),
        )
