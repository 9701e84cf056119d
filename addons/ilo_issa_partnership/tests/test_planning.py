# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Planning missions: DSA rates and the cost estimate, the destination's public
holidays, team conflicts, the budget proposal, the checklist and the team calendar."""

import base64
import io
from datetime import date, timedelta
from pathlib import Path

import openpyxl

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from ..rules import dsa
from .common import PartnershipCommon


@tagged("post_install", "-at_install")
class TestDsaRules(PartnershipCommon):
    def test_parse_rate_and_day(self):
        for text, number in (
            ("250", 250.0),
            (" 1,234.50 ", 1234.5),
            ("1 234,5", 1234.5),
            ("1.234,50", 1234.5),
            ("99,9", 99.9),
            (12, 12.0),
            (12.5, 12.5),
        ):
            self.assertEqual(dsa.parse_rate(text), number, text)
        for text in ("", None, "abc", "-5", -5, "1,2,3", True):
            self.assertIsNone(dsa.parse_rate(text), text)
        for text in (
            "2027-01-31",
            "31/01/2027",
            "31.01.2027",
            "31-Jan-2027",
            "31-Jan-27",
        ):
            self.assertEqual(dsa.parse_day(text), date(2027, 1, 31), text)
        self.assertIsNone(dsa.parse_day("31/31/2027"))
        self.assertIsNone(dsa.parse_day(None))

    def test_parse_file(self):
        data = (
            "Country;Location;DSA rate;Currency;Effective date\n"
            "Senegal;Dakar;250;usd;01/01/2027\n"
            "SN;;180;USD;2027-01-01\n"
            "Ghana;;abc;USD;2027-01-01\n"
            ";;100;;\n"
        ).encode("cp1252")
        rows, errors = dsa.parse_file(data, "dsa.csv")
        self.assertEqual(
            [
                (r["line"], r["country"], r["city"], r["rate"], r["currency"])
                for r in rows
            ],
            [(2, "Senegal", "Dakar", 250.0, "USD"), (3, "SN", "", 180.0, "USD")],
        )
        self.assertEqual(
            errors,
            [
                (4, "rate", "abc"),
                (5, "country", ""),
                (5, "currency", ""),
                (5, "valid_from", ""),
            ],
        )
        self.assertEqual(
            dsa.parse_file(b"Country;Rate\nSN;1\n", "x.csv"),
            ([], [(1, "missing_columns", ["currency", "valid_from"])]),
        )
        self.assertEqual(dsa.parse_file(b"", "x.csv"), ([], [(1, "empty", "")]))
        self.assertEqual(
            dsa.parse_file(b"country,rate,currency,valid from\n", "x.csv"),
            ([], [(1, "empty", "")]),
        )


@tagged("post_install", "-at_install")
class TestMissionPlanning(PartnershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.usd = cls.env.company.currency_id
        Rate = cls.env["ilo.dsa.rate"]
        cls.rate_old = Rate.create(
            {
                "country_id": cls.country.id,
                "rate": 150,
                "date_from": "2029-01-01",
                "currency_id": cls.usd.id,
            }
        )
        cls.rate_country = Rate.create(
            {
                "country_id": cls.country.id,
                "rate": 200,
                "date_from": "2030-01-01",
                "currency_id": cls.usd.id,
            }
        )
        cls.rate_dakar = Rate.create(
            {
                "country_id": cls.country.id,
                "city": "Dakar",
                "rate": 300,
                "date_from": "2030-01-01",
                "currency_id": cls.usd.id,
            }
        )
        cls.ana = cls.users["officer"]
        cls.ben = cls.users["reader"]

    def _mission(self, **vals):
        return (
            self.env["ilo.advisory.mission"]
            .with_user(self.users["officer"])
            .create(
                self._mission_vals(
                    member_ids=[(6, 0, (self.ana | self.ben).ids)], **vals
                )
            )
        )

    # ---------------------------------------------------------------- estimate
    def test_estimate_from_the_rate_valid_at_departure(self):
        mission = self._mission(ticket_estimate=1200, terminal_expenses=76)
        # 2030-03-02 -> 2030-03-06: 4 nights x 200 x 2 members + 76 + 1200
        self.assertEqual(mission.dsa_rate_id, self.rate_country)
        self.assertEqual(mission.estimate_nights, 4)
        self.assertEqual(mission.estimate_amount, 4 * 200 * 2 + 76 + 1200)
        self.assertEqual(mission.estimate_currency_id, self.usd)
        self.assertEqual(mission.estimate_amount_company, mission.estimate_amount)
        # the city's rate wins
        mission.dsa_city = "dakar"
        self.assertEqual(mission.dsa_rate_id, self.rate_dakar)
        self.assertEqual(mission.estimate_amount, 4 * 300 * 2 + 76 + 1200)
        # an earlier departure: the rate valid then
        mission.write(
            {"date_start": "2029-12-28", "date_end": "2030-01-04", "dsa_city": False}
        )
        self.assertEqual(mission.dsa_rate_id, self.rate_old)
        self.assertEqual(mission.estimate_amount, 7 * 150 * 2 + 76 + 1200)
        # no rate yet: tickets and terminal expenses only, and said so
        mission.write({"date_start": "2028-06-01", "date_end": "2028-06-03"})
        self.assertFalse(mission.dsa_rate_id)
        self.assertEqual(mission.estimate_amount, 1276)
        self.assertEqual(mission.estimate_nights, 2)  # counted all the same
        self.assertIn("No daily subsistence allowance rate", mission.estimate_note)
        with self.assertRaisesMsg(ValidationError, "cannot be negative"):
            mission.ticket_estimate = -1

    def test_estimate_converted_at_the_departure_date(self):
        chf = self._chf_at(("2030-01-01", 0.5), ("2030-03-01", 0.8))
        self.env["ilo.dsa.rate"].create(
            {
                "country_id": self.env.ref("base.ch").id,
                "rate": 400,
                "date_from": "2030-01-01",
                "currency_id": chf.id,
            }
        )
        mission = self._mission(country_id=self.env.ref("base.ch").id)
        self.assertEqual(mission.estimate_currency_id, chf)
        self.assertEqual(mission.estimate_amount, 4 * 400 * 2)
        # 0.8 CHF per USD on 2030-03-01
        self.assertAlmostEqual(mission.estimate_amount_company, 3200 / 0.8, places=2)

    # ---------------------------------------------------------------- holidays
    def test_holiday_warning(self):
        # Senegal's Independence Day is 4 April
        mission = self._mission(date_start="2030-04-03", date_end="2030-04-05")
        self.assertIn("Independence Day", mission.holiday_warning)
        self.assertIn("Senegal", mission.holiday_warning)
        mission.date_start = mission.date_end = "2030-04-05"
        self.assertFalse(mission.holiday_warning)
        # a country without a holiday calendar: no warning (nothing to check against)
        nowhere = self.env["res.country"].create({"name": "Nowhere", "code": "QZ"})
        mission.write({"country_id": nowhere.id, "date_start": "2030-01-01"})
        self.assertFalse(mission.holiday_warning)
        # the form shows it while planning (non-blocking)
        with Form(self.env["ilo.advisory.mission"].with_user(self.ana)) as form:
            form.name = "Holiday mission"
            form.project_id = self.project
            form.country_id = self.country
            form.date_start = date(2030, 4, 1)
            form.date_end = date(2030, 4, 10)
            self.assertIn("Independence Day", form.holiday_warning)

    # ---------------------------------------------------------------- conflicts
    def test_conflict_with_a_training(self):
        mission = self._mission()
        self.assertFalse(mission.has_conflict)
        training = self.env["ilo.training"].create(
            {
                "name": "Actuarial course",
                "project_id": self.project_training.id,
                "user_id": self.ben.id,
                "date_start": "2030-03-06",
                "date_end": "2030-03-08",
            }
        )
        mission.invalidate_recordset()
        self.assertTrue(mission.has_conflict)
        self.assertIn("Actuarial course", mission.conflict_warning)
        self.assertIn(self.ben.name, mission.conflict_warning)
        Mission = self.env["ilo.advisory.mission"]
        self.assertIn(mission, Mission.search([("has_conflict", "=", True)]))
        self.assertNotIn(mission, Mission.search([("has_conflict", "=", False)]))
        slots = self.env["ilo.planning.slot"].search(
            [("user_id", "=", self.ben.id), ("has_conflict", "=", True)]
        )
        self.assertEqual(slots.mission_id, mission)
        self.assertEqual(slots.training_id, training)
        # Ana (not on the training) has no conflict
        self.assertFalse(
            self.env["ilo.planning.slot"].search(
                [("user_id", "=", self.ana.id), ("has_conflict", "=", True)]
            )
        )
        # a cancelled training is no conflict
        training.action_cancel()
        mission.invalidate_recordset()
        self.assertFalse(mission.has_conflict)
        self.assertFalse(mission.conflict_warning)

    # ---------------------------------------------------------------- workflow
    def test_submit_proposes_approval_commits_checklist_calendar(self):
        chf = self._chf_at(("2030-01-01", 0.5))
        source = self._funding_source("RB-CHF", currency=chf)
        mission = self._mission(funding_source_id=source.id, ticket_estimate=400)
        mission.action_submit()
        line = mission.budget_line_ids
        self.assertEqual(line.mission_proposal, "proposed")
        self.assertEqual(line.category, "travel")
        self.assertEqual(line.currency_id, chf)
        # 4 x 200 x 2 + 400 = 2000 USD = 1000 CHF; nothing planned yet
        self.assertAlmostEqual(line.amount_proposed, 1000, places=2)
        self.assertEqual(line.amount_planned, 0)
        # finance confirms (and may correct the amount first)
        finance_line = line.with_user(self.users["finance"])
        with self.assertRaises(AccessError):
            line.with_user(self.users["officer"]).action_confirm_proposal()
        finance_line.action_confirm_proposal()
        self.assertEqual(line.mission_proposal, "confirmed")
        self.assertAlmostEqual(line.amount_planned, 1000, places=2)
        finance_line.amount_planned = 900
        mission.with_user(self.users["manager"]).action_approve()
        self.assertEqual(line.mission_proposal, "committed")
        self.assertEqual(line.amount_planned, 900)
        # the checklist, due before departure, for the responsible officer
        activities = mission.activity_ids.filtered(lambda a: a.user_id == self.ana)
        due = {a.summary: a.date_deadline for a in activities}
        departure = date(2030, 3, 2)
        self.assertEqual(due["Security clearance"], departure - timedelta(days=14))
        self.assertEqual(due["Visa"], departure - timedelta(days=21))
        self.assertEqual(due["Travel booked"], departure - timedelta(days=10))
        self.assertEqual(
            due["Terms of reference sent to the counterpart"],
            departure - timedelta(days=7),
        )
        self.assertEqual(due["Back-to-office report"], date(2030, 3, 20))
        self.assertEqual(mission.report_due_date, date(2030, 3, 20))
        # the team's calendar
        event = mission.calendar_event_id
        self.assertTrue(event.allday)
        self.assertEqual(event.partner_ids, (self.ana | self.ben).partner_id)
        self.assertEqual(
            (event.start_date, event.stop_date), (departure, date(2030, 3, 6))
        )
        self.assertEqual((event.res_model, event.res_id), (mission._name, mission.id))
        # moved with the mission, with its team
        mission.write(
            {
                "date_start": "2030-03-03",
                "date_end": "2030-03-09",
                "member_ids": [(3, self.ben.id)],
            }
        )
        self.assertEqual(
            (event.start_date, event.stop_date), (date(2030, 3, 3), date(2030, 3, 9))
        )
        self.assertEqual(event.partner_ids, self.ana.partner_id)
        # removed when it is cancelled
        mission.action_cancel()
        self.assertFalse(event.exists())
        self.assertFalse(mission.calendar_event_id)

    def test_approval_commits_an_unconfirmed_proposal(self):
        mission = self._mission(funding_source_id=self.funding_source.id)
        mission.action_submit()
        self.assertFalse(mission.workflow_hint and "no budget" in mission.workflow_hint)
        mission.with_user(self.users["manager"]).action_approve()
        line = mission.budget_line_ids
        self.assertEqual(line.mission_proposal, "committed")
        self.assertEqual(line.amount_planned, 1600)
        # refused and resubmitted: the proposal is updated, not duplicated
        other = self._mission(
            funding_source_id=self.funding_source.id,
            date_start="2030-05-02",
            date_end="2030-05-04",
        )
        other.action_submit()
        other.with_user(self.users["manager"]).action_refuse()
        other.ticket_estimate = 100
        other.action_submit()
        self.assertEqual(len(other.budget_line_ids), 1)
        self.assertEqual(other.budget_line_ids.amount_proposed, 2 * 200 * 2 + 100)

    def test_without_funding_source_no_proposal(self):
        mission = self._mission()
        mission.action_submit()
        self.assertFalse(mission.budget_line_ids)
        with self.assertRaisesMsg(UserError, "without a budget"):
            mission.with_user(self.users["manager"]).action_approve()

    def test_overdue_report_feeds_the_project_status(self):
        today = fields.Date.context_today(self.env["ilo.advisory.mission"])
        back = today - timedelta(days=15)
        mission = self._mission(
            funding_source_id=self.funding_source.id,
            date_start=back - timedelta(days=2),
            date_end=back,
            ticket_estimate=500,
        )
        mission.action_submit()
        mission.with_user(self.users["manager"]).action_approve()
        self.assertLess(mission.report_due_date, today)
        self.assertIn(
            mission,
            self.env["ilo.advisory.mission"].search(
                [
                    ("report_due_date", "<", today),
                    ("state", "in", ("approved", "ongoing")),
                ]
            ),
        )
        self.project.invalidate_recordset()
        self.assertIn("mission report", self.project.ilo_status_reasons)


@tagged("post_install", "-at_install")
class TestDsaRates(PartnershipCommon):
    def _import(self, data, filename, user="finance"):
        return (
            self.env["ilo.dsa.rate.import"]
            .with_user(self.users[user])
            .create({"file": base64.b64encode(data), "filename": filename})
        )

    def test_access(self):
        vals = {"country_id": self.country.id, "rate": 1, "date_from": "2030-01-01"}
        Rate = self.env["ilo.dsa.rate"]
        with self.assertRaises(AccessError):
            Rate.with_user(self.users["officer"]).create(vals)
        rate = Rate.with_user(self.users["finance"]).create(vals)
        self.assertEqual(rate.with_user(self.users["reader"]).rate, 1)
        with self.assertRaisesMsg(ValidationError, "already has a rate"):
            Rate.with_user(self.users["manager"]).create(vals)
        with self.assertRaises(AccessError):
            self._import(b"", "x.csv", user="officer")

    def test_import_csv_all_or_nothing_and_update(self):
        data = (
            b"Country,Location,Rate,Currency,Valid from\n"
            b"Senegal,Dakar,250,USD,01/01/2031\n"
            b'SN,,"1,180.5",USD,2031-01-01\n'
        )
        action = self._import(data, "dsa.csv").action_import()
        rates = self.env["ilo.dsa.rate"].search(action["domain"])
        self.assertEqual(
            sorted((r.city or "", r.rate) for r in rates),
            [("", 1180.5), ("Dakar", 250)],
        )
        # again, with a new rate for Dakar: updated, not duplicated
        self._import(data.replace(b"250", b"260"), "dsa.csv").action_import()
        self.assertEqual(rates.filtered("city").rate, 260)
        self.assertEqual(
            self.env["ilo.dsa.rate"].search_count([("date_from", "=", "2031-01-01")]), 2
        )
        # a bad row: nothing imported, every problem named with its line
        bad = data + b"Atlantis,,100,USD,2031-01-01\nGhana,,100,XXX,2031-01-01\n"
        bad = bad.replace(b"Dakar,250", b"Thies,250")
        with self.assertRaisesMsg(
            UserError, r"(?s)Line 4: unknown.*country.*Line 5: unknown.*currency"
        ):
            self._import(bad, "dsa.csv").action_import()
        self.assertFalse(self.env["ilo.dsa.rate"].search([("city", "=", "Thies")]))

    def test_bad_dates_named_with_line_and_hint(self):
        """A bad 'valid from' date: its line, what was read, what to write."""
        data = (Path(__file__).parent / "fixtures" / "dsa_bad_dates.csv").read_bytes()
        with self.assertRaises(UserError) as caught:
            self._import(data, "dsa.csv").action_import()
        message = str(caught.exception)
        self.assertIn(
            "Line 2: '31/02/2031': no such day (read as day 31, month 2, year 2031",
            message,
        )
        self.assertIn("write e.g. 2031-02-28", message)
        self.assertIn(
            "Line 3: '1/13/2031': no month 13 (read as day 1, month 13, year 2031)",
            message,
        )
        self.assertIn("month/day/year, it means 2031-01-13", message)
        self.assertNotIn("Line 4", message)
        self.assertFalse(
            self.env["ilo.dsa.rate"].search([("city", "=", "Saint-Louis")])
        )

    def test_import_english_names_for_a_french_user(self):
        """The UN's circulars name countries in English: a French user's import
        finds them, and the French names too."""
        self.env["res.lang"]._activate_lang("fr_FR")
        senegal = self.env.ref("base.sn")
        senegal.with_context(lang="fr_FR").name = "Sénégal"
        self.users["finance"].lang = "fr_FR"
        data = (
            "Country;Location;Rate;Currency;Valid from\n"
            "Senegal;Dakar;250;USD;01/01/2032\n"
            "Sénégal;Thiès;150;USD;01/01/2032\n"
        ).encode("cp1252")
        action = self._import(data, "dsa.csv").action_import()
        rates = self.env["ilo.dsa.rate"].search(action["domain"])
        self.assertEqual(rates.country_id, senegal)
        self.assertEqual(len(rates), 2)

    def test_import_xlsx(self):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["Country", "Location", "DSA", "Currency", "Effective date"])
        sheet.append(["Ghana", "Accra", 310, "USD", date(2031, 2, 1)])
        stream = io.BytesIO()
        book.save(stream)
        action = self._import(stream.getvalue(), "dsa.xlsx").action_import()
        rate = self.env["ilo.dsa.rate"].search(action["domain"])
        self.assertEqual(
            (rate.country_id, rate.city, rate.rate, rate.date_from),
            (self.env.ref("base.gh"), "Accra", 310, date(2031, 2, 1)),
        )
        with self.assertRaisesMsg(UserError, "columns missing"):
            self._import(b"a;b\n1;2\n", "x.csv").action_import()
