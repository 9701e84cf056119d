from . import purchase_order_line
from . import ilo_budget_line
from . import hr_expense
from . import account_move
from . import ilo_advisory_mission
