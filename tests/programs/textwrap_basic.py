# textwrap: wrap, fill, shorten, dedent and indent as CPython's TextWrapper
import textwrap

text = ("The quick brown fox jumps over the lazy dog. Memory is a well-known "
        "topic; self-explanatory names help -- sometimes a lot. Tabs\tand\nnewlines "
        "become spaces. A verylongwordthatdoesnotfitanywhereatall breaks.")
for width in (10, 20, 35, 70):
    print(textwrap.wrap(text, width))
print(textwrap.fill(text, 30))
print(textwrap.fill(text, 25, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap("well-known re-entrant e-mail x-ray", 6))
print(textwrap.wrap("well-known re-entrant", 6, break_on_hyphens=False))
print(textwrap.wrap("abcdefghijklmnop", 5), textwrap.wrap("abcdefghijklmnop", 5, break_long_words=False))
print(textwrap.wrap("  leading and trailing  ", 8), textwrap.wrap("  keep  ", 8, drop_whitespace=False))
print(textwrap.wrap(text, 20, max_lines=3), textwrap.wrap(text, 20, max_lines=2, placeholder="..."))
print(textwrap.shorten("Hello  world!", width=12), textwrap.shorten("Hello  world!", width=11))
print(textwrap.shorten(text, 40), textwrap.shorten("tiny", 10))
print(textwrap.wrap(""), textwrap.fill("a b", 1))
code = """
    def f():
        return 1

      # comment
    """
print(repr(textwrap.dedent(code)))
print(repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("   \n  x\n    y")))
print(textwrap.indent("one\n\ntwo\n", "> "))
print(textwrap.indent("one\n\ntwo", "+ ", lambda line: True))
try:
    textwrap.wrap("x", 0)
except ValueError as e:
    print("ValueError:", e)
try:
    textwrap.shorten("hello world", 3)
except ValueError as e:
    print("ValueError:", e)
