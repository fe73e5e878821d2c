# A ring of five lists plus one list hanging off it: six objects unreachable.
import gc
gc.disable()
first = [0]
node = first
for i in range(1, 5):
    nxt = [i]
    node.append(nxt)
    node = nxt
node.append(first)
tail = ["tail"]
first.append(tail)
del first, node, nxt, tail
print(gc.collect())
gc.enable()
