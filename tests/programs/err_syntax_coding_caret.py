# -*- coding: utf-8 -*-
# With an encoding declaration CPython 3.11 counts the columns in characters again.
if "café" == "café" print("same")
