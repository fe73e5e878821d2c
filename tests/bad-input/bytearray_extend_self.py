# a bytearray doubled by extending it with itself: every byte, the copy of the
# argument too, counts against the heap cap (it peaked at 777 MB)
b = bytearray(b"x")
while True:
    b.extend(b)
