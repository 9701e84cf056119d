# The two commands of the README: `make run` and `make test`. The rest are conveniences.
SHELL := /bin/bash
.PHONY: run test lint provision stop-db shell bench

run:        ## provision what is missing and serve the product at http://localhost:8069
	@scripts/run.sh

test:       ## provision, install both addons in a throwaway database and run every test
	@scripts/test.sh

provision:  ## only provision (venv, Odoo, PostgreSQL, system packages)
	@scripts/provision.sh

lint:       ## pre-commit: ruff, pylint-odoo, XML/CSV checks (offline)
	@scripts/lint.sh

stop-db:    ## stop the embedded PostgreSQL cluster
	@scripts/provision.sh stop-db

shell:      ## an Odoo shell on the development database
	@scripts/shell.sh

bench:      ## benchmarks (tests/bench): the budget pivot over 200,000 lines vs raw SQL
	@scripts/bench.sh
