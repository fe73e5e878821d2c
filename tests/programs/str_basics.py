# String concatenation, repetition, length and indexing.
s = "hello"
t = "world"
print(s + " " + t)
print(s * 3, "-" * 10)
print(3 * "ab", "x" * 0, "y" * -2)
print(len(s), len(""), len(s + t))
print(s[0], s[4], s[-1], s[-5])
u = s
u += "!"
print(s, u)
print("ell" in s, "xyz" in s, "" in s, "h" not in s)
print(s == "hello", s != t, s < t, "apple" < "apricot")
print("Zebra" < "apple", "abc" < "abcd", "b" > "abc")
print(str(123) + "4", "5" * 2)
print("a" "b" "c")
print('single', "double", """triple""", '''also''')
