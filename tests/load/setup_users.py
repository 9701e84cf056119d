"""Create (or update) the load test's journey users, over JSON-RPC as admin (odoorpc).

Usage: python setup_users.py HOST PORT DB
Environment: ILO_LOAD_PASSWORD (their password), ILO_ADMIN_PASSWORD (admin's, "admin").
Run with the Odoo venv's Python (odoorpc is a project requirement).
"""

import os
import sys

import odoorpc

# login -> (name, group xml ids): one user per role of the journeys
USERS = {
    "ilo.load.officer": (
        "Load test: programme officer",
        ["ilo_issa_partnership.group_programme_officer"],
    ),
    "ilo.load.finance": ("Load test: finance", ["ilo_issa_partnership.group_finance"]),
    "ilo.load.leader": (
        "Load test: leadership",
        ["ilo_issa_partnership.group_leadership"],
    ),
    # gap assessments are validated by partnership managers
    "ilo.load.campaign": (
        "Load test: campaign officer",
        ["ilo_issa_partnership.group_partnership_manager"],
    ),
}


def main(host, port, db):
    password = os.environ.get("ILO_LOAD_PASSWORD", "ilo-load-test")
    odoo = odoorpc.ODOO(host, port=int(port), timeout=120)
    odoo.login(db, "admin", os.environ.get("ILO_ADMIN_PASSWORD", "admin"))
    Users = odoo.env["res.users"]
    Data = odoo.env["ir.model.data"]

    def ref(xmlid):
        module, name = xmlid.split(".")
        [found] = Data.search_read(
            [("module", "=", module), ("name", "=", name)], ["res_id"]
        )
        return found["res_id"]

    for login, (name, groups) in USERS.items():
        group_ids = [ref("base.group_user")] + [ref(xmlid) for xmlid in groups]
        values = {
            "name": name,
            "login": login,
            "password": password,
            "groups_id": [(6, 0, group_ids)],
        }
        found = Users.search([("login", "=", login)])
        if found:
            Users.write(found, values)
        else:
            Users.create(values)
        print(f"{login}: {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
