# résumé
print(1)
