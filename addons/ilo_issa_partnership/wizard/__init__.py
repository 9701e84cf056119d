from . import ilo_budget_report_wizard
