with a, b:
    with a, b:
        with a, b:
            with a, b:
                with a, b:
                    with a, b:
                        with a, b:
                            with a, b:
                                with a, b:
                                    with a, b:
                                        with a, b:
                                            pass
