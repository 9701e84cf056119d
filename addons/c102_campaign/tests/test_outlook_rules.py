# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The outlook to the target (rules/outlook.py) against hand-computed cases, every
branch; no database."""

import datetime
import math

from odoo.tests import BaseCase, tagged

from ..rules import outlook as o

D = datetime.date
# 2020-01-01 -> 2024-01-01 is 1461 days: exactly 48 months of 365.25 / 12 days
FOUR_YEARS = (D(2020, 1, 1), D(2024, 1, 1))
# with this prior every stage is left at ln 2 a month: p = 1/2 each month
HALF = {stage: 1 / math.log(2) for stage in o.STAGES}


@tagged("post_install", "-at_install")
class TestOutlookRules(BaseCase):
    def test_months(self):
        self.assertEqual(o.months_between(*FOUR_YEARS), 48.0)
        self.assertEqual(o.months_between(D(2024, 1, 2), D(2024, 1, 1)), 0.0)
        self.assertEqual(o.add_months(D(2026, 1, 31), 1), D(2026, 2, 28))
        self.assertEqual(o.add_months(D(2024, 1, 31), 1), D(2024, 2, 29))
        self.assertEqual(o.add_months(D(2026, 11, 30), 14), D(2028, 1, 30))
        self.assertEqual(o.horizon(D(2026, 11, 30), D(2026, 12, 31)), 1)
        self.assertEqual(o.horizon(D(2026, 12, 15), D(2026, 12, 31)), 0)
        self.assertEqual(o.horizon(D(2026, 1, 31), D(2026, 2, 28)), 1)
        self.assertEqual(o.horizon(D(2026, 1, 15), D(2026, 3, 14)), 1)
        self.assertEqual(o.horizon(D(2027, 1, 1), D(2026, 12, 31)), 0)

    def test_spells(self):
        as_of = D(2024, 1, 1)
        history = [
            (D(2022, 1, 1), "gap_assessment"),  # out of order: sorted by date
            (D(2020, 1, 1), "awareness"),
            (D(2021, 1, 1), "awareness"),  # the same stage again: one stay
            (D(2023, 1, 1), "awareness"),  # back: the stay ends, no move
        ]
        found = o.spells(history, "awareness", as_of)
        self.assertEqual(
            [(s.stage, s.moved, s.running) for s in found],
            [
                ("awareness", True, False),
                ("gap_assessment", False, False),
                ("awareness", False, True),
            ],
        )
        self.assertAlmostEqual(found[0].months, 731 / o.DAYS_PER_MONTH)
        # several stages on at once: a move of the stage left
        skip = o.spells(
            [FOUR_YEARS[0:1] + ("awareness",), (FOUR_YEARS[1], "roadmap")],
            "roadmap",
            FOUR_YEARS[1],
        )
        self.assertEqual(skip[0], o.Spell("awareness", 48.0, moved=True))
        self.assertEqual(skip[1], o.Spell("roadmap", 0.0, running=True))
        # ratified: the end; a history that does not end in the current stage: no
        # running stay
        ratified = o.spells(
            [(D(2020, 1, 1), "submitted"), (D(2024, 1, 1), "ratified")],
            "ratified",
            D(2025, 1, 1),
        )
        self.assertEqual(ratified, [o.Spell("submitted", 48.0, moved=True)])
        self.assertEqual(o.spells([(D(2020, 1, 1), "roadmap")], "submitted", as_of), [])
        self.assertEqual(o.spells([], "awareness", as_of), [])

    def test_stage_rates_blend_prior_and_data(self):
        rates = o.stage_rates([])
        for stage in o.STAGES:
            self.assertAlmostEqual(rates[stage].rate, 1 / o.PRIOR_MONTHS[stage])
            self.assertAlmostEqual(rates[stage].mean_months, o.PRIOR_MONTHS[stage])
        # awareness (prior 12 months, weight 2): one country moved after 48 months,
        # one is there for 24 months: (2 + 1) / (2 * 12 + 72) = 1/32
        rates = o.stage_rates(
            [
                o.Spell("awareness", 48.0, moved=True),
                o.Spell("awareness", 24.0, running=True),
            ]
        )
        self.assertEqual(rates["awareness"].events, 1)
        self.assertEqual(rates["awareness"].exposure, 72.0)
        self.assertAlmostEqual(rates["awareness"].rate, 1 / 32)
        # the more countries, the less the prior: ten moves after 48 months each
        many = o.stage_rates([o.Spell("roadmap", 48.0, moved=True)] * 10)
        self.assertAlmostEqual(many["roadmap"].rate, 12 / (36 + 480))
        # a prior of its own
        custom = o.stage_rates([], prior_months=HALF, prior_weight=5)
        self.assertAlmostEqual(custom["submitted"].rate, math.log(2))

    def test_own_rate_and_months(self):
        self.assertAlmostEqual(o.own_rate(0.1, 0), 0.1)
        self.assertAlmostEqual(o.own_rate(0.1, 20), 0.05)  # 2 * 0.1 / (2 + 2)
        self.assertAlmostEqual(o.own_rate(0.1, 20, frailty=8), 0.08)  # 0.8 / 10
        self.assertAlmostEqual(o.monthly_probability(math.log(2)), 0.5)
        self.assertEqual(o.monthly_probability(0.0), 0.0)

    def test_probability_by(self):
        self.assertEqual(o.probability_by([0.5], 0), 0.0)
        self.assertEqual(o.probability_by([0.5], 2), 0.75)
        self.assertEqual(o.probability_by([0.5, 0.5], 1), 0.0)  # one stage a month
        self.assertEqual(o.probability_by([0.5, 0.5], 2), 0.25)
        # X + Y <= 3 months, X, Y geometric(1/2): (1,1) (1,2) (2,1) = 1/4 + 2/8
        self.assertEqual(o.probability_by([0.5, 0.5], 3), 0.5)
        self.assertAlmostEqual(o.probability_by([1.0, 0.2], 2), 0.2)
        self.assertEqual(o.probability_by([], 0), 1.0)

    def test_poisson_binomial_and_quantiles(self):
        self.assertEqual(o.poisson_binomial([]), [1.0])
        self.assertEqual(o.poisson_binomial([0.5, 0.5]), [0.25, 0.5, 0.25])
        pmf = o.poisson_binomial([1.0, 0.2])
        self.assertEqual(pmf, [0.0, 0.8, 0.2])
        self.assertAlmostEqual(sum(o.poisson_binomial([0.1, 0.7, 0.35, 0.9])), 1.0)
        self.assertEqual(o.quantile([0.25, 0.5, 0.25], 0.10), 0)
        self.assertEqual(o.quantile([0.25, 0.5, 0.25], 0.25), 0)  # reached exactly
        self.assertEqual(o.quantile([0.25, 0.5, 0.25], 0.90), 2)
        self.assertEqual(o.quantile([0.0, 0.8, 0.2], 0.10), 1)

    def test_article2_needs(self):
        self.assertEqual(o.article2_needs([]), (3, True))
        self.assertEqual(o.article2_needs(["II", "III"]), (1, True))
        self.assertEqual(o.article2_needs(["II", "III", "VII"]), (1, True))
        self.assertEqual(o.article2_needs(["V"]), (2, False))
        self.assertEqual(o.article2_needs(["V", "IX"]), (1, False))
        self.assertEqual(o.article2_needs(["II", "V", "VII"]), (0, False))

    def test_country_outlook(self):
        as_of = D(2026, 1, 1)
        rates = o.stage_rates([], prior_months=HALF)
        fresh = o.country_outlook("X", "submitted", 0.0, rates, 2, as_of)
        self.assertAlmostEqual(fresh.probability, 0.75)
        self.assertAlmostEqual(fresh.expected_months, 2.0)
        self.assertEqual(fresh.expected_date, as_of + datetime.timedelta(days=61))
        self.assertFalse(fresh.overdue)
        # roadmap then submitted, two months: both moves, 1/4
        two = o.country_outlook("Y", "roadmap", 0.0, rates, 2, as_of)
        self.assertAlmostEqual(two.probability, 0.25)
        self.assertAlmostEqual(two.expected_months, 4.0)
        # long in its stage: its own rate halves after 2 / ln 2 months (frailty 2),
        # and the stage is overdue (mean 1 / ln 2 months)
        stuck = o.country_outlook("Z", "submitted", 2 / math.log(2), rates, 1, as_of)
        self.assertTrue(stuck.overdue)
        self.assertAlmostEqual(stuck.rate, math.log(2) / 2)
        self.assertAlmostEqual(stuck.probability, 1 - math.sqrt(0.5))

    def test_campaign_outlook(self):
        as_of, target_date = D(2026, 1, 1), D(2026, 3, 1)  # two months
        countries = [
            ("A", "submitted", [(as_of, "submitted")]),
            ("B", "submitted", [(as_of, "submitted")]),
            ("C", "roadmap", [(as_of, "roadmap")]),
            # a ratified country: its stays teach the rates, no outlook of its own
            ("R", "ratified", [(D(2025, 12, 31), "submitted"), (as_of, "ratified")]),
        ]
        result = o.campaign_outlook(
            countries, 67, 70, target_date, as_of, prior_months=HALF
        )
        # submitted: (2 + 1) / (2 / ln 2 + 1 day) from R's stay
        self.assertEqual(result.rates["submitted"].events, 1)
        rate = 3 / (2 / math.log(2) + 1 / o.DAYS_PER_MONTH)
        self.assertAlmostEqual(result.rates["submitted"].rate, rate)
        p = 1 - math.exp(-rate)
        q = 1 - (1 - p) ** 2
        c = 0.5 * p  # roadmap (p 1/2) in the first month, then submitted
        self.assertEqual([x.key for x in result.countries], ["A", "B", "C"])
        self.assertAlmostEqual(result.countries[0].probability, q)
        self.assertAlmostEqual(result.countries[2].probability, c)
        self.assertAlmostEqual(result.expected, 67 + 2 * q + c)
        pmf = o.poisson_binomial([q, q, c])
        self.assertAlmostEqual(result.probability_target, pmf[3])
        self.assertEqual(result.low, 67 + o.quantile(pmf, 0.1))
        self.assertEqual(result.high, 67 + o.quantile(pmf, 0.9))
        self.assertEqual(result.distribution, tuple(pmf))
        # the target already reached; no country left
        done = o.campaign_outlook([], 70, 70, target_date, as_of)
        self.assertEqual((done.expected, done.low, done.high), (70, 70, 70))
        self.assertEqual(done.probability_target, 1.0)
        out = o.campaign_outlook([], 63, 70, target_date, as_of)
        self.assertEqual(out.probability_target, 0.0)

    def test_ranking_ties(self):
        as_of = D(2026, 1, 1)
        result = o.campaign_outlook(
            [
                ("b", "awareness", [(as_of, "awareness")]),
                ("a", "awareness", [(as_of, "awareness")]),
                ("c", "not_started", []),  # no history: no time in its stage
            ],
            0,
            1,
            D(2026, 2, 1),
            as_of,
        )
        # one month: nobody can go through two stages or more
        self.assertEqual([x.probability for x in result.countries], [0.0] * 3)
        # ties: the nearer expected date, then the key
        self.assertEqual([x.key for x in result.countries], ["a", "b", "c"])
        self.assertEqual(result.countries[2].months_in_stage, 0.0)
