import re
print(re.compile("a{65535}").match("aaa"))
re.compile("a{65536}")
