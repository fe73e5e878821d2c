# each field fits under the cap, all of them together do not
print(len("%300000000s" * 10 % tuple("abcdefghij")))
