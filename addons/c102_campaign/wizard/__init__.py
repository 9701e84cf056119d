from . import c102_ratification_import
from . import c102_ratification_import_line
