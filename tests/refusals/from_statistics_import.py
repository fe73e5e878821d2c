from statistics import mean, NormalDist
