# __lt__ lets sorted(), min() and max() order objects.
class Student:
    def __init__(self, name, grade):
        self.name = name
        self.grade = grade

    def __lt__(self, other):
        return self.grade < other.grade

    def __repr__(self):
        return self.name + ":" + str(self.grade)


s = [Student("ann", 90), Student("bob", 72), Student("cy", 85)]
print(sorted(s))
print(sorted(s, reverse=True))
print(min(s), max(s))
print(s[0] > s[1], s[1] < s[2])
try:
    print(s[0] <= s[1])
except TypeError as e:
    print(e)
