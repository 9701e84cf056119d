"""Summarise a load-test run (tests/load/run.sh) as Markdown; exit 1 on any failure.

Usage: python3 summarize.py RUN_DIR
RUN_DIR holds conditions and one folder per scenario (1w, nw, replica) with
locust's CSV statistics (locust_stats.csv), the Odoo settings used (settings),
PostgreSQL counters before and after (pg-before, pg-after: transactions and rows
read, per cluster) and the Odoo request log lines of the measured run
(odoo-requests.log). Standard library only.
"""

import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

TITLES = {
    "1w": "1 worker",
    "nw": "{n} workers",
    "replica": "{n} workers + replica",
    "replica-async": "{n} workers + async replica",
}
# Odoo's request line:
#   ... "POST /path HTTP/1.1" 200 - <queries> <sql s> <other s> [mode]
# (the cursor mode ro / rw / ro->rw is logged when db_replica_host is set)
REQUEST_RE = re.compile(
    r'"(?P<verb>[A-Z]+) (?P<path>[^ ?"]+)[^"]*" (?P<status>\d{3}) \S+'
    r"(?: (?P<queries>\d+) (?P<sql>[\d.]+) (?P<other>[\d.]+))?"
    r"(?: (?P<mode>ro->rw|ro|rw|-))?\s*$"
)


def route(path):
    parts = path.strip("/").split("/")
    if (
        path.startswith(("/web/dataset/call_kw/", "/web/dataset/call_button/"))
        and len(parts) >= 5
    ):
        return f"{parts[2]} {parts[3]}.{parts[4]}"
    if path.startswith("/report/pdf/"):
        return "/report/pdf/" + parts[2] + "/<ids>"
    if path.startswith("/web/assets/"):
        return "/web/assets/… (report CSS, fetched by wkhtmltopdf)"
    return path


def settings(folder):
    values = {}
    path = folder / "settings"
    if path.exists():
        for line in path.read_text().splitlines():
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values


def title(name, folder):
    return TITLES.get(name, name).format(n=settings(folder).get("workers", "N"))


def read_stats(path):
    if not path.exists():
        return []
    with path.open(newline="") as handle:
        return list(csv.DictReader(handle))


def pg_counters(path):
    counters = {}
    if path.exists():
        for line in path.read_text().split("\n"):
            fields = line.split()
            if len(fields) == 3:
                counters[fields[0]] = (int(fields[1]), int(fields[2]))
    return counters


def ms(value):
    return f"{float(value):,.0f}" if value not in ("", "N/A", None) else "–"


def main(run_dir):
    run = Path(run_dir)
    scenarios = [p for p in (run / n for n in TITLES) if p.is_dir()]
    out = []
    failures = 0
    if (run / "conditions").exists():
        out += ["```", (run / "conditions").read_text().strip(), "```", ""]

    out += [
        "| run | journey | journeys/s | p50 ms | p95 ms | failed |",
        "|---|---|--:|--:|--:|--:|",
    ]
    totals = []
    for folder in scenarios:
        rows = read_stats(folder / "locust_stats.csv")
        for row in rows:
            if row["Type"] == "JOURNEY":
                failed = f"{row['Failure Count']}/{row['Request Count']}"
                out.append(
                    f"| {title(folder.name, folder)} | {row['Name']} | "
                    f"{float(row['Requests/s']):.2f} | {ms(row['50%'])} | "
                    f"{ms(row['95%'])} | {failed} |"
                )
        total = next((r for r in rows if r["Name"] == "Aggregated"), None)
        warm = next(
            (
                r
                for r in read_stats(folder / "warmup" / "locust_stats.csv")
                if r["Name"] == "Aggregated"
            ),
            None,
        )
        failed = int(total["Failure Count"]) if total else 1
        stale = sum(int(r["Failure Count"]) for r in rows if r["Type"] == "CHECK")
        warm_failed = int(warm["Failure Count"]) if warm else 0
        failures += failed + warm_failed
        totals.append(
            f"| {title(folder.name, folder)} | "
            + (
                f"{int(total['Request Count']):,} | {float(total['Requests/s']):.1f} | "
                f"{ms(total['50%'])} | {ms(total['95%'])} | {failed} | {stale} "
                f"| {warm_failed} |"
                if total
                else "no statistics | | | | | | |"
            )
        )
    out += [
        "",
        "| run | HTTP requests | requests/s | p50 ms | p95 ms | failed "
        "| of which stale reads | failed in warm-up |",
        "|---|--:|--:|--:|--:|--:|--:|--:|",
        *totals,
    ]

    replica = run / "replica"
    log = replica / "odoo-requests.log"
    if log.exists():
        modes = defaultdict(Counter)
        for line in log.read_text().splitlines():
            match = REQUEST_RE.search(line)
            if match:
                modes[route(match["path"])][match["mode"] or "-"] += 1
        out += [
            "",
            "Where the requests of the replica run went (Odoo's request log: "
            "`ro` = a read-only cursor on the replica, `rw` = the primary, "
            "`ro->rw` = started on the replica, wrote, retried on the primary):",
            "",
            "| request | count | ro (replica) | rw (primary) | ro->rw |",
            "|---|--:|--:|--:|--:|",
        ]
        for name, counter in sorted(
            modes.items(), key=lambda item: -sum(item[1].values())
        ):
            out.append(
                f"| {name} | {sum(counter.values())} | {counter['ro']} "
                f"| {counter['rw']} | {counter['ro->rw']} |"
            )
        share = Counter()
        for counter in modes.values():
            share.update(counter)
        done = sum(share.values()) or 1
        percent = 100 * share["ro"] / done
        out.append(
            f"| **all** | {sum(share.values())} | {share['ro']} ({percent:.0f} %)"
            f" | {share['rw']} | {share['ro->rw']} |"
        )
        before, after = (
            pg_counters(replica / "pg-before"),
            pg_counters(replica / "pg-after"),
        )
        if before and after:
            out += [
                "",
                "PostgreSQL's own counters for the database during the replica run "
                "(pg_stat_database on each cluster):",
                "",
                "| cluster | transactions | rows read |",
                "|---|--:|--:|",
            ]
            for cluster in ("primary", "replica"):
                if cluster in before and cluster in after:
                    xacts = after[cluster][0] - before[cluster][0]
                    rows_read = after[cluster][1] - before[cluster][1]
                    out.append(f"| {cluster} | {xacts:,} | {rows_read:,} |")
    out += [
        "",
        f"{'FAILED' if failures else 'OK'}: {failures} failed requests or journeys",
    ]
    print("\n".join(out))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
