class Deck:
    ranks = "A23"
    suits = "SH"
    def __init__(self):
        self.cards = [r + s for s in self.suits for r in self.ranks]
    def __len__(self):
        return len(self.cards)
    def __getitem__(self, i):
        return self.cards[i]
    def __setitem__(self, i, v):
        self.cards[i] = v
    def __delitem__(self, i):
        del self.cards[i]
    def __contains__(self, card):
        print("contains", card)
        return card in self.cards
    def __reversed__(self):
        return iter(self.cards[::-1])
d = Deck()
print(len(d), d[0], d[-1], d[1:3])
print("AS" in d, "KS" in d)
d[0] = "KS"
del d[1]
print(list(d), list(reversed(d)))
for c in d:
    print(c, end=" ")
print()
print(sorted(d), max(d))
