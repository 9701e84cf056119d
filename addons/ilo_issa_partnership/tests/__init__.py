from . import test_collaboration_area
from . import test_project
from . import test_mission
from . import test_training
from . import test_deliverable
from . import test_access
from . import test_budget
from . import test_tours
