# Recursion without a base case exceeds the recursion limit.
def forever(n):
    return forever(n + 1)
print("start")
forever(0)
