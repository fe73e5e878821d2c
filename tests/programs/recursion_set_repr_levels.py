# A set's or frozenset's repr takes the repr of a list of its keys, as CPython's set_repr
# does: one level more against the recursion limit than a list's, which decides which of
# the nested calls a runaway __repr__ fails in (and so the RecursionError's words).
class S:
    def __repr__(self):
        return repr({self})

    def __hash__(self):
        return 1


class F(S):
    def __repr__(self):
        return repr(frozenset([self]))


class L(S):
    def __repr__(self):
        return repr([self])


class X(S):
    def __repr__(self):
        return "x"


def deepest(make):
    """The deepest a call of make() still works from, below the limit."""
    def down(d):
        return down(d - 1) if d > 0 else make()
    for d in range(1000, 900, -1):
        try:
            down(d)
            return d
        except RecursionError:
            pass


def message(make):
    try:
        make()
    except RecursionError as e:
        return str(e)


for _ in range(9):  # past CPython's warm-up, so that every call below is specialized
    found = [deepest(lambda: repr({X()})), deepest(lambda: repr(frozenset([X()]))),
             deepest(lambda: repr([X()])), deepest(lambda: repr({1: X()}))]
    texts = [message(lambda: repr(S())), message(lambda: repr(F())), message(lambda: repr(L()))]
print(found)
print(texts)
print(repr({X(), 2}) in ("{x, 2}", "{2, x}"), frozenset(), set())
