"""ilo import-activities FILE [--skip-invalid] [--dry-run]: missions, trainings, their
participants and deliverables, one row each, in one file (CSV or XLSX). Columns:
kind (mission, training, participant, deliverable), key, project, name, country,
date_start, date_end, modality, deadline, deliverable_type, training_key, gender,
constituent_group, attended, pre_score, post_score. The server reads and judges it
(``ilo.bulk.import``); a failed participant leaves its training unwritten too."""

from . import files

NAME = "import-activities"
HELP = "import missions, trainings, participants, deliverables"
arguments = files.arguments


def run(odoo, args):
    return files.send(odoo, args, "activities")
