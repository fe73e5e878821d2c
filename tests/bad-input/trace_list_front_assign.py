# assigning to the front of a list of 900,000 items logs all of it at every step: the
# trace stops at its budget with a last step saying so (it filled 2 GiB and aborted)
l = list(range(900000))
for i in range(300):
    l[i] = -i
