from . import ilo_collaboration_area
