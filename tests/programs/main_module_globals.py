"""A program's own module, __main__, as `python3 FILE` makes it."""
import sys

print(__name__, __package__, globals().get("__spec__"), globals().get("__cached__"))
print(__doc__)
print(__file__ == sys.argv[0], __file__.endswith("main_module_globals.py"))
print(sys.modules["__main__"].__doc__ == __doc__)
if __name__ == "__main__":
    print("run as the main program")
