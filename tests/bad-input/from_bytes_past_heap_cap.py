# int.from_bytes of 60 MB, then sums of it kept in a list: GMP's memory is counted on the
# heap, so the ninth int is refused (it was not: they grew past the cap until GMP aborted)
x = int.from_bytes(b'\xff' * 60_000_000, 'big')
l = [x]
while True:
    l.append(l[-1] + 1)
