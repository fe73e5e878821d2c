0; 1; 123_456; 0x1F; 0o17; 0b1010; 0X_ff; 1.5; 1e10; 1.5e-7; .5; 5.; 1_0.0_1; 3j; 1.5J; 1e400
10**100
123456789012345678901234567890
True; False; None
'single'; "double"; '''triple'''; """triple
double"""
'a' 'b' "c"
r'raw\n' R"raw"
b'bytes' rb'\d' Br"x" b'\x00\xff'
u'unicode'
'\n\t\\\'\"\a\b\f\v\0\101\x41\u0041\U0001F600'
'caf\xe9 日本'
'line\
continued'
"it's"
'say "hi"'
'both \' and "'
