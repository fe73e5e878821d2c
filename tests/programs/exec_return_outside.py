print("before")
exec("x = 1\nreturn x")
