word = "héllo"
print(len(word))
raw = word.encode("utf-8")
