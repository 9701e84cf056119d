# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user

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
        cls.users = {
            role: new_test_user(
                cls.env,
                login=f"ilo_{role}",
                groups=f"base.group_user,{group}",
                name=f"ILO {role.title()}",
            )
            for role, group in GROUPS.items()
        }
        ref = cls.env.ref
        cls.area_advisory = ref("ilo_issa_partnership.area_advisory")
        cls.area_policy = ref("ilo_issa_partnership.area_policy")
        cls.area_knowledge = ref("ilo_issa_partnership.area_knowledge")
        cls.area_guidelines = ref("ilo_issa_partnership.area_guidelines")
        cls.area_training = ref("ilo_issa_partnership.area_training")
