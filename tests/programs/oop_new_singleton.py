class Singleton:
    _instance = None
    def __new__(cls, *args):
        if cls._instance is None:
            print("creating")
            cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self, value):
        print("init", value)
        self.value = value
a = Singleton(1)
b = Singleton(2)
print(a is b, a.value)
class Positive(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
p = Positive(-5)
print(p, type(p).__name__, p + 1, isinstance(p, int))
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
u = Upper("hi")
print(u, u.lower(), type(u.lower()).__name__, len(u))
