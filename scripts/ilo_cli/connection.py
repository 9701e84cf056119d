"""Connection settings, login (with a readable line for every way it fails) and the
authenticated web session that PDF reports need."""

import configparser
import http.cookiejar
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from . import CliError

DEFAULT_CONFIG = Path.home() / ".config" / "ilo-issa" / "cli.ini"
# the project's addons, as common.sh lists them (MODULES; scripts/ilo exports it)
REQUIRED_ADDONS = tuple(filter(None, os.environ.get("ILO_MODULES", "").split(",")))


def settings(args):
    """url, db, login, password: option, else ILO_* variable, else the config file."""
    config = configparser.ConfigParser()
    path = Path(args.config) if args.config else DEFAULT_CONFIG
    if args.config and not path.is_file():
        raise CliError(f"config file {path} not found")
    if path.is_file():
        config.read(path)
    section = config["connection"] if config.has_section("connection") else {}
    values = {}
    for key in ("url", "db", "login", "password"):
        env = f"ILO_{key.upper()}"
        value = getattr(args, key) or os.environ.get(env) or section.get(key)
        if not value:
            raise CliError(f"no {key}: give --{key}, set {env} or put it in {path}")
        values[key] = value
    return values


def connect(args):
    """An odoorpc session on a database where both addons are installed."""
    import odoorpc

    conf = settings(args)
    url = urllib.parse.urlparse(conf["url"])
    if url.scheme not in ("http", "https") or not url.hostname:
        raise CliError(f"bad URL {conf['url']!r}: expected http(s)://host:port")
    port = url.port or (443 if url.scheme == "https" else 80)
    protocol = "jsonrpc+ssl" if url.scheme == "https" else "jsonrpc"
    try:
        odoo = odoorpc.ODOO(url.hostname, protocol=protocol, port=port, timeout=300)
    except (urllib.error.URLError, OSError) as exc:
        raise CliError(f"cannot reach Odoo at {conf['url']}: {exc}") from exc
    try:
        databases = odoo.db.list()
    except Exception:  # noqa: BLE001 - listing may be disabled on the server
        databases = None
    if databases is not None and conf["db"] not in databases:
        raise CliError(f"database {conf['db']!r} does not exist on {conf['url']}")
    try:
        odoo.login(conf["db"], conf["login"], conf["password"])
    except odoorpc.error.RPCError as exc:
        raise CliError(
            f"login refused for {conf['login']!r} on {conf['db']!r}"
        ) from exc
    installed = odoo.env["ir.module.module"].search_read(
        [("name", "in", list(REQUIRED_ADDONS)), ("state", "=", "installed")], ["name"]
    )
    missing = sorted(set(REQUIRED_ADDONS) - {m["name"] for m in installed})
    if missing:
        raise CliError(
            f"addon(s) not installed on {conf['db']!r}: {', '.join(missing)}"
        )
    odoo.ilo_conf = conf
    return odoo


def rpc_error_message(exc):
    """The server's own message of an odoorpc.error.RPCError."""
    data = getattr(exc, "info", {}) or {}
    return ((data.get("data") or {}).get("message") or str(exc)).strip()


def download_pdf(odoo, report_name, ids, target):
    """odoorpc's report download does not work on 18.0: use an authenticated session."""
    conf = odoo.ilo_conf
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    base = conf["url"].rstrip("/")
    params = {k: conf[k] for k in ("db", "login", "password")}
    request = urllib.request.Request(
        f"{base}/web/session/authenticate",
        data=json.dumps({"jsonrpc": "2.0", "params": params}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with opener.open(request, timeout=120) as response:
        if json.load(response).get("error"):
            raise CliError("login refused when opening a session for the report")
    url = f"{base}/report/pdf/{report_name}/{','.join(map(str, ids))}"
    try:
        with opener.open(url, timeout=600) as response:
            content = response.read()
    except urllib.error.HTTPError as exc:
        raise CliError(
            f"the server could not render {report_name}: HTTP {exc.code}"
        ) from exc
    if not content.startswith(b"%PDF"):
        raise CliError(f"the server did not return a PDF for {report_name}")
    Path(target).write_bytes(content)
    print(f"{target} ({len(content) // 1024} KiB)")
    return 0
