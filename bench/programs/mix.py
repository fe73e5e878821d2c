# A mix: floats in lists inside functions, small classes, string building and dicts.
class Account:
    def __init__(self, name):
        self.name = name
        self.balance = 0.0

    def deposit(self, amount):
        self.balance += amount


def main():
    accounts = {}
    for i in range(200):
        accounts["acct" + str(i)] = Account("acct" + str(i))
    rates = [1.0 + i / 1000.0 for i in range(100)]
    log = []
    for i in range(100000):
        a = accounts["acct" + str(i % 200)]
        a.deposit(rates[i % 100] * 2.5)
        if i % 1000 == 0:
            log.append(a.name + "=" + str(round(a.balance, 2)))
    return sum(a.balance for a in accounts.values()), len(log), log[-1]


print(main())
