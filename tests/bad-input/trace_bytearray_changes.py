# a 10 MB bytearray changed at every step: its label is recorded clipped, not as a
# 40 MB repr each time (the trace took minutes and gigabytes)
b = bytearray(10_000_000)
for i in range(300):
    b[i] = 1
