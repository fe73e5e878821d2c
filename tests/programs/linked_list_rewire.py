# A linked list rewired every way a variable walks it: built at its tail, walked, nodes
# unlinked from the middle, reversed in place, split, spliced back and rotated. Each step
# moves a variable along the chain or changes one link, which the compact trace proves
# still reached from the nodes that hold each other.
class Node:
    def __init__(self, value):
        self.value = value
        self.next = None


def build(n):
    head = tail = Node(0)
    for i in range(1, n):
        tail.next = Node(i)
        tail = tail.next
    return head


def values(head):
    out = []
    cur = head
    while cur is not None:
        out.append(cur.value)
        cur = cur.next
    return out


def drop_every_third(head):
    prev, cur, i = None, head, 0
    while cur is not None:
        if i % 3 == 2:
            prev.next = cur.next
        else:
            prev = cur
        cur = cur.next
        i += 1
    return head


def reverse(head):
    prev = None
    while head is not None:
        head.next, prev, head = prev, head, head.next
    return prev


def split(head):
    slow = fast = head
    while fast.next is not None and fast.next.next is not None:
        slow = slow.next
        fast = fast.next.next
    second = slow.next
    slow.next = None
    return head, second


def splice(a, b):
    head = a
    while b is not None:
        rest = a.next
        a.next = b
        b = b.next
        a.next.next = rest
        a = rest if rest is not None else a.next
    return head


def rotate(head, k):
    tail = head
    while tail.next is not None:
        tail = tail.next
    for _ in range(k):
        tail.next = head
        head = head.next
        tail = tail.next
        tail.next = None
    return head


head = build(30)
print(values(head))
head = drop_every_third(head)
print(values(head))
head = reverse(head)
print(values(head))
first, second = split(head)
print(values(first), values(second))
head = splice(first, second)
print(values(head))
head = rotate(head, 4)
print(values(head))
first = second = None
while head is not None:
    head = head.next
print("done")
