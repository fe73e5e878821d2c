# A billion digits of fixed notation: past the heap cap, MemoryError before any is made
# (building them aborted in g_malloc)
from decimal import Decimal

print(len(format(Decimal("1e999999999"), "f")))
