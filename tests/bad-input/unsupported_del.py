# Overriding how instances are made, set or finalized is outside the subset: the class
# statement says so instead of ignoring the method.
class Logged:
    def __del__(self):
        print("freed")


x = Logged()
del x
