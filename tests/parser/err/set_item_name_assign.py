print({a = 2})
