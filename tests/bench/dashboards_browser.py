"""Benchmark (issue 19): the year's partnership report PDF and the dashboards as a
person gets them from a running server: the PDF downloaded (wizard for 2025, its
report URL: QWeb, wkhtmltopdf loading the styles from the server — report.url set
to it for the run, as the administrator —, the stamped band),
median of PDF_RUNS after one warm-up, goal <= 3 s; the dashboards in headless Chromium
(Debian's ``chromium``, driven over the DevTools protocol as Odoo's HttpCase drives
it, with websocket-client), against opening Odoo's own project list on the same
database as the same user (dashboards.py's leadership user, created there).

For each page: the time from the navigation's start (the page's
``performance.timeOrigin``) until

- a dashboard: its charts are drawn — every chart canvas of the client action
  present and a Chart.js chart on each (the charts are drawn without animation, in
  the chart's constructor);
- the project list (``/odoo/action-project.open_view_project_all?view_type=list``):
  its rows are drawn.

One warm-up load of each (the browser caches the assets as it would for a person
coming back), then RUNS loads of each, interleaved (dashboard, list, dashboard, ...)
so the load of the shared machine falls on both; medians. Goal: every page drawn
(within TIMEOUT); a dashboard drawn within 1.5x the project list's time plus 0.5 s.
Exits 1 when a page is not drawn or a goal is missed.

Usage: dashboards_browser.py URL DB (Odoo serving DB at URL); ILO_BENCH_RUNS runs.
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
import websocket

LOGIN = PASSWORD = "bench_leadership"
RUNS = int(os.environ.get("ILO_BENCH_RUNS") or 5)
PDF_RUNS = int(os.environ.get("ILO_BENCH_PDF_RUNS") or 3)
PDF_GOAL = 3.0
REPORT_YEAR = 2025
TIMEOUT = 60
RATIO_GOAL, SLACK = 1.5, 0.5
# {name: (path, JavaScript condition of "drawn", charts expected)}
CHARTS_DRAWN = """(() => {
    const canvases = document.querySelectorAll(
        '.o_action_manager .o_ilo_dashboard canvas');
    return canvases.length >= %d && !!window.Chart
        && [...canvases].every((canvas) => window.Chart.getChart(canvas));
})()"""
PAGES = {
    "partnership dashboard": (
        "/odoo/action-ilo_issa_partnership.ilo_partnership_dashboard_action",
        CHARTS_DRAWN % 3,
    ),
    "campaign dashboard": (
        "/odoo/action-c102_campaign.c102_campaign_dashboard_action",
        CHARTS_DRAWN % 1,
    ),
    "project list": (
        "/odoo/action-project.open_view_project_all?view_type=list",
        "document.querySelectorAll('.o_action_manager .o_list_view .o_data_row')"
        ".length > 0",
    ),
}
# Installed on every new document: records performance.now() (ms since the
# navigation started) the first time the page's condition holds.
WATCH = """
(() => {
    const drawn = () => { %s };
    const tick = () => {
        let done = false;
        try { done = drawn(); } catch (e) { done = false; }
        if (done) { window.__iloDrawn = performance.now(); }
        else { setTimeout(tick, 5); }
    };
    tick();
})();
"""


class Browser:
    """Headless Chromium with one page, spoken to over the DevTools protocol."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="ilo-bench-chrome-")
        self.process = subprocess.Popen(
            [
                shutil.which("chromium") or "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-extensions",
                "--disable-background-networking",
                "--disable-background-timer-throttling",
                "--disable-renderer-backgrounding",
                "--disable-breakpad",
                "--disable-translate",
                "--no-first-run",
                "--no-default-browser-check",
                "--window-size=1366,768",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = Path(self.profile, "DevToolsActivePort")
        for _ in range(200):
            if port_file.exists() and port_file.read_text().strip():
                break
            time.sleep(0.1)
        port = port_file.read_text().split()[0]
        targets = requests.get(f"http://127.0.0.1:{port}/json/list", timeout=10).json()
        page = next(t for t in targets if t["type"] == "page")
        self.ws = websocket.create_connection(
            page["webSocketDebuggerUrl"], timeout=TIMEOUT, suppress_origin=True
        )
        self.ids = 0
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.watcher = None

    def send(self, method, **params):
        """One DevTools command; its result (events in between are skipped)."""
        self.ids += 1
        self.ws.send(json.dumps({"id": self.ids, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.ids:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True
        )
        return result.get("result", {}).get("value")

    def drawn_after(self, url, condition):
        """Navigate to ``url``; ms from the navigation's start until ``condition``
        holds on the page (None after TIMEOUT s)."""
        if self.watcher:
            self.send(
                "Page.removeScriptToEvaluateOnNewDocument", identifier=self.watcher
            )
        self.watcher = self.send(
            "Page.addScriptToEvaluateOnNewDocument",
            source=WATCH % f"return {condition};",
        )["identifier"]
        # the new document is the one with another time origin (the router may
        # rewrite the URL)
        before = self.evaluate("performance.timeOrigin")
        self.send("Page.navigate", url=url)
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            origin, value = self.evaluate(
                "[performance.timeOrigin, window.__iloDrawn ?? null]"
            ) or (before, None)
            if origin != before and value is not None:
                return value
            time.sleep(0.05)
        return None

    def close(self):
        try:
            self.ws.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
            shutil.rmtree(self.profile, ignore_errors=True)


def authenticate(base, db, login, password):
    """A requests session logged in to Odoo (``/web/session/authenticate``)."""
    session = requests.Session()
    body = session.post(
        f"{base}/web/session/authenticate",
        json={
            "jsonrpc": "2.0",
            "params": {"db": db, "login": login, "password": password},
        },
        timeout=60,
    ).json()
    if body.get("error") or not body.get("result", {}).get("uid"):
        raise SystemExit(f"cannot log in as {login} on {db}: {body}")
    return session


def login(browser, base, db):
    """Log the page in as the bench user (dashboards.py creates it): its session
    cookie given to the browser."""
    session = authenticate(base, db, LOGIN, PASSWORD)
    browser.send("Network.enable")
    browser.send(
        "Network.setCookie",
        name="session_id",
        value=session.cookies["session_id"],
        url=base,
    )
    return session


def rpc(session, base, model, method, *args):
    response = session.post(
        f"{base}/web/dataset/call_kw",
        json={
            "jsonrpc": "2.0",
            "params": {"model": model, "method": method, "args": args, "kwargs": {}},
        },
        timeout=120,
    )
    body = response.json()
    if body.get("error"):
        raise SystemExit(f"{model}.{method}: {body['error']}")
    return body["result"]


def report_url(base, db, url):
    """Set the system parameter report.url (where wkhtmltopdf fetches the report's
    styles: this server, as a deployment sets it) as the administrator (admin /
    admin, as xmlrpc_bulk.py); returns the value it had."""
    admin = authenticate(base, db, "admin", "admin")
    Param = "ir.config_parameter"
    before = rpc(admin, base, Param, "get_param", "report.url")
    rpc(admin, base, Param, "set_param", "report.url", url or False)
    return before


def report_pdf(session, base):
    """Seconds to download the year's partnership report PDF (the wizard's report,
    as its Print button asks it), median of PDF_RUNS after one warm-up; its size."""
    wizard = rpc(
        session,
        base,
        "ilo.partnership.report.wizard",
        "create",
        {"date_from": f"{REPORT_YEAR}-01-01", "date_to": f"{REPORT_YEAR}-12-31"},
    )
    url = f"{base}/report/pdf/ilo_issa_partnership.report_partnership/{wizard}"
    times = []
    for run in range(PDF_RUNS + 1):
        start = time.perf_counter()
        response = session.get(url, timeout=300)
        elapsed = time.perf_counter() - start
        if response.status_code != 200 or not response.content.startswith(b"%PDF"):
            raise SystemExit(f"{url}: {response.status_code} {response.text[:300]}")
        if run:
            times.append(elapsed)
    return times, len(response.content)


def main(argv):
    base, db = argv[0].rstrip("/"), argv[1]
    browser = Browser()
    failed = False
    try:
        session = login(browser, base, db)
        before = report_url(base, db, base)
        try:
            times, size = report_pdf(session, base)
        finally:
            report_url(base, db, before)
        median = statistics.median(times)
        miss = median > PDF_GOAL
        failed |= miss
        print(
            f"  partnership report {REPORT_YEAR}, PDF downloaded: {median:.2f} s "
            f"(median of {PDF_RUNS}; min {min(times):.2f}, max {max(times):.2f}), "
            f"{size // 1024} KiB; goal <= {PDF_GOAL:.0f} s{' MISSED' if miss else ''}"
        )
        times = {name: [] for name in PAGES}
        for run in range(RUNS + 1):  # the first: warm-up (assets, caches)
            for name, (path, condition) in PAGES.items():
                ms = browser.drawn_after(f"{base}{path}", condition)
                if ms is None:
                    print(f"  {name}: not drawn within {TIMEOUT} s ({path})")
                    return 1
                if run:
                    times[name].append(ms / 1000)
        reference = statistics.median(times["project list"])
        print(
            f"  Odoo's project list, rows drawn: {reference:.2f} s "
            f"(median of {RUNS} loads)"
        )
        for name, values in times.items():
            if name == "project list":
                continue
            median = statistics.median(values)
            goal = RATIO_GOAL * reference + SLACK
            miss = median > goal
            failed |= miss
            print(
                f"  {name}, charts drawn: {median:.2f} s (median of {RUNS}; min "
                f"{min(values):.2f}, max {max(values):.2f}), "
                f"{median / reference:.2f}x the project list; goal <= {goal:.2f} s "
                f"({RATIO_GOAL}x the list + {SLACK} s){' MISSED' if miss else ''}"
            )
    finally:
        browser.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
