class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
    def __repr__(self):
        return f"Node({self.value})"
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self._len = 0
        for x in reversed(list(items)):
            self.push(x)
    def push(self, v):
        self.head = Node(v, self.head)
        self._len += 1
    def __len__(self):
        return self._len
    def __iter__(self):
        n = self.head
        while n:
            yield n.value
            n = n.next
    def __repr__(self):
        return " -> ".join(map(str, self)) or "empty"
    def __bool__(self):
        return self.head is not None
ll = LinkedList([1, 2, 3])
print(ll, len(ll), bool(ll), bool(LinkedList()), LinkedList())
ll.push(0)
print(list(ll), ll.head, ll.head.next.next)
