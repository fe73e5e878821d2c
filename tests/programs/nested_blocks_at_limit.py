# 20 nested blocks are allowed (loops, a while and ifs that do not count).
class CM:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


cm = CM()
n = 0
for v0 in range(2):
    for v1 in range(2):
        for v2 in range(2):
            for v3 in range(2):
                for v4 in range(2):
                    for v5 in range(2):
                        for v6 in range(2):
                            for v7 in range(2):
                                for v8 in range(2):
                                    for v9 in range(2):
                                        while True:
                                            with cm:
                                                with cm:
                                                    with cm:
                                                        with cm:
                                                            with cm:
                                                                with cm:
                                                                    with cm:
                                                                        with cm:
                                                                            try:
                                                                                n += 1
                                                                            finally:
                                                                                pass
                                            break
print(n)
