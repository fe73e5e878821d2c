# io.BytesIO is refused by name, not denied with an AttributeError CPython would not raise.
import io
text = io.StringIO("works")
print(text.read())
buffer = io.BytesIO(b"binary data")
