# Only gc, sys, math and random can be imported.
import os
print(os.getcwd())
