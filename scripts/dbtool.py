"""Small database helper for the scripts, using Odoo's own configuration and connection.

Usage: python dbtool.py COMMAND DB -- <odoo arguments>
  exists DB      exit 0 when the database exists
  modules DB     print "name state" of the project's modules
(to drop a database: `odoo_db drop DB` of common.sh, Odoo's own `odoo-bin db drop`)
"""

import os
import sys

# the project's addons, as common.sh lists them (MODULES)
MODULES = tuple(os.environ["ILO_MODULES"].split(","))


def main(argv):
    sep = argv.index("--")
    command, db = argv[0], argv[1]
    import odoo
    from odoo.service import db as db_service

    odoo.tools.config.parse_config(argv[sep + 1 :], setup_logging=False)
    if command == "exists":
        return 0 if db_service.exp_db_exist(db) else 1
    if command == "modules":
        with odoo.sql_db.db_connect(db).cursor() as cr:
            cr.execute(
                "SELECT name, state FROM ir_module_module WHERE name IN %s",
                [MODULES],
            )
            states = dict(cr.fetchall())
        for name in MODULES:
            print(name, states.get(name, "absent"))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
