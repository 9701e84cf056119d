"""Benchmark: bulk creation over XML-RPC (the standard library's client), 10,000
advisory missions against 10,000 plain project.task in the same run. Goal: missions at
>= 0.8x the task rate. Needs a running server: ILO_URL, ILO_DB, ILO_LOGIN, ILO_PASSWORD.
The records it creates are deleted at the end (and those a stopped run left behind, at
the start): the database is the same after every run.
"""

import os
import sys
import time
from xmlrpc.client import ServerProxy

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
BATCH = 500


def main():
    url, db = os.environ["ILO_URL"], os.environ["ILO_DB"]
    login, password = os.environ["ILO_LOGIN"], os.environ["ILO_PASSWORD"]
    uid = ServerProxy(f"{url}/xmlrpc/2/common").authenticate(db, login, password, {})
    models = ServerProxy(f"{url}/xmlrpc/2/object", allow_none=True)

    def call(model, method, *args):
        return models.execute_kw(db, uid, password, model, method, list(args))

    project = call("project.project", "search", [("is_partnership", "=", True)], 0, 1)[
        0
    ]
    country = call("res.country", "search", [("code", "=", "SN")])[0]

    def clean():
        for model, prefix in (
            ("project.task", "bulk task "),
            ("ilo.advisory.mission", "bulk mission "),
        ):
            ids = models.execute_kw(
                db,
                uid,
                password,
                model,
                "search",
                [[("name", "=like", f"{prefix}%"), ("active", "in", [True, False])]],
            )
            for first in range(0, len(ids), BATCH):
                call(model, "unlink", ids[first : first + BATCH])

    def bulk(model, make):
        start = time.perf_counter()
        for first in range(0, COUNT, BATCH):
            call(
                model,
                "create",
                [make(i) for i in range(first, min(first + BATCH, COUNT))],
            )
        return COUNT / (time.perf_counter() - start)

    clean()
    try:
        tasks = bulk(
            "project.task", lambda i: {"name": f"bulk task {i}", "project_id": project}
        )
        missions = bulk(
            "ilo.advisory.mission",
            lambda i: {
                "name": f"bulk mission {i}",
                "project_id": project,
                "country_id": country,
                "date_start": "2033-01-01",
                "date_end": "2033-01-05",
            },
        )
    finally:
        clean()
    print(
        f"XML-RPC bulk create ({COUNT} each, batches of {BATCH}): project.task "
        f"{tasks:.0f}/s, ilo.advisory.mission {missions:.0f}/s, ratio "
        f"{missions / tasks:.2f} (goal >= 0.8)"
    )
    return 0 if missions / tasks >= 0.8 else 1


if __name__ == "__main__":
    sys.exit(main())
