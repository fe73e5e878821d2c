[x for x in y]
[x * y for x in range(3) for y in range(x) if x if y > 1]
{x for x in s}
{k: v for k, v in d.items() if v}
(x for x in y)
[[i for i in row] for row in grid]
[(a, b) for a, b in pairs]
sum(x for x in range(10))
{**a, 'b': 1, **c}
{*a, 1, *b}
[*a, *b]
{}
{1}
{1: 2, 3: 4,}
[1, 2, 3,]
print(*[1], *[2], sep='')
