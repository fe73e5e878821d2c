# an f-string of an int past sys.get_int_max_str_digits(): the recorder's own str() of the
# values it draws failed too and cleared the program's pending ValueError with its own,
# freeing it under the eval loop (SIGSEGV in `trace` and `render`)
x = f'{10**5000}'
