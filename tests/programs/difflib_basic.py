import difflib

# how alike two sequences are
sm = difflib.SequenceMatcher(None, "abcd", "bcde")
print(sm.ratio(), sm.quick_ratio(), sm.real_quick_ratio())
print(sm.get_matching_blocks())
print(sm.find_longest_match(0, 4, 0, 4))
for tag, i1, i2, j1, j2 in sm.get_opcodes():
    print(f"{tag:7} a[{i1}:{i2}]={sm.a[i1:i2]!r:8} b[{j1}:{j2}]={sm.b[j1:j2]!r}")

s = difflib.SequenceMatcher(lambda ch: ch == " ", "private Thread currentThread;",
                            "private volatile Thread currentThread;")
print(round(s.ratio(), 3))
blocks = s.get_matching_blocks()
print(blocks[0], blocks[0].size, blocks[-1])
m = blocks[0]
a, b, size = m
print(a, b, size, type(m).__name__)

# the same matcher on lists of words, then new sequences
words = difflib.SequenceMatcher(a=["the", "cat", "sat"], b=["the", "dog", "sat"])
print(words.ratio(), words.get_opcodes())
words.set_seq2(["a", "cat", "sat", "down"])
print(words.ratio())
words.set_seqs("hello", "yellow")
print(words.ratio(), list(words.get_grouped_opcodes(1)))

# close matches: a spelling helper
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
print(difflib.get_close_matches("wheel", ["while", "wheat", "heel", "whale"], n=2, cutoff=0.5))
print(difflib.get_close_matches("xyz", ["abc"]))

# ndiff: line by line, with hints
before = ["one\n", "two\n", "three\n"]
after = ["ore\n", "tree\n", "emu\n"]
diff = list(difflib.ndiff(before, after))
print("".join(diff), end="")
print("".join(difflib.restore(diff, 1)), end="")
print("".join(difflib.restore(diff, 2)), end="")

# unified_diff and context_diff, as a patch shows them
old = "apple\nbanana\ncherry\ndate\n".splitlines(keepends=True)
new = "apple\nblueberry\ncherry\ndate\nelderberry\n".splitlines(keepends=True)
print("".join(difflib.unified_diff(old, new, fromfile="old.txt", tofile="new.txt")), end="")
for line in difflib.unified_diff(["a", "b"], ["a", "c"], lineterm="", n=0):
    print(line)
print("".join(difflib.context_diff(old, new, fromfile="old.txt", tofile="new.txt")), end="")

# Differ, the class behind ndiff
d = difflib.Differ()
for line in d.compare(["hello world\n"], ["hello there world\n"]):
    print(line, end="")

print(difflib.IS_CHARACTER_JUNK(" "), difflib.IS_LINE_JUNK("  # \n"), difflib.IS_LINE_JUNK("x"))
try:
    list(difflib.unified_diff([b"a"], ["b"]))
except TypeError as e:
    print("TypeError:", e)
