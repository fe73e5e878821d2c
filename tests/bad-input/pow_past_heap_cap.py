# a 200 MB power: GMP works in about three times the result, past the heap cap
x = pow(3, 10**9)
print(x.bit_length())
