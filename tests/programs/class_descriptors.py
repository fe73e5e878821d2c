# Descriptors written in Python (__get__, __set__, __delete__, __set_name__) and the
# attribute hooks __getattribute__, __getattr__, __setattr__ and __delattr__.
class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)

    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name[1:]} must be positive")
        setattr(obj, self.name, value)

    def __delete__(self, obj):
        print("deleting", self.name)
        delattr(obj, self.name)


class Account:
    balance = Positive()

    def __init__(self, balance):
        self.balance = balance


acct = Account(10)
print(acct.balance, acct.__dict__, type(Account.balance).__name__)
try:
    acct.balance = -5
except ValueError as e:
    print("ValueError:", e)
del acct.balance
print(acct.__dict__)


class Constant:
    def __init__(self, value):
        self.value = value

    def __get__(self, obj, objtype):
        return self.value


class Config:
    answer = Constant(42)


c = Config()
c.answer = "mine"
print(Config.answer, c.answer)


class Logged:
    def __init__(self):
        self.x = 1

    def __getattribute__(self, name):
        print("get", name)
        return super().__getattribute__(name)

    def __getattr__(self, name):
        return "default " + name

    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)


o = Logged()
print(o.x, o.missing)
o.y = 2
del o.x
print(o.__dict__)


class ReadOnly:
    def __setattr__(self, name, value):
        raise AttributeError(f"can't set {name}")


r = ReadOnly()
try:
    r.z = 1
except AttributeError as e:
    print(e)


class Counter:
    def __call__(self, n=1):
        return n * 2


print(Counter()(21), callable(Counter()))
