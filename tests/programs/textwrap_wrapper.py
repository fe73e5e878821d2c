# textwrap.TextWrapper: the options as attributes, wrap and fill as methods.
import textwrap

sample = ("The quick brown fox jumps over the lazy dog; meanwhile, a well-known "
        "hyphenated-word and an extraordinarily-long-compound-expression test the wrapper.")
w = textwrap.TextWrapper(width=30)
print(w.width, repr(w.initial_indent), w.expand_tabs, w.max_lines, repr(w.placeholder), w.tabsize)
for line in w.wrap(sample):
    print(repr(line))
w.width = 20
w.initial_indent = "* "
w.subsequent_indent = "  "
print(w.fill(sample))
print(w.wrap(sample) == textwrap.wrap(sample, width=20, initial_indent="* ", subsequent_indent="  "))
w.max_lines = 3
w.placeholder = " ..."
print(w.fill(sample))
narrow = textwrap.TextWrapper(8, break_long_words=False, break_on_hyphens=False)
print(narrow.wrap("antidisestablishmentarianism is-a-long-word ok"))
tabs = textwrap.TextWrapper(width=12, tabsize=4, drop_whitespace=False)
print(tabs.wrap("a\tb\tc d e f g h i j"))
print(textwrap.TextWrapper(width=10, replace_whitespace=False).wrap("a b\nc d e f g"))
print(type(w).__name__, isinstance(w, textwrap.TextWrapper))
for bad in ("w.wrap(5)", "textwrap.TextWrapper(width=0).wrap('abc')",
            "textwrap.TextWrapper(max_lines=1, placeholder=' [......]', width=5).wrap('a b c')",
            "textwrap.TextWrapper(widht=3)"):
    try:
        eval(bad)
    except (AttributeError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
