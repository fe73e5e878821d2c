# choice, shuffle and sample with a fixed seed.
import random
random.seed(1)
print(random.choice([10, 20, 30, 40]), random.choice("python"), random.choice(range(100)))
cards = list(range(1, 14))
random.shuffle(cards)
print(cards)
print(random.sample(range(100), 5))
print(random.sample(["a", "b", "c", "d"], 4))
print(random.sample(range(10000), 6))
