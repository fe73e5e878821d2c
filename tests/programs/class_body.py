# Class bodies run like code: loops, conditionals, names defined in order.
class Config:
    print("building Config")
    names = []
    for i in range(3):
        names.append("opt" + str(i))
    if len(names) > 2:
        big = True
    else:
        big = False
    doubled = [n * 2 for n in range(3)]

    def get(self, i):
        return self.names[i]


print(Config.names, Config.big, Config.doubled, Config().get(1))
print(sorted(k for k in Config.__dict__ if not k.startswith("__")))


class Empty:
    pass


e = Empty()
e.anything = 42
print(e.anything, type(e).__name__)


def make_class(tag):
    class Tagged:
        label = tag

        def show(self):
            return "tag=" + tag

    return Tagged


T = make_class("x")
print(T.label, T().show(), T.__qualname__ if False else T.__name__)
