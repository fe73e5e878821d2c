# a shift of 2**63 bits: CPython 3.11 counts its digits and fails to allocate them
# (MemoryError); OverflowError only past 2**61 digits (tests/programs/shift_overflow)
print(1 << 2**63)
