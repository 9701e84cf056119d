# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.ilo_issa_partnership.tests.common import PartnershipCommon


class CampaignCommon(PartnershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Country = cls.env["c102.country"]
        cls.parts = {p.code: p for p in cls.env["c102.part"].search([])}
        cls.senegal = cls.Country.search(
            [("country_id.code", "=", "SN")]
        ) or cls.Country.create({"country_id": cls.env.ref("base.sn").id})
        cls.kenya = cls.Country.create({"country_id": cls.env.ref("base.ke").id})

    def part_ids(self, *codes):
        return [self.parts[c].id for c in codes]

    def _assessment(self, country, lines, **vals):
        return self.env["c102.gap.assessment"].create(
            {
                "c102_country_id": country.id,
                "date": vals.pop("date", "2026-01-15"),
                "line_ids": [(0, 0, line) for line in lines],
                **vals,
            }
        )

    @staticmethod
    def compliant_line(part, **vals):
        """A line meeting Part ``part``'s minimum standards exactly."""
        benefit = {
            "II": 0,
            "III": 45,
            "IV": 45,
            "V": 40,
            "VI": 50,
            "VII": 3,
            "VIII": 45,
            "IX": 40,
            "X": 40,
        }[part]
        return {
            "coverage_basis": "employees",
            "coverage_rate": 50,
            "benefit_rate": benefit,
            **vals,
        }
