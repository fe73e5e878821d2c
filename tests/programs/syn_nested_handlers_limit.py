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
                                                                                    x = 1
                                                                                except ValueError:
                                                                                        pass
