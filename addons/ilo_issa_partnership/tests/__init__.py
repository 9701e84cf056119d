from . import test_collaboration_area
