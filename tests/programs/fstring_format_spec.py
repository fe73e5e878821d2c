# Format specifications inside f-strings.
n = 42
x = 3.14159265
s = "hi"
print(f"[{n:5}] [{n:<5}] [{n:^5}] [{n:>5}] [{n:05}]")
print(f"[{s:5}] [{s:>5}] [{s:^6}] [{s:*^7}] [{s:-<4}]")
print(f"{x:.2f} {x:8.3f} {x:<8.1f}| {x:e} {x:.3e}")
print(f"{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#b}")
print(f"{1234567:,} {1234567.891:,.2f} {1234567:_}")
print(f"{n:+d} {-n:+d} {n: d} {0.25:%} {0.25:.1%}")
print(f"{x:g} {1e20:g} {0.00001:g} {100.0:g}")
w = 10
p = 3
print(f"[{x:{w}.{p}f}]")
print(f"{2 ** 70:,}")
print(f"{True} {True:d} {3.0:.0f} {2.5:.0f}")
print(f"{-3.5:08.2f} {'x':>{w}}")
