# A private parameter's annotation and keyword-only default are keyed by its mangled name.


class Shape:
    __sides: int = 0

    def scale(self, __factor: float, *, __round: bool = True) -> float:
        return round(__factor) if __round else __factor


print(Shape.__annotations__)
print(Shape.scale.__annotations__)
print(Shape.scale.__kwdefaults__, Shape().scale(2.6))
