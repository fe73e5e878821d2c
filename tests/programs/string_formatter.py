# string.Formatter: str.format's machinery as methods a subclass may override.
import string

f = string.Formatter()
print(f.format("{} + {} = {total}", 2, 3, total=5))
print(f.format("{0!r:>8}|{name:^7}|{1.real}|{items[1]}", "ab", 7, name="mid", items=[1, 2]))
print(f.format("{:{width}.{prec}f}", 3.14159, width=10, prec=3))
print(f.vformat("{a}-{b}", (), {"a": 1, "b": 2}))
print(list(f.parse("a{{b}}c{0!r:>{w}}d{x.y[0]}")))
print(list(f.parse("")), list(f.parse("{}")), list(f.parse("x{:}")))
print(f.get_field("0.imag", (3,), {}), f.get_field("k[2]", (), {"k": "xyz"}))
print(f.get_value(1, ("a", "b"), {}), f.get_value("k", (), {"k": 9}))
print(f.convert_field("é", "a"), f.convert_field(5, "r"), f.convert_field(5, None))
print(f.format_field(255, "#x"), f.check_unused_args(set(), (), {}))


class Defaulting(string.Formatter):
    def get_value(self, key, args, kwargs):
        if isinstance(key, str):
            return kwargs.get(key, "<" + key + ">")
        return super().get_value(key, args, kwargs)


class Upper(string.Formatter):
    def format_field(self, value, format_spec):
        return super().format_field(value, format_spec).upper()

    def convert_field(self, value, conversion):
        if conversion == "d":
            return value * 2
        return super().convert_field(value, conversion)


class Strict(string.Formatter):
    def check_unused_args(self, used_args, args, kwargs):
        unused = set(kwargs) - used_args
        if unused:
            raise ValueError("unused: " + ", ".join(sorted(unused)))


print(Defaulting().format("{name} is {age}", name="Ada"))
print(Upper().format("{0} and {1!d} and {2:x}", "low", "ab", 255))
print(Strict().format("{a}", a=1))
for call in (lambda: Strict().format("{a}", a=1, b=2),
             lambda: f.format("{} {0}", 1),
             lambda: f.format("{0} {}", 1),
             lambda: f.format("{", 1),
             lambda: f.format("}"),
             lambda: f.format("{0!x}", 1),
             lambda: f.format("{0:{1:{2}}}", 1, 2, 3),
             lambda: f.format("{missing}"),
             lambda: f.format("{5}", 1),
             lambda: list(f.parse("{0!rx}")),
             lambda: f.get_field("a[0", (), {"a": [1]}),
             lambda: f.get_field("a.", (), {"a": 1}),
             lambda: f.format()):
    try:
        print(call())
    except (ValueError, KeyError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
