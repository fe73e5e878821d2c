# a new list of 1,000 strs of 200 digits at every step: each one's text is pooled, and what
# a pooled text costs beyond its bytes (its GString's rounding, its index entry), like the
# step index, counts against the recording's 256 MB budget, which stops it (uncounted, a
# recording of short strs stopped at its budget peaked at over 520 MB; this one: 262 MB)
for i in range(0, 5_000_000, 1000):
    l = list(map("{:0200d}".format, range(i, i + 1000)))
