# statistics: geometric_mean, harmonic_mean (weights), quantiles (n, method), covariance,
# correlation, linear_regression (proportional), fmean with weights: CPython's floats and errors.
import statistics as st
from statistics import StatisticsError
def t(f, *a, **k):
    try:
        print(f.__name__, a, k, '->', repr(f(*a, **k)))
    except Exception as e:
        print(f.__name__, a, k, '!!', type(e).__name__, e)
for d in [[54, 24, 36], [1, 2, 4], [2.5, 3.5], [1], [0, 1], [-1, 2], [], [10**20, 10**21], [True, 2], [1.1, 2.2, 3.3, 4.4]]:
    t(st.geometric_mean, d)
print(st.geometric_mean(iter([4, 9])))
t(st.geometric_mean, ['a'])
for d in [[40, 60], [1, 2], [1], [2.5], [-1], [0, 5], [1, 2, 4], [], [1.5, 2.5, 0.1], [3, 3, 3], ['a'], [float('inf'), 1], [10**30, 1]]:
    t(st.harmonic_mean, d)
t(st.harmonic_mean, [40, 60], weights=[5, 30])
t(st.harmonic_mean, [40, 60], weights=[1])
t(st.harmonic_mean, [40, 60], weights=[-1, 2])
t(st.harmonic_mean, [40, 60], weights=[0, 0])
t(st.harmonic_mean, [40, -60], weights=[1, 1])
t(st.harmonic_mean, [1], weights=[2])
t(st.harmonic_mean, [2.5, 4], weights=[1.5, 2])
print(st.harmonic_mean(iter([1, 2, 3])))
data = [105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104]
t(st.quantiles, data, n=10)
t(st.quantiles, data)
t(st.quantiles, data, n=4, method='inclusive')
t(st.quantiles, [1, 2], n=3)
t(st.quantiles, [1.5, 2.5, 10], n=5, method='inclusive')
t(st.quantiles, [1], n=4)
t(st.quantiles, [1, 2, 3], n=0)
t(st.quantiles, [1, 2, 3], n=1)
t(st.quantiles, [1, 2, 3], method='weird')
t(st.quantiles, [1, 2, 3], 4)
t(st.quantiles, [3, 1, 2, 5, 4], n=4)
t(st.quantiles, range(11), n=4)
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
t(st.covariance, x, y)
z = list(reversed(x))
t(st.covariance, z, x)
t(st.covariance, [1.5, 2.5], [3, 4.25])
t(st.covariance, [1], [2])
t(st.covariance, [1, 2], [2])
t(st.correlation, x, x)
t(st.correlation, x, z)
t(st.correlation, x, y)
t(st.correlation, [1, 1], [2, 3])
t(st.correlation, [1], [2])
t(st.correlation, [1, 2, 3], [1, 2])
t(st.correlation, [1, 2.5, 3.25, 7], [0.5, 2, 2, 9])
year = [1971, 1975, 1979, 1982, 1983]
films_total = [1, 2, 3, 4, 5]
t(st.linear_regression, year, films_total)
t(st.linear_regression, [1, 2, 3], [2, 4, 6])
t(st.linear_regression, [1, 2, 3], [2, 4, 7], proportional=True)
t(st.linear_regression, [1, 1], [2, 3])
t(st.linear_regression, [1], [2])
t(st.linear_regression, [1, 2], [2])
t(st.linear_regression, [1, 2, 3], [2, 4, 7], True)
r = st.linear_regression([1, 2, 3], [2, 4, 7])
print(r.slope, r.intercept, type(r).__name__, r._fields, st.LinearRegression, r[0], tuple(r))
t(st.fmean, [1, 2, 3], [3, 2, 1])
print(st.fmean(iter([1, 2, 3])))
t(st.correlation, ['a', 'b'], [1, 2])
try:
    st.covariance(iter([1, 2]), [1, 2])
except TypeError as e:
    print(e)
print(st.LinearRegression(1, 2), st.quantiles([1.0, 2.0, 4.0, 8.0], n=3))
