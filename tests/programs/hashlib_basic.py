import hashlib

password = "correct horse battery staple"
h = hashlib.sha256(password.encode())
print(h.hexdigest())
print(h.name, h.digest_size, h.block_size, type(h).__name__)

for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]:
    algo = hashlib.new(name)
    algo.update(b"abc")
    print(name, algo.digest_size, algo.block_size, algo.hexdigest())

long_text = b"memory model " * 100
print(hashlib.sha224(long_text).hexdigest())
print(hashlib.sha224(b"").hexdigest())
print(hashlib.sha224(b"a" * 55).hexdigest(), hashlib.sha224(b"a" * 56).hexdigest())
print(hashlib.sha224(b"a" * 64).hexdigest())

parts = hashlib.md5()
parts.update(b"Heap")
snapshot = parts.copy()
parts.update(b"scope")
print(parts.hexdigest() == hashlib.md5(b"Heapscope").hexdigest())
print(snapshot.hexdigest() == hashlib.md5(b"Heap").hexdigest())
print(parts.digest()[:4], len(parts.digest()), parts.hexdigest() == parts.digest().hex())
print(hashlib.sha1(bytearray(b"xyz")).hexdigest(), hashlib.md5(string=b"k").hexdigest())
print(hashlib.new("SHA512", b"q").hexdigest()[:16], hashlib.sha384(usedforsecurity=False).name)
print(sorted(hashlib.algorithms_guaranteed & {"md5", "sha256", "sha512"}))
print("sha1" in hashlib.algorithms_available)

stored = hashlib.sha256(b"s3cret").hexdigest()
for guess in ["secret", "s3cret"]:
    print(guess, hashlib.sha256(guess.encode()).hexdigest() == stored)

def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: hashlib.md5("text"))
attempt(lambda: hashlib.md5(42))
attempt(lambda: hashlib.new("whirlpool"))
attempt(lambda: hashlib.new(256))
attempt(lambda: hashlib.sha1().update("x"))
attempt(lambda: hashlib.sha1().update())
attempt(lambda: hashlib.sha1().update(b"a", b"b"))
attempt(lambda: hashlib.sha1().digest(1))
attempt(lambda: hashlib.md5(b"a", b"b"))
attempt(lambda: hashlib.new())
attempt(lambda: hashlib.md5().name.upper())
hashlib.sha256("not bytes")
