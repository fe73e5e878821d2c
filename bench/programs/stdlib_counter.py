# collections.Counter of 100,000 words (issue 17's target: within 2x of CPython).
from collections import Counter

vocabulary = ['w%d' % i for i in range(500)]
words = [vocabulary[(i * 7919) % 500] for i in range(100000)]
for _ in range(10):
    counts = Counter(words)
print(len(counts), counts.most_common(3))
