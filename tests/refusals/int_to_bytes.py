n = 1024
b = n.to_bytes(2, "big")
