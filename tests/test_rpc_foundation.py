"""The foundation seen from outside: both addons installed, areas and the Article 2 rule
over XML-RPC (stdlib) and JSON-RPC (odoorpc)."""


def test_both_addons_installed(odoo):
    Module = odoo.env["ir.module.module"]
    ids = Module.search([("name", "in", ["ilo_issa_partnership", "c102_campaign"])])
    states = {m["name"]: m["state"] for m in Module.read(ids, ["name", "state"])}
    assert states == {"ilo_issa_partnership": "installed", "c102_campaign": "installed"}


def test_five_areas_over_xmlrpc(xmlrpc):
    areas = xmlrpc(
        "ilo.collaboration.area", "search_read", [], fields=["code"], order="sequence"
    )
    assert [a["code"] for a in areas] == [
        "advisory",
        "policy",
        "knowledge",
        "guidelines",
        "training",
    ]


def test_article_2_over_xmlrpc(xmlrpc):
    def parts(*codes):
        return xmlrpc("c102.part", "search", [("code", "in", list(codes))])

    # Barbados: III, V, VI, IX, X.
    assert xmlrpc(
        "c102.part", "check_article_2", parts("III", "V", "VI", "IX", "X")
    ) == {
        "ok": True,
        "reason": "",
    }
    result = xmlrpc("c102.part", "check_article_2", parts("II", "III", "VII"))
    assert result["ok"] is False
    assert "IV, V, VI, IX or X" in result["reason"]


def test_article_2_over_odoorpc(odoo):
    Part = odoo.env["c102.part"]
    ids = Part.search([("code", "in", ["II", "V"])])
    result = Part.browse(ids).check_article_2()
    assert result["ok"] is False
    assert "at least three" in result["reason"]
