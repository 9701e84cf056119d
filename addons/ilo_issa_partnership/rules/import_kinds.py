# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The files of the bulk imports (``ilo.bulk.import.import_file``, the command
line's ``import-activities`` and ``import-budget``): which column feeds which field
of which model, and the file's own shape (a known kind, a key on every row, unique
in the file). Plain Python, no ORM; problems are English ``(code, params)``."""

PREFIX = "ilo_cli"
ACTIVITY = {"key": "id", "project": "project_id", "name": "name"}
DATES = {"date_start": "date_start", "date_end": "date_end"}

# file kind -> row kind -> (model, column -> load field); in load order
FILES = {
    "activities": {
        "mission": (
            "ilo.advisory.mission",
            ACTIVITY | {"country": "country_id"} | DATES,
        ),
        "training": (
            "ilo.training",
            ACTIVITY | {"country": "country_id"} | DATES | {"modality": "modality"},
        ),
        "deliverable": (
            "ilo.deliverable",
            ACTIVITY
            | {"deliverable_type": "deliverable_type", "deadline": "date_deadline"},
        ),
        "participant": (
            "ilo.training.participant",
            {
                "key": "id",
                "training_key": "training_id/id",
                "name": "name",
                "gender": "gender",
                "constituent_group": "constituent_group",
                "attended": "attended",
                "pre_score": "pre_score",
                "post_score": "post_score",
            },
        ),
    },
    "budget": {
        "budget": (
            "ilo.budget.line",
            {
                "key": "id",
                "project": "project_id",
                "funding_source": "funding_source_id",  # its code (or name)
                "category": "category",
                "date_from": "date_from",
                "date_to": "date_to",
                "amount_planned": "amount_planned",
                "amount_committed": "amount_committed",
                "mission_key": "mission_id/id",  # a mission of import-activities
            },
        ),
    },
}
# columns naming another row of the same or an earlier file by its key
REFS = {"training_key": "training", "mission_key": "mission"}


def external_id(kind, key):
    """The external id of a row's record: a re-import updates it."""
    return f"{PREFIX}.{kind}_{key}"


def row_kind(file_kind, values):
    """The row kind of a row (its ``kind`` column when the file mixes several)."""
    kinds = FILES[file_kind]
    if len(kinds) == 1:
        return next(iter(kinds))
    return (values.get("kind") or "").strip().lower()


def shape(file_kind, rows):
    """``{line: [(code, params)]}``: unknown kinds, missing or repeated keys
    (``rows``: ``[(line, {column: text})]``)."""
    kinds = FILES[file_kind]
    problems, seen = {}, {}
    for line, values in rows:
        kind = row_kind(file_kind, values)
        key = (values.get("key") or "").strip()
        if kind not in kinds:
            problems[line] = [("kind", {"kinds": ", ".join(kinds), "kind": kind})]
        elif not key:
            problems[line] = [("key_required", {})]
        elif (kind, key) in seen:
            problems[line] = [("key_twice", {"key": key, "line": seen[kind, key]})]
        else:
            seen[kind, key] = line
    return problems
