# statistics: mean, median and stdev of 100,000 floats (exact sums, as CPython's fractions).
import statistics

data = [((i * 7919) % 1000) / 8 for i in range(100000)]
print(statistics.mean(data), statistics.median(data), statistics.stdev(data))
