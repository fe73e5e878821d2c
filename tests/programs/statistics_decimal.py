# statistics on Decimal amounts: the mean of Decimals is a Decimal, as CPython's _convert
# makes it (Decimal(numerator) / Decimal(denominator)), as are median and variance; stdev and pstdev are
# Decimals too (_decimal_sqrt_of_frac: the context's sqrt, corrected by next_plus/next_minus).
import statistics
from decimal import Decimal

prices = [Decimal("19.99"), Decimal("5.25"), Decimal("7.10"), Decimal("12.00")]
print(statistics.mean(prices), statistics.median(prices), statistics.median_low(prices))
print(statistics.variance(prices), statistics.pvariance(prices))
print(statistics.mean([Decimal("1"), 2, 3]), statistics.fmean(prices), statistics.mode(prices))
total = sum(prices)
print(total, total / len(prices) == statistics.mean(prices), type(statistics.mean(prices)).__name__)
print(statistics.mean([Decimal("0.1")] * 3), statistics.mean([Decimal(1), Decimal(3)]))
