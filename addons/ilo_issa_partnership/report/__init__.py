from . import ilo_partnership_report
