# The compiler counts its columns in bytes (CPython's compiler_error), the line having
# a non-ASCII letter before the mistake.
prix = "déjà payé"; return prix
