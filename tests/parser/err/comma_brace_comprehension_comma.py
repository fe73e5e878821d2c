x = 1 {a, for b in c}
