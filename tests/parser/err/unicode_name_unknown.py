print("ok")
x = "\N{NOT A REAL NAME}"
