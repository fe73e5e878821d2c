# An uncaught exception deep in a call chain through methods.
class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"insufficient funds: {self.balance} < {amount}")
        self.balance -= amount
        return self.balance


def pay(account, bills):
    for b in bills:
        account.withdraw(b)
        print("paid", b, "left", account.balance)


pay(Account(100), [30, 50, 40])
