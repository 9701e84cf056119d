# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Multi-company: every partnership record carries the company of its project (or
its own), and the users of one company never see another company's records."""

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import PartnershipCommon

COMPANY_MODELS = (
    "ilo.advisory.mission",
    "ilo.training",
    "ilo.training.participant",
    "ilo.deliverable",
    "ilo.funding.source",
    "ilo.budget.line",
    "ilo.result",
    "ilo.indicator",
    "ilo.indicator.period",
    "ilo.partnership.analysis",
)


@tagged("post_install", "-at_install")
class TestMultiCompany(PartnershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "ISSA (test company)"})
        roles = "base.group_user,ilo_issa_partnership.group_partnership_manager"
        cls.user_a = new_test_user(cls.env, login="ilo_mc_a", groups=roles)
        cls.user_b = new_test_user(
            cls.env,
            login="ilo_mc_b",
            groups=roles,
            company_id=cls.company_b.id,
            company_ids=[Command.set(cls.company_b.ids)],
        )
        cls.records_a = cls._records(cls.env(user=cls.user_a), "A")
        cls.records_b = cls._records(cls.env(user=cls.user_b), "B")

    @classmethod
    def _records(cls, env, tag):
        company = env.company
        project = env["project.project"].create(
            {
                "name": f"Project {tag}",
                "collaboration_area_id": cls.area_advisory.id,
                "company_id": company.id,
            }
        )
        mission = env["ilo.advisory.mission"].create(
            cls._mission_vals(project_id=project.id, name=f"Mission {tag}")
        )
        training = env["ilo.training"].create(
            {"name": f"Training {tag}", "project_id": project.id}
        )
        source = env["ilo.funding.source"].create(
            {"name": f"Source {tag}", "code": f"MC-{tag}", "amount": 1000}
        )
        result = env["ilo.result"].create(
            {"name": f"Outcome {tag}", "project_id": project.id}
        )
        indicator = env["ilo.indicator"].create(
            {"name": f"Indicator {tag}", "result_id": result.id}
        )
        return {
            "project.project": project,
            "ilo.advisory.mission": mission,
            "ilo.training": training,
            "ilo.training.participant": env["ilo.training.participant"].create(
                {"name": f"Participant {tag}", "training_id": training.id}
            ),
            "ilo.deliverable": env["ilo.deliverable"].create(
                {"name": f"Deliverable {tag}", "project_id": project.id}
            ),
            "ilo.funding.source": source,
            "ilo.budget.line": env["ilo.budget.line"].create(
                {
                    "project_id": project.id,
                    "mission_id": mission.id,
                    "funding_source_id": source.id,
                    "date_from": "2030-01-01",
                    "date_to": "2030-12-31",
                    "amount_planned": 100,
                }
            ),
            "ilo.result": result,
            "ilo.indicator": indicator,
            "ilo.indicator.period": env["ilo.indicator.period"].create(
                {
                    "indicator_id": indicator.id,
                    "date_start": "2030-01-01",
                    "date_end": "2030-12-31",
                }
            ),
        }

    def test_records_carry_their_company(self):
        for records, company in (
            (self.records_a, self.company_a),
            (self.records_b, self.company_b),
        ):
            for model, record in records.items():
                with self.subTest(model=model, company=company.name):
                    self.assertEqual(record.company_id, company)

    def test_users_never_see_another_company(self):
        self.env.flush_all()
        for user, own, other in (
            (self.user_a, self.records_a, self.records_b),
            (self.user_b, self.records_b, self.records_a),
        ):
            for model in COMPANY_MODELS:
                with self.subTest(user=user.login, model=model):
                    found = self.env[model].with_user(user).search([])
                    self.assertFalse(found.company_id - user.company_ids, model)
                    if model in other:
                        self.assertNotIn(other[model], found)
                        self.assertIn(own[model], found)

    def test_no_cross_company_budget(self):
        with self.assertRaisesMsg(UserError, "belongs to ISSA"):
            self.env["ilo.budget.line"].create(
                {
                    "project_id": self.records_a["project.project"].id,
                    "funding_source_id": self.records_b["ilo.funding.source"].id,
                    "date_from": "2030-01-01",
                    "date_to": "2030-12-31",
                    "amount_planned": 1,
                }
            )
