data = bytearray(b"heapscope")
view = memoryview(data)
print(len(view), view[0], view[-1], view.readonly, view.format, view.itemsize)
part = view[4:9]
print(part.tobytes(), part.tolist(), part.nbytes, part.obj is data)
part[0] = ord("S")
print(data)
view[0:4] = b"HEAP"
print(data, bytes(view[::2]), view[::2].tolist(), view[::-1].tobytes())
print(view == b"HEAPScope", view[1:3] == memoryview(b"EA"), view != data)
print(list(view[:3]), view.hex(), view.shape, view.strides, view.ndim)
ro = memoryview(b"fixed")
print(ro.readonly, ro[1:].tobytes(), hash(ro) == hash(b"fixed"), bytes(ro))
copy = memoryview(view)
print(copy.obj is data, copy.tobytes())

def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: data.append(33))
attempt(lambda: data.extend(b"!!"))
attempt(lambda: data.pop())
attempt(lambda: ro.__setitem__(0, 70))
attempt(lambda: view.__setitem__(0, 256))
attempt(lambda: view.__setitem__(0, "x"))
attempt(lambda: view.__setitem__(slice(0, 2), b"abc"))
attempt(lambda: view.__delitem__(0))
attempt(lambda: view[20])
attempt(lambda: view["a"])
attempt(lambda: hash(view))
attempt(lambda: memoryview("text"))
attempt(lambda: memoryview(42))
data[0] = ord("h")
print(view[0], view.toreadonly().readonly)
view.release()
part.release()
copy.release()
attempt(lambda: data.append(33))
print(data)
attempt(lambda: len(view))
attempt(lambda: view[0])
attempt(lambda: view.tobytes())
print(view == view, view == part)

with memoryview(data) as m:
    print(m[:4].tobytes())
    inner = m
attempt(lambda: inner.tolist())
data.clear()
print(data, isinstance(view, memoryview), type(view).__name__)
view2 = memoryview(bytearray(3))
sub = view2[1:]
view2.release()
sub.obj.append(1)
