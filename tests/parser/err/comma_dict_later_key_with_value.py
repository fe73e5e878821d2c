x = {**a, cc dd: 1}
