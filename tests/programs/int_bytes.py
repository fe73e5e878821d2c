# int.to_bytes and int.from_bytes: byte orders, signed, defaults (3.11: length 1, 'big'), errors.
def t(s):
    try:
        print(s, '->', repr(eval(s)))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
for s in ["(1024).to_bytes(2, 'big')", "(1024).to_bytes(2, 'little')", "(1024).to_bytes(2, byteorder='little')", "(5).to_bytes()", "(0).to_bytes(0)", "(1).to_bytes(0)",
  "(-1).to_bytes(2, 'big', signed=True)", "(-1).to_bytes(2)", "(128).to_bytes(1, signed=True)", "(-128).to_bytes(1, signed=True)", "(-129).to_bytes(1, signed=True)",
  "(2**100).to_bytes(13, 'little')", "(2**100).to_bytes(12)", "(-2**100).to_bytes(13, 'big', signed=True)", "(255).to_bytes(1)", "(256).to_bytes(1)",
  "(5).to_bytes(-1)", "(5).to_bytes(2, 'middle')", "(5).to_bytes(2, 5)", "(5).to_bytes('2')", "(5).to_bytes(2, 'big', True)", "(5).to_bytes(length=3)", "(5).to_bytes(2, 'big', signed=2)", "True.to_bytes()",
  "int.from_bytes(b'\\x00\\x10', 'big')", "int.from_bytes(b'\\x00\\x10', 'little')", "int.from_bytes(b'\\xff\\xff', signed=True)", "int.from_bytes(b'')", "int.from_bytes(b'', signed=True)",
  "int.from_bytes([1, 2, 3])", "int.from_bytes(bytearray(b'\\x01\\x02'), 'little')", "int.from_bytes('ab')", "int.from_bytes(5)", "int.from_bytes(b'\\x01', 'x')", "bool.from_bytes(b'\\x01')", "bool.from_bytes(b'\\x00')",
  "int.from_bytes(b'\\x80' + b'\\x00'*20, signed=True)", "int.from_bytes(b'\\x80' + b'\\x00'*20)", "(12345).from_bytes(b'\\x01')", "int.from_bytes([256])", "int.from_bytes(bytes=b'\\x01', byteorder='little')",
  "int.from_bytes()", "(5).to_bytes(1,2,3)", "(5).to_bytes(1, 'big', sign=True)", "int.from_bytes(b'\\x01', 'big', True)", "(2**64-1).to_bytes(8)", "(2**63).to_bytes(8, signed=True)", "(-2**63).to_bytes(8, signed=True)",
  "(10**30).to_bytes(20, 'little', signed=True)", "int.from_bytes((10**30).to_bytes(20, 'little', signed=True), 'little', signed=True)", "int.from_bytes(b'\\xfe\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff', 'little', signed=True)",
  "(5).to_bytes(True)", "(5).to_bytes(2**70)",
  ]:
    t(s)
class Flags(int):
    pass
f = Flags.from_bytes(b'\x01\x02', 'little')
print(type(f).__name__, f)
for n in [0, 1, 127, 128, 255, 256, -1, -128, -129, 2**31, -2**31, 2**64 + 5, -(2**64) - 5]:
    size = (n.bit_length() + 8) // 8
    b = n.to_bytes(size, 'little', signed=True)
    print(n, b, int.from_bytes(b, 'little', signed=True) == n)
