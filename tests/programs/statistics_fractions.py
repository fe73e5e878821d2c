# statistics with Fractions: exact sums whose type is Fraction (mixed with ints), float when a
# float is among them, as statistics.py's _sum, _coerce and _convert.
import statistics as st
from fractions import Fraction as F

marks = [F(1, 2), F(1, 3), F(3, 4)]
print(repr(st.mean(marks)), repr(st.mean([F(1, 2), 1, 2])), repr(st.mean([F(1, 2), 0.25])))
print(repr(st.variance(marks)), repr(st.pvariance(marks)), st.stdev(marks), st.pstdev(marks))
print(repr(st.median(marks)), repr(st.median([F(1), F(2), F(3), F(4)])), repr(st.mode([F(1, 2), F(1, 2), 3])))
print(repr(st.median_low(marks)), repr(st.median_high(marks)), repr(st.mean([F(4, 2), F(2)])))
print(repr(st.harmonic_mean([F(1, 2), F(1, 4)])), st.fmean(marks), st.geometric_mean([F(1, 2), F(2)]))
print(repr(st.variance([F(1), F(2), F(4)], xbar=F(7, 3))), repr(st.pvariance([1, 2, 3, F(1, 2)])))
try:
    st.mean(["a", "b"])
except TypeError as e:
    print("TypeError:", e)
