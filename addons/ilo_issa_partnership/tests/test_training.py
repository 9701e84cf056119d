# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import PartnershipCommon


@tagged("post_install", "-at_install")
class TestTraining(PartnershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.training = cls.env["ilo.training"].create(
            {
                "name": "Contribution collection and compliance",
                "project_id": cls.project_training.id,
                "date_start": "2030-06-18",
                "date_end": "2030-06-22",
            }
        )

    def _add(self, **vals):
        return self.env["ilo.training.participant"].create(
            {"training_id": self.training.id, "name": "P", **vals}
        )

    def assertFigures(self, **expected):
        for field, value in expected.items():
            self.assertAlmostEqual(self.training[field], value, places=6, msg=field)

    def test_no_participants(self):
        self.assertFigures(
            participant_count=0,
            attended_count=0,
            attendance_rate=0,
            female_share=0,
            average_score_gain=0,
            scored_count=0,
            is_tripartite=False,
        )

    def test_nobody_attended(self):
        self._add(gender="female", attended=False)
        self._add(gender="male", attended=False, constituent_group="government")
        self.assertFigures(
            participant_count=2,
            attended_count=0,
            attendance_rate=0,
            female_share=0,
            average_score_gain=0,
            is_tripartite=False,
        )

    def test_figures(self):
        self._add(
            gender="female", constituent_group="government", pre_score=40, post_score=70
        )
        self._add(
            gender="male", constituent_group="employer", pre_score=50, post_score=60
        )
        self._add(
            gender="undisclosed",
            constituent_group="worker",
            pre_score=20,
            post_score=80,
        )
        self._add(gender="other", constituent_group="other")  # no scores
        self._add(gender="female", attended=False, pre_score=10, post_score=90)
        self.assertFigures(
            participant_count=5,
            attended_count=4,
            attendance_rate=80.0,
            # women among attended with a known gender: 1 of 3 (undisclosed left out)
            female_share=100.0 / 3,
            # (30 + 10 + 60) / 3: the absent one and the untested one do not count
            average_score_gain=100.0 / 3,
            is_tripartite=True,
        )

    def test_missing_scores(self):
        tested = self._add(gender="female", pre_score=40, post_score=70)
        self.assertTrue(tested.scores_recorded)
        untested = self._add(gender="female")
        self.assertFalse(untested.scores_recorded)
        self.assertFigures(average_score_gain=30.0)
        # a zero pre-test counts once the tests are recorded
        self._add(gender="male", scores_recorded=True, pre_score=0, post_score=50)
        self.assertFigures(average_score_gain=40.0)
        # a score can go down
        self._add(gender="male", pre_score=60, post_score=40)
        self.assertFigures(average_score_gain=20.0)

    def test_tripartite_needs_all_three_attended(self):
        self._add(constituent_group="government")
        self._add(constituent_group="employer")
        worker = self._add(constituent_group="worker", attended=False)
        self.assertFalse(self.training.is_tripartite)
        worker.attended = True
        self.assertTrue(self.training.is_tripartite)
        worker.constituent_group = "social_security_institution"
        self.assertFalse(self.training.is_tripartite)

    def test_constituent_group_from_institution(self):
        participant = self._add(institution_id=self.institution.id)
        self.assertEqual(participant.constituent_group, "social_security_institution")

    def test_scores_validated(self):
        for bad in (-1, 100.5, 250):
            with (
                self.subTest(score=bad),
                self.assertRaisesMsg(ValidationError, "between 0 and 100"),
            ):
                self._add(pre_score=bad)
        self._add(pre_score=0, post_score=100)

    def test_certificate_only_for_attended(self):
        with self.assertRaisesMsg(ValidationError, "no certificate"):
            self._add(attended=False, certificate_issued=True)
        participant = self._add(certificate_issued=True)
        with self.assertRaises(ValidationError):
            participant.attended = False

    def test_workflow(self):
        training = self.training
        with self.assertRaises(UserError):
            training.action_done()
        training.action_start()
        training.action_done()
        self.assertEqual(training.state, "done")
        with self.assertRaises(UserError):
            training.action_cancel()

    def test_dates(self):
        with self.assertRaises(ValidationError):
            self.training.date_end = "2030-06-01"

    def test_import_participants_from_spreadsheet(self):
        csv = (
            "Training,Name,Institution,Constituent group,Gender,Attended,"
            "Pre score,Post score\n"
            f"{self.training.name},Awa Ndiaye,{self.institution.name},"
            "Government,Female,1,45,75\n"
            f"{self.training.name},Moussa Fall,,Employers' organisation,Male,1,,\n"
            f"{self.training.name},Ana Lima,,Workers' organisation,Female,0,,\n"
        )
        importer = self.env["base_import.import"].create(
            {
                "res_model": "ilo.training.participant",
                "file": csv.encode(),
                "file_type": "text/csv",
                "file_name": "participants.csv",
            }
        )
        fields = [
            "training_id",
            "name",
            "institution_id",
            "constituent_group",
            "gender",
            "attended",
            "pre_score",
            "post_score",
        ]
        result = importer.execute_import(
            fields,
            fields,
            {
                "has_headers": True,
                "quoting": '"',
                "separator": ",",
                "encoding": "utf-8",
            },
        )
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual(len(result["ids"]), 3)
        self.assertFigures(participant_count=3, attended_count=2, female_share=50.0)
        awa = self.training.participant_ids.filtered(lambda p: p.name == "Awa Ndiaye")
        self.assertEqual(awa.institution_id, self.institution)
        self.assertTrue(awa.scores_recorded)
        self.assertFigures(average_score_gain=30.0, is_tripartite=False)

    def test_import_reports_bad_rows(self):
        csv = f"Training,Name,Gender\n{self.training.name},X,Nonbinary-typo\n"
        importer = self.env["base_import.import"].create(
            {
                "res_model": "ilo.training.participant",
                "file": csv.encode(),
                "file_type": "text/csv",
                "file_name": "bad.csv",
            }
        )
        result = importer.execute_import(
            ["training_id", "name", "gender"],
            ["Training", "Name", "Gender"],
            {
                "has_headers": True,
                "quoting": '"',
                "separator": ",",
                "encoding": "utf-8",
            },
        )
        self.assertEqual([m["type"] for m in result["messages"]], ["error"], result)
        self.env.invalidate_all()
        self.assertFalse(self.training.participant_ids)
