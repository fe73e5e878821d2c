# The with statement calls __enter__ and __exit__.
class Tag:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("<" + self.name + ">")
        return self
    def __exit__(self, exc_type, exc, tb):
        print("</" + self.name + ">")
        return False
with Tag("b") as t:
    print("inside", t.name)
