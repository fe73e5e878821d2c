# a bytearray doubled by assigning itself to a slice of itself (a counted copy)
b = bytearray(b"xy")
while True:
    b[1:1] = b
