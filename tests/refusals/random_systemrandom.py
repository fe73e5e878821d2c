import random
rng = random.SystemRandom()
