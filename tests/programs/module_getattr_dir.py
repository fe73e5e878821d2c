# PEP 562: a module's own __getattr__ and __dir__, for modules the program makes.
import sys
import types

lazy = types.ModuleType('lazy', 'computed on demand')
calls = []

def _getattr(name):
    calls.append(name)
    if name.startswith('double_'):
        return 2 * int(name[len('double_'):])
    raise AttributeError(f"module 'lazy' has no attribute {name!r}")

lazy.__getattr__ = _getattr
lazy.present = 'here'
print(lazy.present, lazy.double_21)
print(getattr(lazy, 'missing', 'default'), hasattr(lazy, 'double_4'), calls)
try:
    lazy.missing
except AttributeError as e:
    print('AttributeError:', e)

print(dir(lazy))
lazy.__dir__ = lambda: ('zeta', 'alpha', 'present')
print(dir(lazy))
del lazy.__dir__
del lazy.__getattr__
try:
    lazy.double_3
except AttributeError as e:
    print('AttributeError:', e)

# from ... import falls back to __getattr__ once the module is in sys.modules
lazy.__getattr__ = _getattr
sys.modules['lazy'] = lazy
from lazy import double_5, present
print(double_5, present)
try:
    from lazy import nothing
except ImportError as e:
    print('ImportError:', e)

# a __getattr__ that raises something else propagates it
def broken(name):
    raise KeyError(name)
lazy.__getattr__ = broken
try:
    lazy.x
except KeyError as e:
    print('KeyError:', e)

# a class's __dir__ gives dir() its names, sorted
class Shape:
    def __dir__(self):
        return ['width', 'area', 'height']
print(dir(Shape()))
