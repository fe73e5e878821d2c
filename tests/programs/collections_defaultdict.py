# collections.defaultdict: missing keys get a value from the default factory.
from collections import defaultdict

groups = defaultdict(list)
for word in ['apple', 'avocado', 'banana', 'cherry', 'blueberry']:
    groups[word[0]].append(word)
print(groups)
print(groups['z'], len(groups), groups.default_factory)
tally = defaultdict(int)
for ch in 'mississippi':
    tally[ch] += 1
print(tally, dict(tally))
nested = defaultdict(lambda: 'n/a', {'k': 'v'})
print(nested['k'], nested['other'], sorted(nested))
plain = defaultdict()
print(plain, plain.default_factory)
try:
    plain['missing']
except KeyError as e:
    print('KeyError:', e)
try:
    defaultdict(5)
except TypeError as e:
    print('TypeError:', e)
copy = groups.copy()
print(type(copy).__name__, copy == groups, copy is groups, copy['a'] is groups['a'])
print(groups.get('q'), 'q' in groups, defaultdict(int, a=1) | {'b': 2})
tally.default_factory = list
print(tally['new'], isinstance(tally, dict))
