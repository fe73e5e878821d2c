# grows until the heap cap: `render --step last` draws a list of tens of millions of items
l = []
while True:
    l.extend(range(1000000))
