# Inheritance and super().
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " makes a sound"
class Dog(Animal):
    def speak(self):
        return super().speak() + ": woof"
for a in [Animal("generic"), Dog("rex")]:
    print(a.speak())
print(isinstance(Dog("x"), Animal), issubclass(Dog, Animal))
