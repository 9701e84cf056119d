from . import ilo_partnership_analysis
from . import ilo_donor_financial_report
from . import ilo_donor_financial_report_xlsx
