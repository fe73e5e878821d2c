# hash() of str and bytes is CPython 3.11's SipHash-1-3 (with PYTHONHASHSEED=0, as the
# corpus runs), so sets of strings iterate in CPython's order.
words = ['', 'a', 'é', 'naïve', 'ÿ', 'Ā', '日本語', 'emoji 😀', 'x' * 7, 'y' * 8, 'z' * 9,
         'mixed ascii and ünïcödé text that is long', '\x00', 'a\x00b', '\ud800' if False else 'ok']
for w in words:
    print(repr(w), hash(w))
for b in [b'', b'a', b'abcdefgh', b'\xff' * 17]:
    print(b, hash(b))
print(hash('abc') == hash(b'abc'), hash('é') == hash('é'.encode('latin-1')))
print({'apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape'})
print(set('the quick brown fox jumps over the lazy dog'))
print({'ä', 'ö', 'ü', 'ß', '€', '漢', '字'})
print(frozenset({'a', 'bb'}) | {'ccc'}, {'x', 'yy'} ^ {'yy', 'zzz'})
print(hash(('a', 'b')), hash(frozenset(['a', 'b'])))
# a set display of constants is made from a frozenset constant, remade once as CPython's
# compiler does: its order is not the order of adding the items one by one
L = ['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape']
s = set()
for w in L:
    s.add(w)
print(s, set(L), frozenset(L))
print({'apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape'})
a = 'apple'
print({a, 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape'})
print({'ab', 'cd'}, {'ab', 'cd', 'ef'}, {1.5, 'x', (1, 'y'), -3, b'by'})
