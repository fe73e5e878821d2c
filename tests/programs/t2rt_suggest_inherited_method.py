# A misspelt method is found among the inherited ones.
class Animal:
    def speak(self):
        return "..."

    def describe(self):
        return "an animal"


class Dog(Animal):
    def fetch(self):
        return "ball"


d = Dog()
print(d.speak(), d.fetch())
d.speek()
