import keyword
import sys
print(keyword.kwlist)
print(keyword.softkwlist)
print(len(keyword.kwlist), keyword.__all__)
print(type(keyword.iskeyword).__name__)
for w in ['if', 'match', 'print', 'None', '_', 'case', 'True', 'true', '']:
    print(repr(w), keyword.iskeyword(w), keyword.issoftkeyword(w))
print(keyword.iskeyword(3), keyword.kwlist[0] == 'False')
for g in (lambda: keyword.iskeyword([]), lambda: keyword.iskeyword(),
          lambda: keyword.issoftkeyword('a', 'b'), lambda: keyword.iskeyword(s='if')):
    try:
        print(g())
    except TypeError as e:
        print('TypeError:', e)
names = [n for n in keyword.__all__ if not n.startswith('__')]
print(names)
from keyword import iskeyword, kwlist
print([w for w in ['def', 'x', 'yield', 'await'] if iskeyword(w)])
print(sorted(kwlist, key=len)[-3:])
kw = keyword.kwlist
first = kw[0]
test = keyword.iskeyword
print(first, test(first), len(kw))
keyword.iskeyword({})
