# Identifiers are NFKC-normalised as CPython does (PEP 3131): the ligature fi is fi.
ﬁ = 1
print(fi)
ℌ = 2
print(H)
class K:
    ﬀ = 3
print(K.ff, getattr(K, "ff"))
def g(ﬁx=4):
    return fix
print(g(), g(fix=5))
