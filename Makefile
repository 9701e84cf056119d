# The two commands of the README: `make run` and `make test`. The rest are conveniences.
SHELL := /bin/bash
.PHONY: run test lint provision stop-db shell bench upstream i18n backup restore

run:        ## provision what is missing and serve the product at http://localhost:8069
	@scripts/run.sh

test:       ## provision, install both addons in a throwaway database and run every test
	@scripts/test.sh

provision:  ## only provision (venv, Odoo, PostgreSQL, system packages)
	@scripts/provision.sh

lint:       ## pre-commit: ruff, pylint-odoo, pre-commit-hooks, OCA module and .po checks
	@scripts/lint.sh

stop-db:    ## stop the embedded PostgreSQL cluster
	@scripts/provision.sh stop-db

shell:      ## an Odoo shell on the development database
	@scripts/shell.sh

upstream:   ## Odoo's own project and portal suites with and without the addons: new failures fail
	@scripts/upstream.sh

backup:     ## dated archive (Odoo's zip: dump + filestore) of the run database + .sha256; prunes old ones
	@scripts/backup.sh

restore:    ## make restore FILE=archive.zip: verify its checksum, restore into a NEW database
	@scripts/restore.sh "$(FILE)"

i18n:       ## re-export the .pot files and refresh fr.po (new terms left empty to translate)
	@scripts/i18n.sh

bench:      ## benchmarks (tests/bench) on ilo_bench (ILO_BENCH_DB); ILO_BENCH_LINES=2000000 for the 10x scale
	@scripts/bench.sh

# Production mode and scale (README, "Production mode and scale")
.PHONY: prod prod-stop prod-status replica replica-stop load
prod:         ## production mode: prefork Odoo behind nginx on 127.0.0.1:8080 (ILO_REPLICA=1: + read replica)
	@scripts/prod.sh start

prod-stop:    ## stop production mode (nginx, Odoo, the replica it started)
	@scripts/prod.sh stop

prod-status:  ## what production mode runs, with which settings
	@scripts/prod.sh status

replica:      ## production mode with the PostgreSQL streaming replica and Odoo's db_replica_*
	@ILO_REPLICA=1 scripts/prod.sh start

replica-stop: ## stop the replica only (its data directory is kept)
	@scripts/replica.sh stop

load:         ## load test of the users' journeys: 1 worker vs N workers vs N + replica
	@tests/load/run.sh
