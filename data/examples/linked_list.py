# A singly linked list built from objects.
# Each node refers to the next one; the last refers to None.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

head = None
for v in [3, 2, 1]:
    head = Node(v, head)      # the new node points at the old head

node = head
while node is not None:       # walk the chain of references
    print(node.value, end=" ")
    node = node.next
print()

# Unlink the second node: nothing refers to it any more, so it is freed.
head.next = head.next.next
node = head
while node:
    print(node.value, end=" ")
    node = node.next
print()
