from . import ilo_budget_report_wizard
from . import ilo_partnership_report_wizard
from . import ilo_expenditure_import
from . import ilo_budget_revise_wizard
from . import ilo_dsa_rate_import
from . import ilo_iati_export_wizard
