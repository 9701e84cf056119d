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
  ilo import-activities FILE [--skip-invalid] [--dry-run]
                                       missions, trainings (+ participants),
                                       deliverables (columns: activities.py)
  ilo import-budget FILE [--skip-invalid] [--dry-run]
                                       activity budget lines (budget.py)
  ilo outlook [--limit N]              the outlook to the C102 target (outlook.py)
  ilo import-expenditure FILE [--dry-run]        actual spend from an ERP ledger
                                                 extract, judged by the server
  ilo import-coverage FILE [--dry-run]           SDG 1.3.1 coverage from ILOSTAT
                                                 (bulk CSV or SDMX-CSV; coverage.py)

Imports send the file to the server, whose import engine reads it (UTF-8 with or
without BOM, UTF-16, Windows-1252; `;`, `,` or tab; decimal commas; dates as
spreadsheets write them; XLSX) and judges every row in one transaction; the tool
prints how the file was read, every bad row with its line, and the verdict (exit 1
when refused: nothing written unless --skip-invalid). Rows carry a `key`: importing
the same file again updates the same records (external ids `ilo_cli.<kind>_<key>`),
never duplicates them.

One module per command (as acsone's click-odoo-contrib): connection.py (settings,
login, PDF session) and files.py (the imports' shared run) are the helpers.
"""


class CliError(Exception):
    """An error for the user: printed as one readable line, exit code 2."""
