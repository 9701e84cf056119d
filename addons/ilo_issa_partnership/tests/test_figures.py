# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Numbers people read right, and forms that show the partnership: checked on the
views as the server hands them to the browser (get_view), for every view of both
addons."""

import ast

from lxml import etree

from odoo.tests import BaseCase, new_test_user, tagged

from ..iati_export import ILO, country_shares
from ..rules import women_share
from .common import PartnershipCommon

MODULES = ("ilo_issa_partnership", "c102_campaign")
# a list opened from a menu shows at most this many columns by default (1440 px)
MAX_DEFAULT_COLUMNS = 9


@tagged("post_install", "-at_install")
class TestWomenShareRule(BaseCase):
    def test_share_of_people_of_known_gender(self):
        self.assertEqual(women_share({}), 0.0)
        self.assertEqual(women_share({"undisclosed": 4}), 0.0)
        self.assertEqual(women_share({"female": 1, "male": 1}), 50.0)
        # undisclosed and unset genders are left out of the share
        counts = {"female": 1, "male": 1, "other": 2, "undisclosed": 5, False: 3}
        self.assertEqual(women_share(counts), 25.0)
        self.assertEqual(women_share({"female": 3}), 100.0)


@tagged("post_install", "-at_install")
class TestIatiFigures(BaseCase):
    def test_equal_country_shares_add_up_to_100(self):
        self.assertEqual(country_shares([]), [])
        self.assertEqual(country_shares(["SN"]), [("SN", 100.0)])
        shares = country_shares(["SN", "CI", "TL"])
        self.assertEqual(shares, [("SN", 33.33), ("CI", 33.33), ("TL", 33.34)])
        self.assertEqual(round(sum(p for _c, p in shares), 2), 100)

    def test_the_ilo_is_named_once(self):
        self.assertEqual(ILO["ref"], "XM-DAC-41302")
        self.assertEqual(ILO["name"], "International Labour Organization")


@tagged("post_install", "-at_install")
class TestFiguresInViews(PartnershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a manager who is also an administrator sees every view (settings too)
        cls.manager = new_test_user(
            cls.env,
            login="figures_admin",
            groups="base.group_user,base.group_system,"
            "ilo_issa_partnership.group_partnership_manager",
        )

    def _views(self):
        """(model, view type, arch) of every view of the addons, combined with its
        extensions as the manager receives it."""
        data = self.env["ir.model.data"].search(
            [("module", "in", MODULES), ("model", "=", "ir.ui.view")]
        )
        roots = set()
        for view in self.env["ir.ui.view"].browse(data.mapped("res_id")):
            while view.mode == "extension" and view.inherit_id:
                view = view.inherit_id
            roots.add(view)
        for view in roots:
            if view.type == "qweb" or view.model not in self.env:
                continue
            model = self.env[view.model].with_user(self.manager)
            arch = model.get_view(view.id, view.type)["arch"]
            yield view, model, etree.fromstring(arch)

    def _field_nodes(self, model, arch):
        """(node, field) of the arch, sub-views resolved to their own model."""
        for node in arch.iter("field"):
            owner = model
            for parent in node.iterancestors("field"):
                comodel = owner._fields[parent.get("name")].comodel_name
                owner = self.env[comodel]
            field = owner._fields.get(node.get("name"))
            if field:
                yield node, field

    @staticmethod
    def _options(node):
        return ast.literal_eval(node.get("options") or "{}")

    def test_values_in_percent_are_not_shown_with_the_percentage_widget(self):
        """Odoo's percentage widget multiplies by 100: it is for fractions. Our
        rates are stored in percent (their label says "(%)")."""
        checked = 0
        for view, model, arch in self._views():
            for node, field in self._field_nodes(model, arch):
                label = field.string or ""
                if "%" in label:
                    checked += 1
                    self.assertNotEqual(
                        node.get("widget"),
                        "percentage",
                        f"{view.xml_id}: {field} is in percent ({label})",
                    )
        self.assertGreater(checked, 10)

    def test_budget_spent_button_shows_the_delivery_rate(self):
        line = self.env["ilo.budget.line"].create(
            {
                "project_id": self.project.id,
                "funding_source_id": self.funding_source.id,
                "category": "travel",
                "date_from": "2030-01-01",
                "date_to": "2030-12-31",
                "amount_planned": 10_000,
            }
        )
        analytic = self.env["account.analytic.account"].create(
            {
                "name": "Figures test account",
                "plan_id": self.env.ref("analytic.analytic_plan_projects").id,
            }
        )
        self.project.account_id = analytic
        self.env["account.analytic.line"].create(
            {
                "name": "Cost",
                "account_id": analytic.id,
                "ilo_budget_line_id": line.id,
                "date": "2030-07-15",
                "amount": -1_488,
            }
        )
        self.project.invalidate_recordset()
        self.assertAlmostEqual(self.project.budget_delivery_rate, 14.88, 2)
        form = self.env.ref(
            "ilo_issa_partnership.project_project_view_form_partnership"
        )
        arch = etree.fromstring(
            self.env["project.project"]
            .with_user(self.manager)
            .get_view(form.id, "form")["arch"]
        )
        (button,) = arch.xpath("//button[@name='action_view_budget_lines']")
        (rate,) = button.xpath(".//field[@name='budget_delivery_rate']")
        self.assertNotIn(rate.get("widget"), ("percentage", "progressbar"))
        self.assertEqual((rate.tail or "").strip(), "%")

    def test_years_are_shown_without_thousands_separators(self):
        checked = 0
        for view, model, arch in self._views():
            if view.type not in ("form", "list", "kanban"):
                continue
            for node, field in self._field_nodes(model, arch):
                if field.type == "integer" and field.name.endswith("year"):
                    checked += 1
                    self.assertIs(
                        self._options(node).get("enable_formatting"),
                        False,
                        f"{view.xml_id}: {field} is a year",
                    )
        self.assertGreaterEqual(checked, 6)

    def test_participants_without_a_test_show_no_score(self):
        for xmlid in (
            "ilo_issa_partnership.ilo_training_view_form",
            "ilo_issa_partnership.ilo_training_participant_view_list",
        ):
            view = self.env.ref(xmlid)
            model = self.env[view.model].with_user(self.manager)
            arch = etree.fromstring(model.get_view(view.id, view.type)["arch"])
            for name in ("pre_score", "post_score"):
                (node,) = arch.xpath(f"//field[@name='{name}']")
                self.assertEqual(node.get("invisible"), "not scores_recorded")
        # nor does a training where nobody was tested show an average gain of 0.0
        for view_type in ("form", "list"):
            arch = etree.fromstring(
                self.env["ilo.training"]
                .with_user(self.manager)
                .get_view(view_type=view_type)["arch"]
            )
            (node,) = arch.xpath("//field[@name='average_score_gain']")
            self.assertEqual(node.get("invisible"), "not scored_count")

    def test_the_womens_share_says_what_it_is_the_share_of(self):
        label = self.env["ilo.training"]._fields["female_share"].string
        self.assertIn("among participants", label)
        template = self.env.ref("ilo_issa_partnership.report_partnership")
        self.assertIn("Women (% of participants)", template.arch)

    def test_institutions_are_not_quick_created(self):
        """Typing an unknown name in an institution field offers "Create and
        edit", not a bare contact without country or type that the portal would
        then show as the institution."""
        seen = 0
        for view, model, arch in self._views():
            if view.type not in ("form", "list"):
                continue
            for node, field in self._field_nodes(model, arch):
                if field.name not in ("institution_id", "institution_ids"):
                    continue
                lists = [arch, *node.iterancestors("list")]
                if all(n.tag == "list" and not n.get("editable") for n in lists):
                    continue  # a read-only list: clicking opens the record
                if node.get("readonly") in ("1", "True") or node.get("invisible") in (
                    "1",
                    "True",
                ):
                    continue
                seen += 1
                with self.subTest(view=view.xml_id, field=field.name):
                    self.assertTrue(self._options(node).get("no_quick_create"))
        self.assertGreaterEqual(seen, 3)

    def test_lists_keep_their_key_columns_readable(self):
        for view, model, arch in self._views():
            if view.type != "list" or arch.tag != "list":
                continue
            shown = [
                node.get("name")
                for node in arch.iterchildren("field")
                if node.get("optional") != "hide"
                and node.get("column_invisible") not in ("1", "True")
            ]
            with self.subTest(view=view.xml_id):
                self.assertLessEqual(len(shown), MAX_DEFAULT_COLUMNS, shown)
                if "state" in model._fields:
                    self.assertIn("state", shown)


@tagged("post_install", "-at_install")
class TestPartnershipProjectForm(PartnershipCommon):
    HIDDEN = ("partner_id", "label_tasks")
    OURS = ("collaboration_area_id", "lead_organisation", "country_ids")

    def _arch(self, user, view):
        model = self.env["project.project"].with_user(user)
        return etree.fromstring(model.get_view(view.id, "form")["arch"])

    def test_partnership_form_shows_the_partnership(self):
        view = self.env.ref(
            "ilo_issa_partnership.project_project_view_form_partnership"
        )
        arch = self._arch(self.users["officer"], view)
        for name in self.OURS + ("institution_ids",):
            (node,) = arch.xpath(f"//sheet//field[@name='{name}']")
            self.assertFalse(node.xpath("ancestor::notebook"), f"{name} on the sheet")
        for name in self.HIDDEN:
            (node,) = arch.xpath(f"//field[@name='{name}']")
            self.assertEqual(node.get("invisible"), "1", name)
        (tasks,) = arch.xpath("//button[@name='action_view_tasks']")
        self.assertEqual(tasks.get("invisible"), "1")
        action = self.env.ref("ilo_issa_partnership.project_project_action_partnership")
        forms = action.view_ids.filtered(lambda v: v.view_mode == "form")
        self.assertEqual(forms.view_id, view)
        # links to a partnership project open it in the partnership form
        officer = self.users["officer"]
        self.assertEqual(self.project.with_user(officer).get_formview_id(), view.id)
        self.assertNotEqual(self.plain_project.get_formview_id(), view.id)

    def test_a_project_user_sees_odoos_form_unchanged(self):
        user = new_test_user(
            self.env, login="plain_project_user", groups="project.group_project_user"
        )
        edit = self.env.ref("project.edit_project")
        arch = self._arch(user, edit)
        for name in self.OURS + ("institution_ids", "is_partnership"):
            self.assertFalse(arch.xpath(f"//field[@name='{name}']"), name)
        self.assertFalse(arch.xpath("//button[@name='action_view_budget_lines']"))
        for name in self.HIDDEN:
            (node,) = arch.xpath(f"//field[@name='{name}']")
            self.assertNotEqual(node.get("invisible"), "1", name)
        self.assertEqual(self.project.with_user(user).get_formview_id(), False)

    def test_dashboards_are_client_actions_not_forms(self):
        """The dashboards are OWL client actions (no record pager, no HTML built in
        Python): their models keep no records and no view (test_dashboard: the
        menus' action opens the client action)."""
        models = ("ilo.partnership.dashboard", "c102.campaign.dashboard")
        for model in models:
            if model not in self.env:
                continue
            self.assertTrue(self.env[model]._abstract, model)
            self.assertFalse(
                self.env["ir.ui.view"].search_count([("model", "=", model)]), model
            )
