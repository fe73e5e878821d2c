# s += t and s = s + t on a local str grow it in place when nothing else holds it;
# every other holder must keep seeing the old text.
def build(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
    return s


def aliases():
    s = "ab" + str(1)
    t = s
    s += "cd"
    u = [s]
    s = s + "ef"
    d = {s: 1}
    s += "gh"
    return s, t, u, d


def unicode_and_keys():
    s = "k" + str(7)
    s += "é"
    s += "ü€"
    keys = {}
    keys[s] = len(s)
    s2 = s
    s += "x"
    keys[s] = len(s)
    return s, s2, keys, s[3], s[-2:], s.upper()


def error():
    s = "q" + str(5)
    try:
        s += 1
    except TypeError as e:
        print("TypeError:", e)
    return s


print(build(25))
print(aliases())
print(unicode_and_keys())
print(error())
g = "mod" + str(1)
g += "ule"
print(g)
