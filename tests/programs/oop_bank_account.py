class BankAccount:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
    @property
    def balance(self):
        return self._balance
    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError("balance cannot be negative")
        self._balance = value
    def deposit(self, amount):
        self.balance += amount
        return self
    def __repr__(self):
        return f"BankAccount({self.owner!r}, {self._balance})"
acc = BankAccount("ann", 10)
acc.deposit(5).deposit(7)
print(acc, acc.balance)
try:
    acc.balance = -1
except ValueError as e:
    print("error:", e)
try:
    del acc.balance
except AttributeError as e:
    print("error:", e)
print(BankAccount.balance.fset.__name__, type(BankAccount.balance))
