# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The planning rules (rules/planning.py), plain Python."""

from datetime import date

from odoo.tests import BaseCase, tagged

from ..rules.planning import (
    DsaRate,
    Slot,
    checklist_due,
    conflicts,
    cost_estimate,
    holiday_language,
    nights,
    pick_rate,
    public_holidays,
    report_due,
    report_overdue,
)

D = date


@tagged("post_install", "-at_install")
class TestPlanningRules(BaseCase):
    def test_nights(self):
        self.assertEqual(nights(D(2027, 3, 1), D(2027, 3, 5)), 4)
        self.assertEqual(nights(D(2027, 3, 1), D(2027, 3, 1)), 0)
        self.assertEqual(nights(D(2027, 2, 27), D(2027, 3, 2)), 3)
        with self.assertRaises(ValueError):
            nights(D(2027, 3, 5), D(2027, 3, 1))

    def test_pick_rate_city_over_country_and_validity(self):
        old = DsaRate("SN", 150, "USD", D(2026, 1, 1))
        new = DsaRate("SN", 180, "USD", D(2027, 1, 1))
        dakar = DsaRate("SN", 250, "USD", D(2026, 6, 1), city="Dakar")
        other = DsaRate("CI", 300, "EUR", D(2020, 1, 1))
        rates = [old, new, dakar, other]
        # the country rate valid at departure: the latest not after it
        self.assertEqual(pick_rate(rates, "SN", D(2026, 12, 31)), old)
        self.assertEqual(pick_rate(rates, "SN", D(2027, 1, 1)), new)
        # the city's rate wins, whatever the case and spaces
        self.assertEqual(pick_rate(rates, "SN", D(2027, 2, 1), " dakar "), dakar)
        # a city without its own rate, or a city rate not yet valid: the country's
        self.assertEqual(pick_rate(rates, "SN", D(2027, 2, 1), "Thiès"), new)
        self.assertEqual(pick_rate(rates, "SN", D(2026, 5, 1), "Dakar"), old)
        # nothing valid yet, or another country only
        self.assertIsNone(pick_rate(rates, "SN", D(2025, 12, 31)))
        self.assertIsNone(pick_rate(rates, "GH", D(2027, 1, 1)))
        self.assertIsNone(pick_rate([dakar], "SN", D(2027, 1, 1)))

    def test_cost_estimate(self):
        estimate = cost_estimate(
            D(2027, 3, 1), D(2027, 3, 5), 200, 2, terminal=76, tickets=1200
        )
        self.assertEqual(estimate.nights, 4)
        self.assertEqual(estimate.subsistence, 1600)
        self.assertEqual(estimate.total, 2876)
        # a day trip: no night, tickets and terminal expenses only
        self.assertEqual(
            cost_estimate(D(2027, 3, 1), D(2027, 3, 1), 200, 3, 50, 100).total, 150
        )
        # no team member: no subsistence
        self.assertEqual(cost_estimate(D(2027, 3, 1), D(2027, 3, 3), 200, 0).total, 0)
        for args in ((-1, 1, 0, 0), (1, -1, 0, 0), (1, 1, -1, 0), (1, 1, 0, -1)):
            with self.assertRaises(ValueError):
                cost_estimate(D(2027, 3, 1), D(2027, 3, 2), *args)
        with self.assertRaises(ValueError):
            cost_estimate(D(2027, 3, 2), D(2027, 3, 1), 200, 1)

    def test_conflicts_across_missions_and_trainings(self):
        slots = [
            Slot(("mission", 1), "ana", D(2027, 3, 1), D(2027, 3, 5)),
            Slot(("mission", 1), "ben", D(2027, 3, 1), D(2027, 3, 5)),
            # ends the day the training starts: a shared day is a conflict
            Slot(("training", 1), "ana", D(2027, 3, 5), D(2027, 3, 6)),
            # the same dates for another person: no conflict
            Slot(("training", 2), "cleo", D(2027, 3, 1), D(2027, 3, 5)),
            # the day after: no conflict
            Slot(("mission", 2), "ben", D(2027, 3, 6), D(2027, 3, 8)),
            # inside a long one, after a short one (the sweep goes on)
            Slot(("mission", 3), "dan", D(2027, 1, 1), D(2027, 12, 31)),
            Slot(("mission", 4), "dan", D(2027, 2, 1), D(2027, 2, 2)),
            Slot(("training", 3), "dan", D(2027, 6, 1), D(2027, 6, 2)),
            # without dates: ignored
            Slot(("mission", 5), "ana", None, None),
        ]
        self.assertEqual(
            conflicts(slots),
            {
                ("mission", 1): {("training", 1)},
                ("training", 1): {("mission", 1)},
                ("mission", 3): {("mission", 4), ("training", 3)},
                ("mission", 4): {("mission", 3)},
                ("training", 3): {("mission", 3)},
            },
        )
        self.assertEqual(conflicts([]), {})

    def test_holiday_language(self):
        supported = ("en_US", "fr_SN")
        self.assertEqual(holiday_language(supported, "fr_FR"), "fr_SN")
        self.assertEqual(holiday_language(supported, "en_US"), "en_US")
        self.assertEqual(holiday_language(supported, "en_GB"), "en_US")
        self.assertIsNone(holiday_language(supported, "ar_001"))
        self.assertIsNone(holiday_language(supported, False))

    def test_public_holidays(self):
        known, days = public_holidays("SN", D(2027, 4, 1), D(2027, 4, 30))
        self.assertTrue(known)
        self.assertIn(D(2027, 4, 4), [day for day, _name in days])
        self.assertEqual(days, sorted(days))
        # named in the reader's language when the package has it, else its default
        _known, days = public_holidays("SN", D(2027, 4, 4), D(2027, 4, 4), "fr_FR")
        self.assertEqual(days, [(D(2027, 4, 4), "Fête de l'Indépendance")])
        _known, days = public_holidays("SN", D(2027, 4, 4), D(2027, 4, 4), "es_ES")
        self.assertEqual(days, [(D(2027, 4, 4), "Independence Day")])
        # across a year end
        known, days = public_holidays("fr", D(2026, 12, 24), D(2027, 1, 2))
        self.assertEqual([d for d, _n in days], [D(2026, 12, 25), D(2027, 1, 1)])
        # no holiday in range
        self.assertEqual(
            public_holidays("FR", D(2027, 3, 2), D(2027, 3, 3)), (True, [])
        )
        # an unknown country: no warning, and said so
        self.assertEqual(
            public_holidays("XX", D(2027, 1, 1), D(2027, 1, 2)), (False, [])
        )
        self.assertEqual(
            public_holidays(False, D(2027, 1, 1), D(2027, 1, 2)), (False, [])
        )
        # no or reversed dates: nothing
        self.assertEqual(public_holidays("FR", None, D(2027, 1, 2)), (True, []))
        self.assertEqual(
            public_holidays("FR", D(2027, 1, 2), D(2027, 1, 1)), (True, [])
        )

    def test_due_dates(self):
        self.assertEqual(
            checklist_due(D(2027, 3, 10), {"visa": 21, "ticket": 7, "debrief": -1}),
            {
                "visa": D(2027, 2, 17),
                "ticket": D(2027, 3, 3),
                "debrief": D(2027, 3, 11),
            },
        )
        self.assertEqual(report_due(D(2027, 3, 20)), D(2027, 4, 3))
        self.assertFalse(report_overdue(D(2027, 3, 20), D(2027, 4, 3)))
        self.assertTrue(report_overdue(D(2027, 3, 20), D(2027, 4, 4)))
        self.assertFalse(report_overdue(D(2027, 3, 20), D(2027, 4, 4), reported=True))
        self.assertFalse(report_overdue(None, D(2027, 4, 4)))
