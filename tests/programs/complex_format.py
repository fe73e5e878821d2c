# Format specs on complex numbers: each part formatted as a float, then padded as a whole.
z = 3 + 4j
print(format(z, ".2f"), f"{z:10.3g}|", f"{z:>20}|", f"{z:e}", f"{1.5-2j:+.1f}")
print(f"{z!r:>12}|", f"{-0.0-1j:.1f}", f"{complex(1e20, 1):g}", f"{z:_>20.2f}")
print(f"{2j:}", f"{2j:.0f}", f"{2j:5}|", f"{-2j:.3}", f"{complex(-0.0, 2)}", f"{complex(-0.0, 2):}")
print(f"{z:<14}|", f"{z:^14}|", f"{z:*^16.1f}", f"{z: .2e}", f"{z:E}", f"{z:G}", f"{z:n}")
print(f"{complex(1234567, -7654321):,.1f}", f"{complex(1234567, 1):_}", f"{z:#.0f}", f"{z:.0f}")
print(f"{complex(float('inf'), float('nan')):f}", f"{complex(1e-7, 1e16)}", f"{complex(1e-7, 1e16):.3}")
print("{:>10.1f}".format(1 - 1j), "%s" % (2 + 0j))
for spec in ("010", "0>10", "=10", "d", "%", "x", ".2s"):
    try:
        format(z, spec)
    except ValueError as e:
        print("ValueError", e)
