"""ilo import-activities FILE [--skip-invalid]: missions, trainings, their
participants and deliverables, one row each, in one file (CSV or XLSX)."""

from . import files, loading

NAME = "import-activities"
HELP = "import missions, trainings, participants, deliverables"

ACTIVITY = {"key": "id", "project": "project_id", "name": "name"}
DATES = {"date_start": "date_start", "date_end": "date_end"}
# kind -> (model, column -> load field); in load order: trainings before participants
KINDS = {
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
}


arguments = files.arguments


def shape(rows):
    """The file's own problems: an unknown kind, a missing or repeated key."""
    problems = {
        line: [f"kind must be one of {', '.join(KINDS)} (got {kind!r})"]
        for line, values in rows
        for kind in [values.get("kind", "").lower()]
        if kind not in KINDS
    }
    return files.check_keys(rows, problems, lambda v: v["kind"].lower())


def run(odoo, args):
    header, rows = files.read_rows(args.file)
    problems = shape(rows)
    present = {v["kind"].lower() for n, v in rows if n not in problems}
    kinds = {
        name: loading.Kind(
            name, model, columns, refs={"training_key": "training"}, upper=("country",)
        ).prepare(odoo, header)
        for name, (model, columns) in KINDS.items()
        if name in present
    }
    order = list(KINDS)
    loaded = [
        kinds[kind].row(line, values, order.index(kind))
        for line, values in rows
        if line not in problems
        for kind in [values["kind"].lower()]
    ]
    trainings = {r.source["key"]: r for r in loaded if r.kind.name == "training"}

    def needs(chunk):
        """The file's trainings that the chunk's participants belong to, when they are
        not in the chunk: the dry run loads them first."""
        inside = {r.source["key"] for r in chunk if r.kind.name == "training"}
        wanted = {r.source.get("training_key") for r in chunk} - inside
        return [trainings[key] for key in sorted(wanted & set(trainings))]

    done = loading.run(
        odoo, args.file, loaded, len(rows), problems, args.skip_invalid, needs
    )
    if done is None:
        return 1
    print(f"{done[0]} row(s) imported (created or updated); {done[1]} skipped.")
    return 0
