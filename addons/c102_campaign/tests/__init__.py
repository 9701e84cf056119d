from . import test_rules
from . import test_c102_part
