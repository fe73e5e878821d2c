import json
from collections import OrderedDict
from fractions import Fraction

text = '{"name": "Ann", "age": 30, "scores": [1.5, 2.25], "a": 1, "a": 2, "ok": true}'
print(json.loads(text))
print(json.loads(text, object_pairs_hook=list))
print(json.loads(text, object_pairs_hook=OrderedDict))
print(json.loads('[1.1, 2, 3.5e2]', parse_float=Fraction, parse_int=float))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda s: "const:" + s))

class Person:
    def __init__(self, name, age):
        self.name, self.age = name, age
    def __repr__(self):
        return f"Person({self.name!r}, {self.age})"

def as_person(d):
    if "name" in d and "age" in d:
        return Person(d["name"], d["age"])
    return d

print(json.loads('[{"name": "Bo", "age": 4}, {"x": 1}]', object_hook=as_person))
dec = json.JSONDecoder(object_hook=as_person)
print(dec.decode(' {"name": "Cy", "age": 5} '))
print(dec.raw_decode('{"name": "Di", "age": 6} trailing'))
print(json.JSONDecoder().raw_decode('[1, 2] [3]', 7))
print(json.loads('"tab\there"', strict=False))
try:
    json.loads('"tab\there"')
except json.JSONDecodeError as e:
    print("error:", e)
try:
    json.JSONDecoder().raw_decode(' 1')
except json.JSONDecodeError as e:
    print("error:", e, e.pos)
try:
    json.JSONDecoder().decode('[1] x')
except ValueError as e:
    print("error:", e)

class MyDecoder(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_hook=self.hook, **kw)
    def hook(self, d):
        return {k.upper(): v for k, v in d.items()}

print(json.loads('{"a": {"b": 1}}', cls=MyDecoder))
print(json.loads('[1, 2]', cls=MyDecoder, parse_int=str))
dec = json.JSONDecoder()
print(dec.strict, dec.object_hook, dec.parse_float is float, dec.parse_int is int)
print(json.loads('{"x": 1}', object_hook=lambda d: sorted(d.items())))
import io
print(json.load(io.StringIO('{"k": [1, 2]}'), object_pairs_hook=tuple))
try:
    json.loads(5)
except TypeError as e:
    print(e)
