"""End-to-end fixtures: a running Odoo server started by scripts/test.sh."""

import os
from xmlrpc.client import ServerProxy

import odoorpc
import pytest


def _env(name):
    value = os.environ.get(name)
    if not value:
        pytest.fail(f"{name} is not set: run the end-to-end tests through `make test`")
    return value


@pytest.fixture(scope="session")
def server():
    url = _env("ILO_URL")
    return {
        "url": url,
        "db": _env("ILO_DB"),
        "login": _env("ILO_LOGIN"),
        "password": _env("ILO_PASSWORD"),
        "host": url.split("://")[1].split(":")[0],
        "port": int(url.rsplit(":", 1)[1]),
    }


@pytest.fixture(scope="session")
def odoo(server):
    client = odoorpc.ODOO(server["host"], port=server["port"], timeout=120)
    client.login(server["db"], server["login"], server["password"])
    return client


@pytest.fixture(scope="session")
def xmlrpc(server):
    common = ServerProxy(f"{server['url']}/xmlrpc/2/common")
    uid = common.authenticate(server["db"], server["login"], server["password"], {})
    assert uid, "XML-RPC authentication failed"
    models = ServerProxy(f"{server['url']}/xmlrpc/2/object", allow_none=True)

    def call(model, method, *args, **kwargs):
        return models.execute_kw(
            server["db"], uid, server["password"], model, method, list(args), kwargs
        )

    return call
