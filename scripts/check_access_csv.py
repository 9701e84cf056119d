"""Check ir.model.access.csv files: the header, eight columns a row, unique ids."""

import csv
import sys

HEADER = [
    "id",
    "name",
    "model_id:id",
    "group_id:id",
    "perm_read",
    "perm_write",
    "perm_create",
    "perm_unlink",
]


def check(path):
    errors = []
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0] != HEADER:
        errors.append(f"{path}: header must be {','.join(HEADER)}")
    seen = set()
    for n, row in enumerate(rows[1:], start=2):
        if len(row) != len(HEADER):
            errors.append(f"{path}:{n}: {len(row)} columns instead of {len(HEADER)}")
            continue
        if row[0] in seen:
            errors.append(f"{path}:{n}: duplicate id {row[0]}")
        seen.add(row[0])
        if any(v not in ("0", "1") for v in row[4:]):
            errors.append(f"{path}:{n}: permissions must be 0 or 1")
    return errors


if __name__ == "__main__":
    problems = [e for p in sys.argv[1:] for e in check(p)]
    print("\n".join(problems))
    sys.exit(1 if problems else 0)
