# The kinds of built-in descriptors and bound methods, as type() names them, and their reprs.
import types

print(complex.real, complex.imag, type(complex.real).__name__)
print(complex.real.__get__(3 + 4j), complex.imag.__get__(3 + 4j), (2 - 5j).imag)
print(complex.real.__name__, complex.real.__objclass__)
for z in [(1j).real, (1 + 2j).conjugate()]:
    print(z)
try:
    (1j).real = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    complex.imag.__set__(1j, 2)
except AttributeError as e:
    print("AttributeError:", e)
try:
    (1).real = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    (1).bit_length = 5
except AttributeError as e:
    print("AttributeError:", e)

print(type(int.__add__), type((1).__add__), type(list.append), type([].append))
print(int.__add__, list.append, str.__len__, object.__eq__, object.__init__)
print(repr((1).__add__).split(" at ")[0], repr([].append).split(" at ")[0])
print(type(object.__init__), type(object().__init__), type(object.__eq__), type(object().__str__))
print(type(len), type(str.__len__), type("a".__len__), type(dict.fromkeys), type(str.join))
print(type(int.real), type(float.imag))
print(types.WrapperDescriptorType, types.MethodWrapperType, types.MethodDescriptorType)
print(type(int.__add__) is types.WrapperDescriptorType, type((1).__add__) is types.MethodWrapperType)
print(isinstance([].append, types.BuiltinMethodType), isinstance((1).__add__, types.BuiltinMethodType))
print(int.__add__(2, 3), (2).__add__(3), list.__len__([1, 2]), [1].__len__())
print((1).__add__.__name__, (1).__add__.__qualname__, (1).__add__.__objclass__, (1).__add__.__self__)
print(int.__add__.__name__, int.__add__.__qualname__, int.__add__.__objclass__)
add = (10).__add__
print(list(map(add, [1, 2, 3])), sorted([3, 1, 2], key=(5).__sub__))
try:
    int.__add__("a", 1)
except TypeError as e:
    print("TypeError:", e)
print(callable(int.__add__), callable((1).__add__))
