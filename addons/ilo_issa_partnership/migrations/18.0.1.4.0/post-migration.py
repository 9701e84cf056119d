# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The portal rules (noupdate) now keep counterparts to their own institution's
activities from approval on (issue 15): their domains are rewritten from the rules
file, the only place they are written."""

from pathlib import Path

from lxml import etree

from odoo import SUPERUSER_ID, api

PORTAL_RULES = (
    "ilo_advisory_mission_rule_portal",
    "ilo_training_rule_portal",
    "ilo_deliverable_rule_portal",
)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    path = Path(__file__).parents[2] / "security" / "ilo_issa_partnership_rules.xml"
    tree = etree.parse(str(path))
    for xmlid in PORTAL_RULES:
        domain = tree.xpath(f"//record[@id='{xmlid}']/field[@name='domain_force']")[0]
        rule = env.ref(f"ilo_issa_partnership.{xmlid}", raise_if_not_found=False)
        if rule:
            rule.domain_force = domain.text
