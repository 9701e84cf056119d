from . import ilo_partnership_analysis
