# __import__ imports a module by name, as the import statement does.
m = __import__('math')
print(m.sqrt(16), __import__('math', fromlist=['sqrt']) is m, __import__('collections').deque([1]))
print(__import__('math', None, None, (), 0).pi, __import__(name='string').digits)
for args, kw in [((5,), {}), (('',), {}), (('x',), {'level': -1}), (('x',), {'level': 1}),
                 (('nosuch',), {}), ((), {}), (('math',), {'level': 'a'})]:
    try:
        __import__(*args, **kw)
    except Exception as e:
        print(type(e).__name__, e)
print(__import__)
