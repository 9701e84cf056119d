# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The IATI rules beyond the schema (iati_export/rules.py), plain Python: a valid
activity passes; for each rule, one input that breaks it gives that problem, at
its level (error: IATI's validators reject; warning: they flag)."""

from datetime import date, datetime

from odoo.tests import BaseCase, tagged

from ..iati_export import (
    ERROR,
    WARNING,
    build_activities,
    check_activity,
    check_file,
    check_rules,
    validate_xml,
)

TODAY = date(2026, 6, 15)


def activity(**changes):
    """A valid activity of the ILO, under way on TODAY."""
    data = {
        "identifier": "XM-DAC-41302-ILOISSA-7",
        "reporting_org": {
            "ref": "XM-DAC-41302",
            "type": "40",
            "name": "International Labour Organization",
        },
        "titles": {"en": "Actuarial services", "fr": "Services actuariels"},
        "descriptions": {"en": "Actuarial valuation of the pension scheme"},
        "participating": [
            {"role": "1", "name": "Donor agency"},
            {"role": "2", "ref": "XM-DAC-41302", "type": "40", "name": "ILO"},
            {"role": "4", "type": "40", "name": "ISSA"},
        ],
        "status": "2",
        "dates": [
            ("1", date(2026, 1, 1)),
            ("2", date(2026, 1, 1)),
            ("3", date(2027, 12, 31)),
        ],
        "countries": [("SN", 50.0), ("CI", 50.0)],
        "regions": [],
        "sectors": [("16010", "1", 100.0)],
        "budgets": [
            {
                "start": date(2026, 1, 1),
                "end": date(2026, 12, 31),
                "value": 12000.0,
                "currency": "USD",
                "value_date": date(2026, 1, 1),
            },
            {
                "start": date(2027, 1, 1),
                "end": date(2027, 12, 31),
                "value": 8000.0,
                "currency": "USD",
                "value_date": date(2027, 1, 1),
            },
        ],
        "transactions": [
            {
                "type": "4",
                "date": date(2026, 3, 5),
                "value": 2500.0,
                "currency": "USD",
                "description": "Travel",
            }
        ],
        "today": TODAY,
        "documents": [
            {
                "url": "https://example.org/report.pdf",
                "title": "Actuarial report",
                "category": "A08",
                "format": "application/pdf",
                "langs": ["fr"],
            }
        ],
        "results": [
            {
                "type": "2",
                "titles": {"en": "Coverage extended"},
                "indicators": [
                    {
                        "measure": "1",
                        "ascending": True,
                        "titles": {"en": "Members"},
                        "baseline": {"year": 2025, "value": 10.0, "comment": ""},
                        "periods": [
                            {
                                "start": date(2026, 1, 1),
                                "end": date(2026, 12, 31),
                                "target": 20.0,
                                "actual": 15.0,
                                "comment": "",
                            }
                        ],
                    }
                ],
            }
        ],
        "default_currency": "USD",
    }
    data.update(changes)
    return data


def _budget(**changes):
    return [dict(activity()["budgets"][0], **changes)]


def _transaction(**changes):
    return [dict(activity()["transactions"][0], **changes)]


def _document(**changes):
    return [dict(activity()["documents"][0], **changes)]


def _indicator(**changes):
    base = activity()["results"][0]
    return [dict(base, indicators=[dict(base["indicators"][0], **changes)])]


def _period(**changes):
    period = activity()["results"][0]["indicators"][0]["periods"][0]
    return _indicator(periods=[dict(period, **changes)])


# rule -> [(changes that break it, level, words of the message)]
BROKEN = {
    "identifier": [
        ({"identifier": ""}, ERROR, "has no IATI identifier"),
        ({"identifier": "XX-1"}, ERROR, "must begin with the reporting organisation"),
        ({"identifier": "XM-DAC-41302-A/B"}, ERROR, "must not contain / & | ?"),
    ],
    "reporting-org": [
        (
            {"reporting_org": {"ref": "ILO", "type": "40", "name": "ILO"}},
            WARNING,
            "should begin with a registration agency",
        ),
        (
            {"reporting_org": {"ref": "XM-DAC-41302", "type": "41", "name": "ILO"}},
            ERROR,
            "reporting organisation type 41",
        ),
    ],
    "title and description": [
        ({"titles": {"en": " "}}, ERROR, "must have a title"),
        ({"descriptions": {"en": ""}}, WARNING, "should have a description"),
        (
            {"titles": {"en": "Services", "xx": "Dienste"}},
            ERROR,
            "title: language xx is not in the IATI Language codelist",
        ),
    ],
    "participating-org": [
        ({"participating": [{"role": "2", "name": ""}]}, ERROR, "a name or a ref"),
        (
            {"participating": [{"role": "5", "name": "ILO"}]},
            ERROR,
            "role 5 is not in the IATI OrganisationRole codelist",
        ),
        (
            {"participating": [{"role": "4", "type": "99", "name": "ISSA"}]},
            ERROR,
            "type 99 is not in the IATI OrganisationType",
        ),
        (
            {"participating": [{"role": "4", "ref": "ISSA/CH", "name": "ISSA"}]},
            ERROR,
            "participating organisation ISSA identifier ISSA/CH must not contain",
        ),
        (
            {"participating": [{"role": "4", "ref": "ISSA-1", "name": "ISSA"}]},
            WARNING,
            "identifier ISSA-1 should begin with a registration agency",
        ),
    ],
    "activity-status": [
        ({"status": "9"}, ERROR, "activity status 9 is not in the IATI codelist"),
        (
            {"dates": [("1", date(2026, 1, 1))]},
            WARNING,
            "status 2 (under way or done) should have an actual start date",
        ),
        (
            {"status": "4"},
            WARNING,
            "status 4 (finalisation or closed) should have an actual end date",
        ),
        ({"status": "1"}, WARNING, "pipeline (status 1) should not have an actual"),
    ],
    "activity-date": [
        (
            {"dates": [("3", date(2027, 1, 1))]},
            ERROR,
            "a planned or actual start date is required",
        ),
        (
            {
                "dates": [
                    ("1", date(2028, 1, 1)),
                    ("2", date(2026, 1, 1)),
                    ("3", date(2027, 1, 1)),
                ]
            },
            ERROR,
            "the planned start 2028-01-01 is after the planned end 2027-01-01",
        ),
        (
            {
                "status": "4",
                "dates": [("2", date(2026, 3, 1)), ("4", date(2026, 2, 1))],
            },
            ERROR,
            "the actual start 2026-03-01 is after the actual end 2026-02-01",
        ),
        (
            {"dates": [("1", date(2026, 1, 1)), ("2", date(2026, 7, 1))]},
            ERROR,
            "the actual start date 2026-07-01 is in the future",
        ),
        (
            {
                "status": "4",
                "dates": [("2", date(2026, 1, 1)), ("4", date(2026, 9, 30))],
            },
            ERROR,
            "the actual end date 2026-09-30 is in the future",
        ),
        (
            {"last_updated": datetime(2026, 6, 16, 8, 0)},
            ERROR,
            "last-updated-datetime 2026-06-16T08:00:00 must not be in the future",
        ),
    ],
    "recipient-country/region": [
        ({"countries": []}, ERROR, "a recipient country or region is required"),
        (
            {"countries": [("SN", 60.0), ("CI", 30.0)]},
            ERROR,
            "percentages add up to 90.0, not 100",
        ),
        (
            {"countries": [("QQ", 50.0), ("SN", 50.0)]},
            ERROR,
            "recipient country QQ is not in the IATI Country codelist",
        ),
        (
            {"countries": [], "regions": [("999", "1", 100.0)]},
            ERROR,
            "recipient region 999 is not in the IATI Region codelist",
        ),
    ],
    "sector": [
        ({"sectors": []}, ERROR, "must have a sector"),
        (
            {"sectors": [("16010", "1", 60.0), ("16020", "1", 30.0)]},
            ERROR,
            "sector percentages (vocabulary 1) add up to 90.0, not 100",
        ),
        (
            {"sectors": [("16010", "1", 100.0), ("16", "77", 100.0)]},
            ERROR,
            "sector vocabulary 77 is not in the IATI codelist",
        ),
        (
            {"sectors": [("16099", "1", 100.0)]},
            ERROR,
            "sector 16099 is not in the IATI Sector",
        ),
    ],
    "currency": [
        ({"default_currency": "XYZ"}, ERROR, "default currency XYZ is not in"),
        (
            {"default_currency": "", "budgets": _budget(currency="")},
            ERROR,
            "budget 2026-01-01 to 2026-12-31 has no currency and the activity no "
            "default currency",
        ),
        (
            {"default_currency": "", "transactions": _transaction(currency="")},
            ERROR,
            "transaction of 2026-03-05 has no currency",
        ),
        (
            {"budgets": _budget(currency="FCFA")},
            ERROR,
            "currency FCFA is not in the IATI codelist",
        ),
    ],
    "budget": [
        (
            {"budgets": _budget(end=date(2025, 12, 31))},
            ERROR,
            "ends before it starts",
        ),
        (
            {"budgets": _budget(end=date(2027, 6, 30))},
            ERROR,
            "is longer than one year",
        ),
        (
            {"budgets": _budget(value_date=date(2025, 12, 1))},
            WARNING,
            "the value date 2025-12-01 should be within the budget period",
        ),
        (
            {
                "budgets": _budget()
                + _budget(start=date(2026, 7, 1), end=date(2027, 6, 30))
            },
            ERROR,
            "overlap",
        ),
    ],
    "transaction": [
        (
            {"transactions": _transaction(date=date(2026, 6, 16))},
            ERROR,
            "transaction of 2026-06-16 is dated in the future",
        ),
        (
            {"transactions": _transaction(value_date=date(2026, 7, 1))},
            ERROR,
            "its value date 2026-07-01 is in the future",
        ),
        (
            {"transactions": _transaction(type="14")},
            ERROR,
            "type 14 is not in the IATI codelist",
        ),
    ],
    "document-link": [
        ({"documents": _document(url="report.pdf")}, ERROR, "is not a web address"),
        (
            {"documents": _document(format="pdf")},
            ERROR,
            "format pdf is not in the IATI FileFormat codelist",
        ),
        (
            {"documents": _document(category="Z99")},
            ERROR,
            "category Z99 is not in the IATI DocumentCategory codelist",
        ),
        ({"documents": _document(title="")}, ERROR, "must have a title"),
        (
            {"documents": _document(langs=["fra"])},
            ERROR,
            "language fra is not in the IATI Language codelist",
        ),
    ],
    "result": [
        (
            {"results": [dict(activity()["results"][0], type="4")]},
            ERROR,
            "result Coverage extended: type 4 is not in the codelist",
        ),
        ({"results": _indicator(measure="6")}, ERROR, "measure 6 is not in"),
        (
            {"results": _indicator(baseline=None)},
            WARNING,
            "indicator Members: a quantitative indicator should have a baseline",
        ),
        (
            {"results": _indicator(baseline={"year": 2025, "value": None})},
            ERROR,
            "the baseline must have a value (quantitative measure)",
        ),
        (
            {"results": _period(target=None)},
            ERROR,
            "the period 2026-01-01 to 2026-12-31 target must have a value",
        ),
        (
            {"results": _period(actual=None)},
            ERROR,
            "the period 2026-01-01 to 2026-12-31 actual must have a value",
        ),
        (
            {"results": _indicator(measure="5")},
            WARNING,
            "the baseline should have no value (qualitative measure)",
        ),
        (
            {"results": _period(end=date(2025, 12, 31))},
            ERROR,
            "period 2026-01-01 to 2025-12-31: ends before it starts",
        ),
    ],
}


@tagged("post_install", "-at_install", "ilo_iati_rules")
class TestIatiRules(BaseCase):
    def test_a_valid_activity_passes_every_rule(self):
        data = activity()
        self.assertEqual(check_activity(data), [])
        # and it is a valid 2.03 file
        self.assertEqual(validate_xml(build_activities([data])), [])

    def test_each_rule_broken_once(self):
        for rule, cases in BROKEN.items():
            for changes, level, words in cases:
                with self.subTest(rule=rule, words=words):
                    problems = check_activity(activity(**changes))
                    found = [p for p in problems if words in p[1]]
                    self.assertEqual(len(found), 1, problems)
                    self.assertEqual(found[0][0], level, found)
                    errors = check_rules(activity(**changes))
                    self.assertEqual(words in " ".join(errors), level == ERROR)

    def test_every_problem_of_the_activity_at_once(self):
        changes = {}
        for cases in BROKEN.values():
            for change, _level, _words in cases[:1]:
                changes.update(change)
        problems = check_activity(activity(**changes))
        for rule, cases in BROKEN.items():
            with self.subTest(rule=rule):
                words = cases[0][2]
                self.assertTrue(any(words in text for _l, text in problems), problems)

    def test_a_global_activity_names_its_region(self):
        data = activity(countries=[], regions=[("998", "1", 100.0)])
        self.assertEqual(check_activity(data), [])

    def test_qualitative_indicator_without_values_passes(self):
        period = activity()["results"][0]["indicators"][0]["periods"][0]
        data = activity(
            results=_indicator(
                measure="5",
                baseline={"year": 2025, "value": None, "comment": "weak"},
                periods=[dict(period, target=None, actual=None)],
            )
        )
        self.assertEqual(check_activity(data), [])

    def test_no_default_currency_when_every_value_has_one(self):
        data = activity(default_currency="")
        self.assertEqual(check_activity(data), [])
        self.assertEqual(validate_xml(build_activities([data])), [])

    def test_budget_of_a_leap_year_is_one_year(self):
        data = activity(
            budgets=_budget(
                start=date(2028, 1, 1),
                end=date(2028, 12, 31),
                value_date=date(2028, 1, 1),
            )
        )
        self.assertEqual(check_activity(data), [])

    def test_identifiers_unique_in_the_file(self):
        first, second = activity(), activity()
        third = activity(identifier="XM-DAC-41302-ILOISSA-8")
        self.assertEqual(check_file([first, third]), [])
        problems = check_file([first, third, second])
        self.assertEqual(len(problems), 1, problems)
        index, level, text = problems[0]
        self.assertEqual((index, level), (2, ERROR))
        self.assertIn(
            "XM-DAC-41302-ILOISSA-7 is also the identifier of activity 1", text
        )
