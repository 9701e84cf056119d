# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import contextmanager

from lxml import etree

from odoo.tests import new_test_user
from odoo.tools.safe_eval import safe_eval

from odoo.addons.base.tests.common import BaseCommon

GROUPS = {
    "reader": "ilo_issa_partnership.group_partnership_user",
    "officer": "ilo_issa_partnership.group_programme_officer",
    "finance": "ilo_issa_partnership.group_finance",
    "leadership": "ilo_issa_partnership.group_leadership",
    "manager": "ilo_issa_partnership.group_partnership_manager",
}


class PartnershipCommon(BaseCommon):
    """Users per role and the five areas, shared by the partnership tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = cls._role_users()
        ref = cls.env.ref
        cls.area_advisory = ref("ilo_issa_partnership.area_advisory")
        cls.area_policy = ref("ilo_issa_partnership.area_policy")
        cls.area_knowledge = ref("ilo_issa_partnership.area_knowledge")
        cls.area_guidelines = ref("ilo_issa_partnership.area_guidelines")
        cls.area_training = ref("ilo_issa_partnership.area_training")
        cls._partnership_fixtures()

    @classmethod
    def _role_users(cls, prefix="ilo", roles=tuple(GROUPS), **vals):
        """One user per role, logged in as ``<prefix>_<role>``; ``vals`` for all
        (e.g. ``email=False``)."""
        return {
            role: new_test_user(
                cls.env,
                login=f"{prefix}_{role}",
                groups=f"base.group_user,{GROUPS[role]}",
                name=f"{prefix.replace('_', ' ').upper()} {role.title()}",
                **vals,
            )
            for role in roles
        }

    @contextmanager
    def assertRaisesMsg(self, exception, regex):
        """Odoo's assertRaises (rolls back to a savepoint) plus a message check."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), regex)

    @classmethod
    def _partnership_fixtures(cls):
        """A partnership project per area, a country and an institution."""
        Project = cls.env["project.project"]
        cls.project = Project.create(
            {
                "name": "Test advisory project",
                "collaboration_area_id": cls.area_advisory.id,
                "privacy_visibility": "followers",
            }
        )
        cls.project_training = Project.create(
            {
                "name": "Test training project",
                "collaboration_area_id": cls.area_training.id,
            }
        )
        cls.plain_project = Project.create({"name": "Not a partnership project"})
        cls.funding_source = cls._funding_source()
        cls.country = cls.env.ref("base.sn")
        cls.institution = cls.env["res.partner"].create(
            {
                "name": "Caisse de sécurité sociale (test)",
                "is_company": True,
                "constituent_group": "social_security_institution",
                "is_issa_member": True,
            }
        )

    @classmethod
    def _chf_at(cls, *rates):
        """CHF, active, with rates given as (date, CHF per company-currency unit)."""
        chf = cls.env.ref("base.CHF")
        chf.active = True
        if chf == cls.env.company.currency_id:  # pragma: no cover - demo is in USD
            raise AssertionError("tests expect a company currency other than CHF")
        cls.env["res.currency.rate"].create(
            [{"currency_id": chf.id, "name": day, "rate": rate} for day, rate in rates]
        )
        return chf

    @classmethod
    def _funding_source(cls, code="RB-TEST", currency=None, amount=1_000_000.0):
        return cls.env["ilo.funding.source"].create(
            {
                "name": f"Funding {code}",
                "code": code,
                "currency_id": (currency or cls.env.company.currency_id).id,
                "amount": amount,
            }
        )

    @classmethod
    def _fund(cls, activity, amount=10_000.0, **vals):
        """A budget line for a mission (or training): what approval needs."""
        source = cls.funding_source
        field = {"ilo.advisory.mission": "mission_id", "ilo.training": "training_id"}[
            activity._name
        ]
        return cls.env["ilo.budget.line"].create(
            {
                "project_id": activity.project_id.id,
                field: activity.id,
                "funding_source_id": source.id,
                "category": "travel",
                "date_from": "2030-01-01",
                "date_to": "2030-12-31",
                "amount_planned": amount,
                **vals,
            }
        )

    @classmethod
    def _mission_vals(cls, **vals):
        return {
            "name": "Mission",
            "project_id": cls.project.id,
            "country_id": cls.country.id,
            "date_start": "2030-03-02",
            "date_end": "2030-03-06",
            **vals,
        }


def visible_buttons(env, model, user, values, view_type="form", field=None):
    """The object buttons ``user`` sees on a record of ``model`` holding ``values``
    (state, source...) in the form's header: the view as the web client gets it for
    that user (groups applied), its ``invisible`` expressions evaluated. With
    ``field``, the buttons of that x2many's embedded list instead (e.g. the periods
    in an indicator form)."""
    arch = (
        env[model]
        .with_user(user)
        .get_views([(False, view_type)])["views"][view_type]["arch"]
    )
    root = etree.fromstring(arch)
    if field:
        buttons = root.xpath(f"//field[@name='{field}']/list/button")
    else:
        buttons = root.xpath("//header//button")
    return {
        button.get("name")
        for button in buttons
        if button.get("type") == "object"
        and not safe_eval(button.get("invisible") or "False", dict(values))
    }
