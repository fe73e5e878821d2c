import logging
import io

# before any configuration: warnings and worse reach stderr through the last resort
log = logging.getLogger("app")
log.warning("disk at %d%%", 91)
log.info("not shown: the level is WARNING")
print(log, logging.getLogger(), logging.getLogger("app") is log)
print(log.getEffectiveLevel(), log.isEnabledFor(logging.INFO), log.parent)

# the levels
print(logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL)
print(logging.getLevelName(30), logging.getLevelName("ERROR"), logging.getLevelName(25))

# basicConfig: one handler on the root logger, writing to stderr
logging.basicConfig(level=logging.DEBUG)
print(logging.root.handlers)
logging.debug("starting")
logging.info("loaded %s items", 3)
logging.warning("low memory")
logging.error("failed to open %r", "data.txt")
logging.critical("giving up")
log.info("from the app logger")
child = logging.getLogger("app.db")
child.debug("a child: %s", child.parent.name)

# a second basicConfig does nothing, unless forced
logging.basicConfig(level=logging.ERROR)
print(logging.root.level)
logging.basicConfig(format="%(levelname)s - %(message)s", level=logging.INFO, force=True)
logging.info("forced")
logging.debug("hidden now")

# a handler of one's own, writing to a StringIO
stream = io.StringIO()
handler = logging.StreamHandler(stream)
handler.setFormatter(logging.Formatter("[%(name)s] %(levelname)-8s %(message)s"))
quiet = logging.getLogger("quiet")
quiet.addHandler(handler)
quiet.propagate = False
quiet.setLevel(logging.DEBUG)
quiet.debug("one")
quiet.error("two %s", "three")
print(repr(stream.getvalue()))
print(handler, quiet)

# styles
formatter = logging.Formatter("{levelname}:{message}", style="{")
record = logging.LogRecord("x", logging.INFO, "prog.py", 10, "hello %s", ("you",), None)
print(formatter.format(record), record.getMessage(), record.levelname, record.levelno)

# exceptions logged with their traceback
try:
    {}["missing"]
except KeyError:
    logging.exception("lookup failed")

logging.log(logging.WARNING, "via log()")
logging.disable(logging.CRITICAL)
logging.error("disabled")
logging.disable(logging.NOTSET)
logging.error("enabled again")
try:
    logging.getLogger().setLevel("LOUD")
except ValueError as e:
    print("ValueError:", e)
