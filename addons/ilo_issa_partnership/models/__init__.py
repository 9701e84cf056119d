from . import ilo_collaboration_area
from . import ilo_activity_mixin
from . import res_partner
from . import project_project
from . import ilo_advisory_mission
from . import ilo_training
from . import ilo_training_participant
from . import ilo_deliverable
