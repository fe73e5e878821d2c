import sys

print(sys.stdout, sys.stderr, sys.stdin)
print(type(sys.stdout), sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
print(len(sys.argv), sys.argv[0].endswith("sys_streams.py"), type(sys.argv))
n = sys.stdout.write("written directly\n")
print("write returned", n)
sys.stdout.write("no newline, ")
sys.stdout.flush()
print("then print")
print("to stderr", 1, 2, sep="-", file=sys.stderr)
sys.stderr.write("stderr write\n")
print("explicit stdout", file=sys.stdout)
sys.stdout.writelines(["a\n", "b\n"])
print(sys.stdout.name, sys.stdout.mode, sys.stdout.encoding, sys.stderr.errors, sys.stdin.name)
print(sys.stdin.fileno(), sys.stdout.fileno(), sys.stderr.fileno(), sys.stdout.isatty())
print(sys.stdin.readable(), sys.stdin.writable(), sys.stdout.readable(), sys.stdout.writable())
for bad in [lambda: sys.stdout.write(5), lambda: sys.stdout.read(), lambda: sys.stdin.write("x"),
            lambda: sys.stdout.write(), lambda: sys.stdin.readline("x"),
            lambda: sys.stdout.writelines([1]), lambda: sys.stdout.flush(1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

# stdin: readline keeps the newline, input() shares the same buffer
first = sys.stdin.readline()
print(repr(first))
print(repr(sys.stdin.readline(3)))
print(repr(input()))
print(repr(sys.stdin.read(4)))
read = sys.stdin.readline
print(read().split())
count = 0
for line in sys.stdin:
    count += 1
    print(count, repr(line))
    if count == 2:
        break
print(sys.stdin.readlines())
print(repr(sys.stdin.readline()), repr(sys.stdin.read()))
try:
    input("prompt> ")
except EOFError as e:
    print("EOFError", e)
