name = "x"
f"hello {name}"
f"{name!r} {name!s} {name!a}"
f"{x:>10} {y:.2f} {z:{w}.{p}}"
f"{{literal}} {x}}}"
f"{x=}" f"{y = }" f"{z=:>5}" f"{w=!s}"
f"a" "b" f"c{d}e"
F"{a}{b}"
rf"\d{x}" fr'{y}\n'
f"{ {'a': 1}['a'] }"
f"{'nested' + f'{inner}'}"
f"{x, y}"
f"{lambda_ for lambda_ in y}"
f''
f'{3.14:e}'
f"""multi
{line} here
"""
f"{a['k']!r:^{width}}"
