from math import sqrt, nextafter
