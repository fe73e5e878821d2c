# An escaped backslash before N{ is no \\N{...} escape: the braces are a replacement field.
DASH = "-"
print(f"\\N{DASH}")
print(f"a\\\\N{DASH}b", rf"\N{DASH}", f"{DASH}\\")
print("\\N{DASH}", r"\N{x}")
