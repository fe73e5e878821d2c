data = b"key=value"
key, sep, value = data.partition(b"=")
