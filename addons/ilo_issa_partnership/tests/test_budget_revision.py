# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Budget revisions: the original amount is kept, each revision records who, when,
why and the new amount; the IATI export gives original (type 1) and revised (type 2)
budgets."""

from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import PartnershipCommon


@tagged("post_install", "-at_install")
class TestBudgetRevision(PartnershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.line = cls.env["ilo.budget.line"].create(
            {
                "project_id": cls.project.id,
                "funding_source_id": cls.funding_source.id,
                "category": "meetings",
                "date_from": "2030-01-01",
                "date_to": "2030-12-31",
                "amount_planned": 10_000,
            }
        )

    def _revise(self, user, amount, reason):
        line = self.line.with_user(user)
        action = line.action_revise()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
        )
        self.assertEqual(wizard.amount_new, line.amount_planned)
        wizard.amount_new = amount
        wizard.reason = reason
        return wizard.save().action_revise()

    def test_revise_keeps_original_and_records_who_when_why(self):
        self.assertEqual(self.line.amount_original, 10_000)
        self.assertFalse(self.line.is_revised)
        finance = self.users["finance"]
        self._revise(finance, 14_000, "Donor amendment no. 2")
        self.assertEqual(self.line.amount_planned, 14_000)
        self.assertEqual(self.line.amount_original, 10_000)
        self.assertAlmostEqual(self.line.amount_original_company, 10_000)
        self.assertTrue(self.line.is_revised)
        revision = self.line.revision_ids
        self.assertEqual(len(revision), 1)
        self.assertEqual(revision.user_id, finance)
        self.assertEqual(revision.reason, "Donor amendment no. 2")
        self.assertEqual(
            (revision.amount_before, revision.amount_after, revision.amount_change),
            (10_000, 14_000, 4_000),
        )
        self.assertTrue(revision.date)
        self.assertIn("Donor amendment no. 2", self.line.message_ids[:1].body or "")
        # a second revision: the original stays the first amount
        self._revise(finance, 12_000, "Reallocated to travel")
        self.assertEqual(self.line.amount_original, 10_000)
        self.assertEqual(self.line.revision_count, 2)
        # a direct edit is a revision too, never silent
        self.line.amount_planned = 11_000
        self.assertEqual(self.line.revision_count, 3)
        self.assertEqual(
            self.line.revision_ids.sorted("id")[-1].reason,
            "Planned amount edited directly.",
        )

    def test_revision_refused_without_reason_or_change(self):
        finance = self.users["finance"]
        with self.assertRaisesMsg(UserError, "say why"):
            self._revise(finance, 9_000, "   ")
        with self.assertRaisesMsg(UserError, "current one"):
            self._revise(finance, 10_000, "No change")
        self.assertFalse(self.line.revision_ids)

    def test_readers_cannot_revise(self):
        with self.assertRaises(AccessError):
            self._revise(self.users["reader"], 9_000, "Not mine to do")
        self.assertEqual(self.line.with_user(self.users["reader"]).revision_ids.ids, [])

    def test_iati_gives_original_and_revised(self):
        currency = self.env.company.currency_id.name
        budgets = self.project._iati_budgets(currency)
        self.assertEqual([(b["type"], b["value"]) for b in budgets], [("1", 10_000)])
        self._revise(self.users["finance"], 15_000, "Donor amendment")
        budgets = self.project._iati_budgets(currency)
        self.assertEqual(
            [(b["type"], b["value"]) for b in budgets], [("1", 10_000), ("2", 15_000)]
        )
        self.project.write(
            {
                "date_start": "2030-01-01",
                "date": "2030-12-31",
                "country_ids": [(6, 0, self.env.ref("base.sn").ids)],
            }
        )
        result = self.project.iati_export_xml()
        self.assertEqual(result["errors"], [])
        activity = etree.fromstring(result["xml"].encode()).find("iati-activity")
        self.assertEqual(
            [(b.get("type"), b.findtext("value")) for b in activity.iter("budget")],
            [("1", "10000.00"), ("2", "15000.00")],
        )
