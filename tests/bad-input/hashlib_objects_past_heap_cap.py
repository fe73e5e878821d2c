# millions of hash objects: each one's GChecksum state (GLib's, a few hundred bytes) counts
# against the heap cap with the object (it did not: 1.36 GB of memory before MemoryError)
import hashlib
hs = []
while True:
    hs.append(hashlib.sha512())
