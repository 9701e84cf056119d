from . import c102_part
