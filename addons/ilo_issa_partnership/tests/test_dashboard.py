# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The partnership dashboard's client action: its one data method (figures, the
records behind each chart value, money for finance and leadership only) and the
home action opening it; in a browser, a figure and a bar open the filtered list."""

from datetime import date, timedelta

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import PartnershipCommon


@tagged("post_install", "-at_install")
class TestDashboardData(PartnershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = date.today()
        cls.training = cls.env["ilo.training"].create(
            {
                "name": "Dashboard training",
                "project_id": cls.project.id,
                "country_id": cls.country.id,
                "date_start": today,
                "participant_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "A",
                            "gender": "female",
                            "constituent_group": "government",
                        },
                    ),
                    (
                        0,
                        0,
                        {"name": "B", "gender": "male", "constituent_group": "worker"},
                    ),
                ],
            }
        )
        cls.training.action_start()
        cls.training.action_done()
        cls.late = cls.env["ilo.deliverable"].create(
            {
                "name": "Dashboard late deliverable",
                "project_id": cls.project.id,
                "date_deadline": today - timedelta(days=3),
            }
        )
        cls.source = cls._funding_source("DASH-SRC", amount=100_000)
        cls._fund(cls.training, amount=2_000, funding_source_id=cls.source.id)

    def data(self, role):
        Dashboard = self.env["ilo.partnership.dashboard"]
        return Dashboard.with_user(self.users[role]).get_dashboard_data()

    def assertChartDomains(self, model, chart):
        """Every value of a chart is the count of the records its domain opens."""
        self.assertTrue(chart["series"])
        for serie in chart["series"]:
            for value, domain in zip(serie["values"], serie["domains"], strict=True):
                self.assertEqual(self.env[model].search_count(domain), value, domain)

    def test_figures_are_the_records_behind(self):
        figures = self.data("leadership")["figures"]
        env = self.env
        self.assertEqual(
            figures["activity_count"],
            env["ilo.partnership.analysis"].search_count([]),
        )
        self.assertEqual(
            figures["late_count"],
            env["ilo.deliverable"].search_count([("is_late", "=", True)]),
        )
        people = env["ilo.training.participant"].search(
            [("attended", "=", True), ("training_id.state", "=", "done")]
        )
        self.assertEqual(figures["participant_count"], len(people))
        self.assertGreaterEqual(figures["participant_count"], 2)
        known = people.filtered(lambda p: p.gender in ("female", "male", "other"))
        women = people.filtered(lambda p: p.gender == "female")
        self.assertAlmostEqual(
            figures["female_share"], 100.0 * len(women) / len(known), delta=0.05
        )

    def test_charts_open_their_records(self):
        data = self.data("leadership")
        self.assertChartDomains("ilo.partnership.analysis", data["delivery"])
        self.assertChartDomains("ilo.training.participant", data["participants"])
        self.assertIn(
            self.area_advisory.name, [s["label"] for s in data["delivery"]["series"]]
        )
        self.assertIn(str(date.today().year), data["delivery"]["labels"])
        self.assertIn("Government", data["participants"]["labels"])
        self.assertEqual(
            {s["label"] for s in data["participants"]["series"]} & {"Female", "Male"},
            {"Female", "Male"},
        )

    def test_late_and_status(self):
        data = self.data("leadership")
        self.assertIn(self.late.id, [d["id"] for d in data["late"]])
        projects = self.env["project.project"].search([("is_partnership", "=", True)])
        counts = {c["status"]: c for c in data["status"]["counts"]}
        self.assertEqual(set(counts), {"on_track", "at_risk", "off_track"})
        self.assertEqual(sum(c["count"] for c in counts.values()), len(projects))
        for count in counts.values():
            self.assertEqual(
                self.env["project.project"].search_count(count["domain"]),
                count["count"],
            )
        # one late deliverable: the project is at risk, and says why
        self.assertEqual(self.project.ilo_status, "at_risk")
        [line] = [p for p in data["status"]["projects"] if p["id"] == self.project.id]
        self.assertEqual(line["status"], "at_risk")
        self.assertEqual(line["reasons"], self.project.ilo_status_reasons)
        self.assertTrue(line["reasons"])

    def test_money_for_finance_and_leadership_only(self):
        self.assertIs(self.data("officer")["spend"], False)
        for role in ("finance", "leadership"):
            [line] = [s for s in self.data(role)["spend"] if "DASH-SRC" in s["source"]]
            self.assertEqual(line["rate"], 0.0)
            # a number in the source's currency: the client formats it
            self.assertEqual(line["planned"], 2000.0)
            self.assertEqual(line["currency_id"], self.source.currency_id.id)
            lines = self.env["ilo.budget.line"].search(line["domain"])
            self.assertEqual(lines.funding_source_id, self.source)

    def test_one_budget_read_gives_the_figures_of_their_own_reads(self):
        """The dashboard reads the budget lines once (issue 19's speed): the spend
        and the projects' status from that read are those of their own reads,
        archived lines counted by the status and left out of the spend."""
        self._fund(self.training, amount=500, funding_source_id=self.source.id)
        self._fund(
            self.training, amount=700, funding_source_id=self.source.id
        ).action_archive()
        Dashboard = self.env["ilo.partnership.dashboard"].with_user(
            self.users["leadership"]
        )
        budget = Dashboard._budget_groups()
        self.assertEqual(Dashboard._spend_data(budget), Dashboard._spend_data())
        [line] = [s for s in Dashboard._spend_data(budget) if "DASH-SRC" in s["source"]]
        self.assertEqual(line["planned"], 2500.0)
        self.env.invalidate_all()
        with_budget = Dashboard._status_data(budget)
        lines = (
            self.env["ilo.budget.line"]
            .with_context(active_test=False)
            .search([("project_id", "=", self.project.id)])
        )
        self.assertIn(700, lines.mapped("amount_planned"))
        self.assertAlmostEqual(
            self.project.budget_planned, sum(lines.mapped("amount_planned_company")), 2
        )
        self.env.invalidate_all()
        self.assertEqual(with_budget, Dashboard._status_data())

    def test_analysis_rows_are_the_activities_with_their_budget(self):
        """The analysis view (ids computed from the activities, one budget per kind
        of activity): one row per activity, its budget that of its lines."""
        Analysis = self.env["ilo.partnership.analysis"]
        rows = Analysis.search([])
        self.assertEqual(len(rows.ids), len(set(rows.ids)))
        [row] = Analysis.search(
            [("activity_type", "=", "training"), ("name", "=", self.training.name)]
        )
        lines = self.env["ilo.budget.line"].search(
            [("training_id", "=", self.training.id)]
        )
        self.assertTrue(lines)
        self.assertAlmostEqual(
            row.budget_planned, sum(lines.mapped("amount_planned_reporting")), 2
        )
        self.assertEqual(
            Analysis.search_count([]),
            sum(
                self.env[model].with_context(active_test=False).search_count([])
                for model in ("ilo.advisory.mission", "ilo.training", "ilo.deliverable")
            ),
        )

    def test_analysis_state_is_a_label(self):
        """The analysis (the list a chart's bar opens) shows the activity's state
        by its label, each state of missions, trainings and deliverables once."""
        Analysis = self.env["ilo.partnership.analysis"]
        labels = dict(Analysis._fields["state"]._description_selection(self.env))
        for model in ("ilo.advisory.mission", "ilo.training", "ilo.deliverable"):
            states = self.env[model]._fields["state"]._description_selection(self.env)
            for code, label in states:
                self.assertEqual(labels[code], label, (model, code))
        self.assertEqual(len(labels), 11)
        [row] = Analysis.search(
            [("activity_type", "=", "training"), ("name", "=", self.training.name)]
        )
        self.assertEqual(row.state, "done")
        self.assertEqual(labels[row.state], "Done")
        [row] = Analysis.search([("name", "=", self.late.name)])
        self.assertEqual(row.state, "planned")

    def test_access(self):
        outsider = new_test_user(
            self.env, login="dash_outsider", groups="base.group_user"
        )
        with self.assertRaises(AccessError):
            self.env["ilo.partnership.dashboard"].with_user(
                outsider
            ).get_dashboard_data()

    def test_home_action_opens_the_client_action(self):
        server_action = self.env.ref(
            "ilo_issa_partnership.ilo_partnership_dashboard_action"
        )
        action = server_action.with_user(self.users["leadership"]).run()
        # its menu shows (the web client finds the app from it after login)
        menu = self.env.ref("ilo_issa_partnership.ilo_partnership_dashboard_menu")
        Menu = self.env["ir.ui.menu"]
        for role in ("reader", "finance", "leadership"):
            visible = Menu.with_user(self.users[role])._visible_menu_ids()
            self.assertIn(menu.id, visible, role)
        self.assertEqual(action["type"], "ir.actions.client")
        self.assertEqual(action["tag"], "ilo_partnership_dashboard")
        self.assertEqual(action["id"], server_action.id)


@tagged("post_install", "-at_install")
class TestDashboardTour(HttpCase):
    def test_leadership_drills_down(self):
        """A figure opens the late deliverables; a bar of the people-trained chart
        opens those participants."""
        project = self.env["project.project"].create(
            {
                "name": "Dashboard tour project",
                "collaboration_area_id": self.env.ref(
                    "ilo_issa_partnership.area_training"
                ).id,
            }
        )
        self.env["ilo.deliverable"].create(
            {
                "name": "Tour late deliverable",
                "project_id": project.id,
                "date_deadline": date.today() - timedelta(days=3),
            }
        )
        training = self.env["ilo.training"].create(
            {
                "name": "Dashboard tour training",
                "project_id": project.id,
                "date_start": date.today(),
                "participant_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Tour trainee",
                            "gender": "female",
                            "constituent_group": "government",
                        },
                    ),
                ],
            }
        )
        training.action_start()
        training.action_done()
        leader = new_test_user(
            self.env,
            login="tour_dash_leader",
            groups="base.group_user,ilo_issa_partnership.group_leadership",
            name="Dashboard Leader",
        )
        self.start_tour("/odoo", "ilo_dashboard_drilldown_tour", login=leader.login)

    def test_french_number_formats(self):
        """In French the dashboard's figures and dates follow the user's language
        (formatted by the client): "100,0 %", not "100.0 %"; no ISO date."""
        self.env["res.lang"]._activate_lang("fr_FR")
        project = self.env["project.project"].create(
            {
                "name": "French dashboard",
                "collaboration_area_id": self.env.ref(
                    "ilo_issa_partnership.area_training"
                ).id,
            }
        )
        self.env["ilo.deliverable"].create(
            {
                "name": "French late deliverable",
                "project_id": project.id,
                "date_deadline": date.today() - timedelta(days=3),
            }
        )
        leader = new_test_user(
            self.env,
            login="tour_dash_leader_fr",
            groups="base.group_user,ilo_issa_partnership.group_leadership",
            name="Dashboard Leader FR",
            lang="fr_FR",
        )
        self.start_tour("/odoo", "ilo_dashboard_french_tour", login=leader.login)
