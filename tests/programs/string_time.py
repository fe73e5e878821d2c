# The string module's constants, capwords and Template; the time module's clocks.
import string
import time
from string import Template

print(string.ascii_lowercase, string.ascii_uppercase, string.digits, string.hexdigits)
print(string.octdigits, string.punctuation, repr(string.whitespace), len(string.printable))
print(string.ascii_letters[20:30], string.capwords(' hello   world '), string.capwords('a-b c', '-'))
t = Template('$who likes ${what}, costs $$5')
print(t.substitute(who='tim', what='kung pao'), t.safe_substitute(who='x'), t.template)
print(t.substitute({'who': 1, 'what': 2}), t.substitute({'who': 1}, what=3))
for bad in (lambda: t.substitute(who='a'), lambda: Template('$ x').substitute(),
            lambda: Template('a\n $').substitute(), lambda: time.sleep(-1), lambda: time.sleep('a')):
    try:
        bad()
    except (KeyError, ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
time.sleep(0.01)
print(time.perf_counter() > 0, time.monotonic() > 0, time.time() > 1600000000,
      type(time.time()).__name__, time.sleep(0))
