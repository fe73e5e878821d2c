# A binary search tree made of nested lists: [value, left, right].
# Every subtree is a separate list object; empty subtrees are None.
def insert(tree, value):
    if tree is None:
        return [value, None, None]
    if value < tree[0]:
        tree[1] = insert(tree[1], value)
    else:
        tree[2] = insert(tree[2], value)
    return tree

def in_order(tree, out):
    if tree is not None:
        in_order(tree[1], out)
        out.append(tree[0])
        in_order(tree[2], out)
    return out

root = None
for v in [5, 3, 8, 1, 4, 9]:
    root = insert(root, v)

print(root)
print(in_order(root, []))
left = root[1]                # a second name for the left subtree
left[0] = 30                  # changes what root sees too
print(root[1][0])
