# A function's annotations and the attributes a program sets on it are not its defaults:
# Python Tutor lists only the parameters' default values with a function.
def area(w: float, h: float = 2.0) -> float:
    return w * h


def scale(values: list, *, factor: int = 3, label: str = "x") -> list:
    return [v * factor for v in values]


def counter():
    counter.calls += 1
    return counter.calls


counter.calls = 0


def make_adder(n: int):
    def add(x: int = 1) -> int:
        return x + n
    return add


add5 = make_adder(5)
print(area(3.0), scale([1, 2], factor=2), counter(), counter(), add5(), add5(2))
print(area.__annotations__, counter.calls, scale.__kwdefaults__)
