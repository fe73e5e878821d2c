z = 3 + 4j
print(f"{z:.1f}")
