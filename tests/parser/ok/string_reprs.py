a = 'caf\u00e9 \u2028 \x00 \x7f \x85 \xa0 \u200b \ud800 \U0001f600 \U000e0001'
b = "it's"
c = 'say "hi"'
d = 'both \' and "'
e = '\\ tab\t nl\n'
f = b'\x00\xff\'"'
