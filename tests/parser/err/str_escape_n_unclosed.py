s = "ab\N{x"
