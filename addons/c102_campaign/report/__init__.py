from . import c102_part_acceptance_report
