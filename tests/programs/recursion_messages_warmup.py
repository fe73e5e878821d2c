# Which nested call a runaway recursion fails in, and so the RecursionError's words, as
# CPython 3.11's: a call of a C function from code not yet quickened (before its 8th call
# or loop iteration) is a level against the limit while it runs, as print() here at
# module level; repr(), hash() and the other METH_O built-ins are a level at every call;
# int(), complex() and zip() too (no vectorcall); str() only before quickening; sorted()
# calls the list's sort method (one more).
class Repr:
    def __repr__(self):
        return repr(self)


class Str:
    def __str__(self):
        return str(self)


class FRepr:
    def __repr__(self):
        return f"{self!r}"


class ListRepr:
    def __repr__(self):
        return str([self])


class Less:
    def __lt__(self, other):
        return self < other


class Hash:
    def __hash__(self):
        return hash(self)


class Percent:
    def __repr__(self):
        return "%r" % (self,)

    def __str__(self):
        return "%s" % self


class Int:
    def __int__(self):
        return int(self)


class Abs:
    def __abs__(self):
        return abs(self)


try:
    print(Repr())
except RecursionError as e:
    print("print(Repr()):", e)
try:
    print(Str())
except RecursionError as e:
    print("print(Str()):", e)
try:
    print(FRepr())
except RecursionError as e:
    print("print(FRepr()):", e)
try:
    print([ListRepr()])
except RecursionError as e:
    print("print([ListRepr()]):", e)
try:
    print(sorted([Less(), Less()]))
except RecursionError as e:
    print("sorted:", e)
try:
    print({Hash()})
except RecursionError as e:
    print("{Hash()}:", e)
try:
    print(repr(Percent()), str(Percent()))
except RecursionError as e:
    print("%:", e)
try:
    int(Int())
except RecursionError as e:
    print("int:", e)
try:
    abs(Abs())
except RecursionError as e:
    print("abs:", e)


def show(make):
    try:
        make()
    except RecursionError as e:
        return str(e)


# the same calls from a function and from a loop: their first 7 runs are not quickened
def in_function():
    return show(lambda: print(Repr()))


print([in_function() == in_function() for _ in range(3)])
for i in range(10):
    print(i, in_function(), "|", show(lambda: print(Str())))
