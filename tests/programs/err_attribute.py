# Lists have no push method.
stack = []
stack.append(1)
stack.push(2)
