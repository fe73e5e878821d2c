import queue

q = queue.Queue()
for job in ["wash", "dry", "fold"]:
    q.put(job)
print(q.qsize(), q.empty(), q.full(), q.maxsize)
while not q.empty():
    print("doing", q.get())
    q.task_done()
q.join()
print("all done", q.unfinished_tasks)

stack = queue.LifoQueue()
for n in range(4):
    stack.put_nowait(n)
print([stack.get() for _ in range(stack.qsize())])

pq = queue.PriorityQueue()
for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
    pq.put(item)
print(pq.queue[0])
while not pq.empty():
    print(pq.get_nowait())

bounded = queue.Queue(maxsize=2)
bounded.put("a")
bounded.put("b")
print(bounded.full(), bounded.qsize())
try:
    bounded.put_nowait("c")
except queue.Full as e:
    print("Full", repr(e), type(e).__name__)
try:
    bounded.put("c", block=False)
except queue.Full:
    print("Full again")
try:
    bounded.put("c", timeout=0.01)
except queue.Full:
    print("Full after timeout")
print(bounded.get(), bounded.get())
try:
    bounded.get_nowait()
except queue.Empty as e:
    print("Empty", repr(e), type(e).__module__)
try:
    bounded.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
try:
    bounded.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)
try:
    bounded.task_done()
    bounded.task_done()
    bounded.task_done()
except ValueError as e:
    print("ValueError:", e)

sq = queue.SimpleQueue()
sq.put(1)
sq.put_nowait(2)
print(sq.qsize(), sq.empty(), sq.get(), sq.get_nowait(), sq.empty())
try:
    sq.get(block=False)
except queue.Empty:
    print("SimpleQueue empty")
print(issubclass(queue.Full, Exception), issubclass(queue.Empty, Exception))
print(queue.Empty, queue.Full, type(sq).__name__)
