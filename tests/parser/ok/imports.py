import os
import os.path as osp, sys
from collections import OrderedDict, defaultdict as dd
from . import sibling
from .. import parent
from .mod import (a, b as c,)
from ...pkg.sub import *
from __future__ import annotations
