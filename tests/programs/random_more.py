import random

random.seed(12345)
print(random.choices(["red", "green", "blue"], k=5))
print(random.choices(range(10), weights=[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], k=6))
print(random.choices("abc", cum_weights=[0.5, 0.75, 1.0], k=4))
print(random.choices([1, 2, 3]), random.choices([1, 2], k=0), random.choices([1, 2], k=-2))
print(random.choices("xy", [1.5, 2.5], k=3))
print([round(random.triangular(), 12) for _ in range(3)])
print(random.triangular(0, 10, 7), random.triangular(5, 5), random.triangular(2, 8), random.triangular(10, 0, 3))
print(random.expovariate(1.5), random.expovariate(-2))
print(random.paretovariate(2), random.paretovariate(0.5))
print(random.weibullvariate(1.0, 1.5), random.weibullvariate(3, 0.7))
print(random.lognormvariate(0, 0.25), random.lognormvariate(1.0, 2))
print(random.vonmisesvariate(0.0, 4.0), random.vonmisesvariate(1, 0), random.vonmisesvariate(-2.0, 0.5))
for alpha in [0.3, 1.0, 2.5, 30]:
    print(alpha, random.gammavariate(alpha, 2.0), random.gammavariate(alpha, 1))
print(random.betavariate(2, 5), random.betavariate(0.5, 0.5), random.betavariate(1, 1))
print(random.randbytes(5), random.randbytes(0), len(random.randbytes(33)))
print(random.sample(["a", "b", "c"], counts=[4, 2, 1], k=5))
print(random.sample(range(3), 3, counts=[1, 1, 1]))

state = random.getstate()
print(type(state), len(state), state[0], len(state[1]), state[2], state[1][-1])
first = [random.random() for _ in range(3)]
random.setstate(state)
print(first == [random.random() for _ in range(3)])
gen = random.Random(3)
g = gen.gauss(0, 1)
s2 = gen.getstate()
print(type(s2[2]), s2[2] is gen.gauss_next)
gen.setstate(s2)
print(gen.gauss(0, 1) == s2[2])

r = random.Random(7)
r2 = random.Random()
r2.setstate(r.getstate())
print(r.choices(range(100), k=3) == r2.choices(range(100), k=3))
print(random.TWOPI, random.LOG4, random.NV_MAGICCONST, random.SG_MAGICCONST, random.BPF, random.RECIP_BPF)

for call in [lambda: random.choices([1, 2], [1]), lambda: random.choices([1, 2], 2), lambda: random.choices([1, 2], [1, 1], cum_weights=[1, 2]), lambda: random.choices([1, 2], [0, 0]), lambda: random.choices([1, 2], [1, float("inf")]), lambda: random.choices([], k=1), lambda: random.choices([], [], k=1), lambda: random.choices(5), lambda: random.choices([1], k=1.5), lambda: random.expovariate(0), lambda: random.paretovariate(0), lambda: random.gammavariate(0, 1), lambda: random.gammavariate(1, -1), lambda: random.betavariate(0, 1), lambda: random.randbytes(-1), lambda: random.randbytes(2.0), lambda: random.setstate((4, (), None)), lambda: random.setstate((3, (1, 2), None)), lambda: random.setstate((3, tuple(range(625)))), lambda: random.setstate((3, [0] * 625, None)), lambda: random.setstate((3, (0,) * 624 + (700,), None)), lambda: random.sample([1, 2], 1, counts=[1]), lambda: random.sample([1, 2], 1, counts=[1.0, 2.0]), lambda: random.sample([1, 2], 1, counts=[0, 0]), lambda: random.sample([1, 2], 5, counts=[1, 1]), lambda: random.expovariate()]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
print(random.random())

# many seeds: every variate consumes the generator exactly as random.py does
for seed in range(25):
    random.seed(seed)
    row = [random.choices("abcde", [5, 1, 3, 0.5, 2], k=3), random.gammavariate(0.5, 1.0), random.gammavariate(3.0, 2.0)]
    row += [random.vonmisesvariate(1.0, 2.0), random.betavariate(2.0, 3.0), random.triangular(1, 3, 1.5), random.sample(range(5), 2, counts=[1, 2, 3, 4, 5])]
    print(seed, row)
