# An exception in a finally block while another propagates.
def cleanup():
    raise OSError("cleanup failed") if False else KeyError("cleanup")


def work():
    try:
        1 / 0
    finally:
        cleanup()


work()
