# sys.modules is a dict of the loaded modules; __main__'s dict is the program's globals.
import sys
import __main__

print(type(sys.modules).__name__)
print('__main__' in sys.modules, 'sys' in sys.modules, 'builtins' in sys.modules)
me = sys.modules[__name__]
print(me is __main__, __main__.__name__)
x = 5
print(me.x, __main__.__dict__ is globals())
__main__.y = 7
print(y)
setattr(me, 'z', [1, 2])
print(z, 'z' in globals())
del __main__.z
print('z' in globals())

# import fills sys.modules and consults it
import math
print(sys.modules['math'] is math)
del sys.modules['math']
print('math' in sys.modules)
import math as m2
print(m2 is math, sys.modules['math'] is m2, m2.sqrt(16))

# a module the program made is found by import once in sys.modules
import types
cfg = types.ModuleType('cfg')
cfg.debug = True
sys.modules['cfg'] = cfg
import cfg as c2
from cfg import debug
print(c2 is cfg, debug)
try:
    from cfg import verbose
except ImportError as e:
    print(type(e).__name__, e)
del sys.modules['cfg']
try:
    import cfg
except ImportError as e:
    print(type(e).__name__, e)

# counts: sys.modules, the runner and the names hold __main__; the module, the
# module frame and every function hold the globals
print(sys.getrefcount(__main__))
print(sys.getrefcount(sys.modules))
g = globals()
print(sys.getrefcount(g))
def f():
    return sys.getrefcount(globals())
print(sys.getrefcount(g), f())
del f
print(sys.getrefcount(g))

# exec with a dict: the functions it defines hold it
d = {}
exec("def h():\n    return 1\n", d)
h = d['h']
del d
print(h(), sys.getrefcount(h.__globals__), sorted(h.__globals__))

mods = sys.modules
print(mods is sys.modules, sys.getrefcount(mods))
