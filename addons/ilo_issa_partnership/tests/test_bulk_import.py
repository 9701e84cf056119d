# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""ilo.bulk.import, the command-line tool's import: Odoo's load() over several models
in one transaction, a dry run that writes nothing, and every bad row named alone."""

from odoo.tests import tagged

from .common import PartnershipCommon

TRAINING = ["id", "project_id", "name"]
PARTICIPANT = ["id", "training_id/id", "name", "pre_score"]


@tagged("post_install", "-at_install")
class TestBulkImport(PartnershipCommon):
    def _load(self, participants, dryrun=False):
        training = [["ilo_test.t1", self.project_training.name, "Bulk course"]]
        return self.env["ilo.bulk.import"].load_batches(
            [
                ["ilo.training", TRAINING, training],
                ["ilo.training.participant", PARTICIPANT, participants],
            ],
            dryrun=dryrun,
        )

    def _ref(self, xmlid):
        return self.env.ref(xmlid, raise_if_not_found=False)

    def test_dry_run_checks_rows_that_refer_to_each_other_and_writes_nothing(self):
        participants = [["ilo_test.p1", "ilo_test.t1", "Awa Ndiaye", "40"]]
        self.assertEqual(self._load(participants, dryrun=True), [[], []])
        self.assertFalse(self._ref("ilo_test.t1"))
        self.assertFalse(self._ref("ilo_test.p1"))
        self.assertEqual(self._load(participants), [[], []])
        self.assertEqual(self._ref("ilo_test.p1").training_id, self._ref("ilo_test.t1"))
        self.assertEqual(self._ref("ilo_test.p1").pre_score, 40)

    def test_every_bad_row_is_named_and_no_good_row(self):
        """load() alone blames the batch's first row for another row's error (its
        batch-wide message): the good first row must not be reported."""
        scores = ["40", "120", "50", "-1"]
        participants = [
            [f"ilo_test.p{i}", "ilo_test.t1", f"Participant {i}", score]
            for i, score in enumerate(scores)
        ]
        training_messages, messages = self._load(participants)
        self.assertEqual(training_messages, [])
        self.assertEqual([m["rows"]["from"] for m in messages], [1, 3])
        self.assertTrue(all(m["type"] == "error" for m in messages))
        self.assertRegex(messages[0]["message"], "^Participant 1: .* between 0 and 100")
        self.assertRegex(messages[1]["message"], "^Participant 3: .* between 0 and 100")
        # one bad row: nothing is kept, the training of the first batch neither
        self.assertFalse(self._ref("ilo_test.t1"))
        self.assertFalse(self._ref("ilo_test.p0"))

    def test_funding_source_found_by_code(self):
        found = self.env["ilo.funding.source"].name_search(
            self.funding_source.code, operator="="
        )
        self.assertEqual([i for i, _name in found], self.funding_source.ids)
