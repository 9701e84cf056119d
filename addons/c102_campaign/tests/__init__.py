from . import test_rules
from . import test_c102_part
from . import test_country
from . import test_gap_assessment
from . import test_import
from . import test_access
from . import test_i18n
from . import test_tours
