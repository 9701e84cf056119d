from . import test_accounting_bridge
from . import test_outside_partnership
from . import test_tours
