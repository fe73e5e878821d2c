print(len(("{:300000000}" * 10).format(*"abcdefghij")))
