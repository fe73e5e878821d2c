# A class that counts its instances in a class attribute (`Account.opened += 1` in
# __init__, a common learner pattern), with method calls on its instances and on those
# of another class: each store into a class's namespace must not empty the other
# classes' attribute caches.
class Account:
    opened = 0

    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        Account.opened += 1

    def deposit(self, amount):
        self.balance += amount
        return self.balance

    def is_rich(self):
        return self.balance > 1000


class Ledger:
    def __init__(self):
        self.entries = 0
        self.total = 0

    def record(self, amount):
        self.entries += 1
        self.total += amount

    def average(self):
        return self.total / self.entries


ledger = Ledger()
rich = 0
for i in range(60000):
    a = Account("user%d" % (i % 10), i % 500)
    a.deposit(i % 700)
    ledger.record(a.balance)
    if a.is_rich():
        rich += 1
    ledger.average()
print(Account.opened, rich, ledger.entries, round(ledger.average(), 3))
