# Functions CPython writes in Python are no built-in functions to isinstance() or a class
# pattern, and their __module__ is the module CPython defines them in
import collections
import collections.abc
import json
import random
import types

for f in [json.dumps, random.randint]:
    print(isinstance(f, types.BuiltinFunctionType), isinstance(f, (types.BuiltinMethodType, int)))
    match f:
        case types.BuiltinFunctionType():
            print("built-in", f.__name__)
        case types.FunctionType() | types.MethodType():
            print("Python", f.__name__, f.__module__)
print(isinstance(len, types.BuiltinFunctionType), isinstance(len, types.FunctionType))
for name in ["__init__", "decode", "raw_decode"]:
    print(name, getattr(json.JSONDecoder, name).__module__)
print(collections.Counter.fromkeys, collections.Counter.fromkeys.__module__)
print(collections.UserDict.fromkeys.__qualname__, type(collections.UserDict.fromkeys).__name__)
print(collections.abc.Sized.__subclasshook__, collections.abc.Sized.__subclasshook__.__module__)
print(collections.abc.Set._from_iterable.__qualname__, collections.abc.Set._from_iterable.__module__)
