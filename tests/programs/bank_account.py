# A bank account hierarchy with a custom exception and a class attribute.
class InsufficientFunds(Exception):
    def __init__(self, needed):
        super().__init__(f"need {needed} more")
        self.needed = needed


class Account:
    interest = 0.0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount - self.balance)
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def add_interest(self):
        self.deposit(round(self.balance * self.interest, 2))

    def __str__(self):
        return f"{self.owner}: {self.balance}"


class Savings(Account):
    interest = 0.05


acct = Savings("ann", 100)
acct.deposit(50)
acct.add_interest()
print(acct, acct.history)
try:
    acct.withdraw(1000)
except InsufficientFunds as e:
    print("failed:", e, e.needed)
plain = Account("bob")
plain.add_interest()
print(plain, Account.interest, Savings.interest)
