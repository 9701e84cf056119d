from . import c102_part_acceptance_report
from . import report_partnership
from . import report_country_brief
from . import ilo_partnership_analysis
