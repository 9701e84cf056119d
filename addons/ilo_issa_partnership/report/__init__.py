from . import ilo_partnership_analysis
from . import ilo_report_mixin
from . import report_partnership
from . import report_project_sheet
from . import ilo_donor_financial_report
from . import ilo_donor_financial_report_xlsx
from . import ilo_budget_report_xlsx
