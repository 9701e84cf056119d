from . import c102_ratification_import
from . import c102_ratification_import_line
from . import c102_supervision_import
from . import c102_coverage_import
