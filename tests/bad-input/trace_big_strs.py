# a new 10 MB str at every step: each one's text is recorded clipped (the trace filled
# 2 GiB and aborted)
for i in range(100):
    s = "x" * 10_000_000 + str(i)
