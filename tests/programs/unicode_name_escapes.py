# \N{...} names a character by its Unicode name, in any case; CJK ideographs by their code.
t = 21.5
print(f"{t}\N{DEGREE SIGN}C", "\N{GREEK SMALL LETTER PI} = 3.14159", "\N{black heart suit}")
print(ascii("\N{LATIN SMALL LETTER E WITH ACUTE}\N{EM DASH}\N{CJK UNIFIED IDEOGRAPH-4E00}"))
print(ascii("\N{HANGUL SYLLABLE GAG}\N{SNOWMAN}\N{Face with Tears of Joy}"), len("\N{GRINNING FACE}"))
print(r"\N{DEGREE SIGN}", b"\N{DEGREE SIGN}", "\\N{DEGREE SIGN}", f"{{\N{BULLET}}}")
print("\N{SPACE}" == " ", "\N{DIGIT ONE}" + "\N{DIGIT TWO}", "\N{LATIN CAPITAL LETTER A}".lower())
s = "\N{EURO SIGN}"
print(s.encode(), ord(s), hex(ord("\N{CJK UNIFIED IDEOGRAPH-20000}")))
print("tab:\N{CHARACTER TABULATION}|", ascii("\N{NULL}\N{lf}\N{ZWNBSP}"))
