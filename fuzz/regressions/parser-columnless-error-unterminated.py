# 11 nested except bodies count 22 blocks (two each): one too many.
print("never")
try:
    x = 1
except ValueError:
        try:
            x = 1
        except ValueError:
                try:
                    x = 1
                except ValueError:
                        try:
                            x = 1
                        except ValueError:
                                try:
                                    x = 1
                                except ValueError:
                                        try:
                        Using a name that was never assigned.
count = 1
print(count)
print(cuont                     x = 1
                                        except ValueError:
                                                try:
                                                    x = 1
                                                except ValueError:
                                                        try:
                                                            x = 1
                                                        except ValueError:
                                                                try:
                                                                    x = 1
                                                                except ValueError:
                                                                        try:
                                                                            x = 1
                                                                        except ValueError:
                                                                                try:
                                                                                    x = 1
                                                                                except ValueError:
                                                                                        pass
