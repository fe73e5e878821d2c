# UBSan (fuzz-run): repr of an empty deque whose buffer was never made added an offset to NULL
from collections import deque
print(repr(deque()), repr(deque(maxlen=3)))
