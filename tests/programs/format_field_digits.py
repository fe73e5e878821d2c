# str.format reads a field's number as a ssize_t: more digits than that is CPython's
# ValueError, in the field name and in an index, before anything is looked up.
for fmt in ("{99999999999999999999}", "{9223372036854775807}", "{0[99999999999999999999]}",
            "{0[9223372036854775808]}", "{0[1]}"):
    try:
        print(fmt, "->", fmt.format([1, 2]))
    except (ValueError, IndexError, TypeError) as e:
        print(fmt, "->", type(e).__name__, e)
try:
    print("{99999999999999999999}".format_map({}))
except ValueError as e:
    print("format_map ->", e)
