"""ilo: work with the ILO-ISSA partnership programme from outside Odoo (odoorpc).

Connection settings come from the options, else the environment (ILO_URL, ILO_DB,
ILO_LOGIN, ILO_PASSWORD), else the [connection] section of ~/.config/ilo-issa/cli.ini
(or the file named by --config). The password is never printed.

  ilo import-ratifications FILE        NORMLEX-style CSV/XLSX of C102 ratifications
  ilo export {activities,budget,campaign} [--area CODE] [--country ISO] [--year YYYY]
                                       [--format csv|xlsx] -o FILE
  ilo report partnership --from DATE --to DATE -o FILE.pdf
  ilo report project-sheet --project NAME -o FILE.pdf
  ilo report country-brief --country ISO -o FILE.pdf
  ilo iati-export [--project NAME] -o FILE.xml   IATI 2.03 file, validated by the server
  ilo import-activities FILE [--skip-invalid]    missions, trainings (+ participants),
                                                 deliverables (columns: activities.py)
  ilo import-budget FILE [--skip-invalid]        activity budget lines (budget.py)
  ilo outlook [--limit N]              the outlook to the C102 target (outlook.py)
  ilo import-expenditure FILE [--dry-run]        actual spend from an ERP ledger
                                                 extract, judged by the server
  ilo import-coverage FILE [--dry-run]           SDG 1.3.1 coverage from ILOSTAT
                                                 (bulk CSV or SDMX-CSV; coverage.py)

Imports check the file's shape (columns, keys), then let the server check every row
in a dry run (Odoo's own import, nothing written) and report all bad rows with their
line numbers; nothing is written when a row is bad unless --skip-invalid. Rows carry a
`key`: importing the same file again updates the same records (external ids
`ilo_cli.<kind>_<key>`), never duplicates them.

One module per command (as acsone's click-odoo-contrib): connection.py (settings,
login, PDF session) and loading.py (the imports' shared run) are the helpers.
"""


class CliError(Exception):
    """An error for the user: printed as one readable line, exit code 2."""
