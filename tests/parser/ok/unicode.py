s = "héllo wörld"
t = f"{s} ünïcödé {s!r}"
print("→", s, sep="—")
日本 = "japan"
x = 日本 + "語"
if x: y = "ñ"; z = [1, "ß", 3]
