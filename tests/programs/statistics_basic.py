# statistics: averages and spread, exact as CPython's (fractions inside)
import statistics
from statistics import mean, median, mode, stdev, variance, StatisticsError

grades = [88, 92, 79, 93, 85, 92, 70]
print(mean(grades), median(grades), mode(grades))
print(statistics.median_low([1, 3, 5, 7]), statistics.median_high([1, 3, 5, 7]), median([1, 3, 5, 7]))
print(mean([1, 2, 3, 4]), mean([2, 4]), mean([0.1, 0.2, 0.3]), mean([1, 2.5]))
print(mean([True, False, True]), mean([1e50, 1, -1e50]))
print(variance(grades), stdev(grades))
print(statistics.pvariance(grades), statistics.pstdev(grades))
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(variance(data), stdev(data), statistics.pvariance(data), statistics.pstdev(data))
print(variance(data, mean(data)), statistics.pvariance([1, 2, 3, 4], 2.5))
print(variance([1, 2, 3, 4]), variance([1, 3]), stdev([1, 2, 3, 4, 5]))
print(statistics.fmean([3.5, 4.0, 5.25]), statistics.fmean([1, 2, 3], weights=[0.25, 0.25, 0.5]))
print(statistics.multimode("aabbbbccddddeeffffgg"), statistics.multimode([]))
print(mode(["red", "blue", "blue", "red", "green", "red", "red"]))
print(statistics.median_grouped([52, 52, 53, 54]), statistics.median_grouped([1, 3, 3, 5, 7], interval=2))
print(median([3.5, 1.0]), median(range(10)))
for name, f, arg in [("mean", mean, []), ("median", median, []), ("mode", mode, []),
                     ("stdev", stdev, [1]), ("variance", variance, []),
                     ("pstdev", statistics.pstdev, [])]:
    try:
        f(arg)
    except StatisticsError as e:
        print(name, "StatisticsError:", e)
try:
    mean(["a", "b"])
except TypeError as e:
    print("TypeError:", e)
print(issubclass(StatisticsError, ValueError))
