# bytes % args (PEP 461) and bytearray % args, with CPython 3.11's errors.


class B:
    def __bytes__(self):
        return b"<B>"


class NB:
    def __bytes__(self):
        return "x"


tests = (
 "'%\x01|' % 1", "'%s' % b'ab'",
 "b'%d %s' % (1, b'x')", "b'%5d|%-5d|%05d|%+d|% d' % (42, 42, 42, 42, 42)",
 "b'%x %X %o %#x %#o' % (255, 255, 8, 255, 8)", "b'%.3f %e %g %10.2f' % (3.14159, 1e10, 0.5, 2.5)",
 "b'%s' % bytearray(b'ba')", "b'%b' % b'bb'", "b'%s' % B()", "b'%r %a' % ('\u00e9', b'x')",
 "b'%c%c%c' % (65, b'B', bytearray(b'C'))", "b'%5s|%-5s|%.2s' % (b'ab', b'ab', b'abcd')",
 "b'%(a)s-%(b)d' % {b'a': b'x', b'b': 2}", "b'100%%'  % ()", "bytearray(b'%d') % 5",
 "b'%s' % 'str'", "b'%b' % 3", "b'%s' % NB()", "b'%c' % 256", "b'%c' % 'a'", "b'%c' % b'ab'",
 "b'%d' % 'x'", "b'%x' % 1.5", "b'%f' % 'x'", "b'%d %d' % (1,)", "b'%d' % (1, 2)", "b'%z' % 1",
 "b'%(a)s' % (1,)", "b'%(a' % {b'a': 1}", "b'%' % ()", "b'%s' % {b'a': 1}", "b'%d' % 3.7",
 "b'%s %s' % [1, 2]", "b'%s' % [b'x']", "b'%i %u' % (True, -3)", "b'\\x00%s\\xff' % b'\\x00'",
 "b'%5c|' % 65", "b'%*d|%-*d' % (4, 1, 4, 2)", "b'%.*f' % (2, 1.2345)", "b'%r' % b'q'",
 "b'%a' % 1.5", "b'%\\xe9' % 1", "b'%(x)s' % {'x': 1}",
 "type(bytearray(b'%s') % b'z')", "b'%s' % (b'a',)", "b'%c' % -1",
)
for t in tests:
    try:
        print(t, '->', repr(eval(t)))
    except Exception as e:
        print(t, '->', type(e).__name__, e)

log = bytearray(b"[%s] %05.1f%%")
print(log % (b"cpu", 42.25), (log % (b"cpu", 42.25)).decode())
print(b"%(n)s=%(v)x" % {b"n": b"mask", b"v": 255})
b"%d apples" % b"3"
