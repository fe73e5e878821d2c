s = "\Nab"
