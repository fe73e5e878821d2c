import sys
n = sys.getallocatedblocks()
