x = 1 {a, b for b in c}
