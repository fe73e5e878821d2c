# 'z' in a format spec (PEP 682, new in 3.11): a float that rounds to zero loses its '-',
# in every presentation type and in both parts of a complex; ints and strs refuse it.
readings = [-0.0, -0.01, -0.04, -0.05, 0.0, -1e-9, float("-inf"), -2.5]
for v in readings:
    print(repr(v), [format(v, s) for s in ["z.1f", "z", "z.0e", "z.2g", "z.1%", "+z.1f", "z5.1f", "z,.1f"]])
print(format(complex(-0.0, -0.0), "z.1f"), format(complex(-0.001, -0.0), "z"))
print(f"{-0.0:z.1f}", "{:z.2f}".format(-0.001), f"{-0.0:z=+8.2f}", f"{-0.0:z#.0f}")
for value, spec in [(1, "z"), (1, "zd"), (True, "z"), (1, "z.2"), ("a", "z"), ("a", "zs")]:
    try:
        print(repr(format(value, spec)))
    except ValueError as e:
        print("ValueError:", e)
