from typing import TypedDict
class Movie(TypedDict):
    name: str
    year: int
class Rated(Movie, total=False):
    stars: float
m = Movie(name="Blade Runner", year=1982)
r: Rated = {"name": "Alien", "year": 1979}
print(m, type(m), type(Movie).__name__, Movie.__annotations__, Rated.__annotations__)
print(sorted(Movie.__required_keys__), sorted(Rated.__optional_keys__), Movie.__total__, Rated.__total__)
print(Movie.__mro__, Rated.__bases__, issubclass(Rated, dict))
Point = TypedDict("Point", {"x": int, "y": int})
print(Point(x=1, y=2), Point.__annotations__)
try:
    isinstance(m, Movie)
except TypeError as e:
    print(e)
m["year"] += 1
print(m)
