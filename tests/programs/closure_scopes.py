# Nested scopes: closures over parameters, several levels, globals and late binding.
x = "global"


def outer(a):
    b = a * 2

    def middle():
        c = b + 1

        def inner():
            return a + b + c

        return inner

    return middle()


print(outer(1)(), outer(10)())
fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])


def read_global():
    return x


def shadow():
    x = "local"

    def get():
        return x

    return get()


print(read_global(), shadow())


def setter():
    global x
    x = "changed"


setter()
print(x)


def accumulate():
    total = []

    def add(v):
        total.append(v)
        return total

    return add


acc = accumulate()
acc(1)
print(acc(2))
