try:
    x = 1
except ValueError as e:
        try:
            x = 1
        except ValueError as e:
                try:
                    x = 1
                except ValueError as e:
                        try:
                            x = 1
                        except ValueError as e:
                                try:
                                    x = 1
                                except ValueError as e:
                                        try:
                                            x = 1
                                        except ValueError as e:
                                                try:
                                                    x = 1
                                                except ValueError as e:
                                                        try:
                                                            x = 1
                                                        except ValueError as e:
                                                                try:
                                                                    x = 1
                                                                except ValueError as e:
                                                                        try:
                                                                            x = 1
                                                                        except ValueError as e:
                                                                                try:
                                                                                    x = 1
                                                                                except ValueError as e:
                                                                                        pass
