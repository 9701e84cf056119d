# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the finance trial asked of the budget screens: dates from the activity,
funding sources found by code, a donor created from the funding source, the form
reached from the lists, a readable pivot and a planned-against-actual graph."""

from datetime import date

from lxml import etree

from odoo.tests import Form, tagged

from .common import PartnershipCommon


@tagged("post_install", "-at_install")
class TestBudgetTrial(PartnershipCommon):
    def _arch(self, model, view_type, user=None):
        env = self.env(user=user) if user else self.env
        views = env[model].get_views([(False, view_type)])
        return etree.fromstring(views["views"][view_type]["arch"])

    def test_new_line_takes_dates_of_its_mission_or_training(self):
        finance = self.users["finance"]
        mission = self.env["ilo.advisory.mission"].create(self._mission_vals())
        form = Form(self.env["ilo.budget.line"].with_user(finance))
        form.project_id = self.project
        form.funding_source_id = self.funding_source
        form.mission_id = mission
        self.assertEqual(form.date_from, date(2030, 3, 2))
        self.assertEqual(form.date_to, date(2030, 3, 6))
        form.amount_planned = 1_000
        line = form.save()
        self.assertEqual(
            (line.date_from, line.date_to), (mission.date_start, mission.date_end)
        )
        training = self.env["ilo.training"].create(
            {
                "name": "Actuarial course",
                "project_id": self.project.id,
                "date_start": "2030-09-14",
                "date_end": "2030-09-18",
            }
        )
        line = self.env["ilo.budget.line"].create(
            {
                "project_id": self.project.id,
                "funding_source_id": self.funding_source.id,
                "training_id": training.id,
                "amount_planned": 500,
            }
        )
        self.assertEqual(
            (line.date_from, line.date_to), (date(2030, 9, 14), date(2030, 9, 18))
        )
        # a date the user gives wins; a later change of the training's dates does not
        # move the money's period
        line.date_to = "2030-09-30"
        training.date_end = "2030-09-19"
        self.assertEqual(line.date_to, date(2030, 9, 30))

    def test_funding_source_found_by_code(self):
        found = self.env["ilo.funding.source"].name_search("RB-TEST")
        self.assertEqual([i for i, _name in found], self.funding_source.ids)

    def test_finance_creates_a_donor_from_the_funding_source(self):
        finance = self.users["finance"]
        form = Form(self.funding_source.with_user(finance))
        donor_id, _name = (
            self.env["res.partner"]
            .with_user(finance)
            .with_context(default_is_company=True)
            .name_create("Agence de coopération (test)")
        )
        form.donor_id = self.env["res.partner"].browse(donor_id)
        source = form.save()
        self.assertEqual(source.donor_id.name, "Agence de coopération (test)")
        self.assertTrue(source.donor_id.is_company)
        field = self._arch("ilo.funding.source", "form", finance).xpath(
            "//field[@name='donor_id']"
        )[0]
        self.assertNotIn("no_create", field.get("options") or "")

    def test_budget_form_opens_from_the_lists(self):
        finance = self.users["finance"]
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ilo_issa_partnership.ilo_budget_line_action"
        )
        self.assertIn("form", action["view_mode"])
        self.assertIsNone(
            self._arch("ilo.budget.line", "list", finance).get("editable")
        )
        for model in ("project.project", "ilo.advisory.mission", "ilo.training"):
            embedded = self._arch(model, "form", finance).xpath(
                "//field[@name='budget_line_ids']/list"
            )[0]
            self.assertEqual(embedded.get("open_form_view"), "True", model)

    def test_pivot_and_graph_compare_planned_and_actual(self):
        pivot = self._arch("ilo.budget.line", "pivot")
        self.assertEqual(
            [(f.get("name"), f.get("type")) for f in pivot.iter("field")],
            [
                ("funding_source_id", "row"),
                ("reporting_currency_id", "col"),
                ("amount_planned_reporting", "measure"),
                ("amount_actual_reporting", "measure"),
            ],
        )
        graph = self._arch("ilo.budget.line", "graph")
        self.assertEqual(graph.get("stacked"), "0")
        self.assertEqual(
            [f.get("name") for f in graph.iter("field") if f.get("type") == "measure"],
            ["amount_planned_reporting", "amount_actual_reporting"],
        )
        self.env["ilo.budget.line"].create(
            {
                "project_id": self.project.id,
                "funding_source_id": self.funding_source.id,
                "date_from": "2030-01-01",
                "date_to": "2030-12-31",
                "amount_planned": 3_000,
            }
        )
        groups = self.env["ilo.budget.line"]._read_group(
            [("funding_source_id", "=", self.funding_source.id)],
            ["funding_source_id", "reporting_currency_id"],
            ["amount_planned_reporting:sum"],
        )
        self.assertEqual(
            groups, [(self.funding_source, self.env.ref("base.USD"), 3_000)]
        )
