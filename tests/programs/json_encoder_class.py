# Saving a to-do list as JSON: dataclasses and dates need a custom encoder.
import io
import json
from dataclasses import dataclass, asdict, field
from datetime import date


@dataclass
class Task:
    title: str
    due: date
    tags: set = field(default_factory=set)
    done: bool = False


class TaskEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Task):
            return asdict(o)
        if isinstance(o, date):
            return o.isoformat()
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


tasks = [Task("write essay", date(2024, 5, 1), {"school"}),
         Task("buy milk", date(2024, 4, 2), {"home", "shop"}, True)]
text = json.dumps(tasks, cls=TaskEncoder)
print(text)
print(json.dumps(tasks[0], cls=TaskEncoder, indent=2, sort_keys=True))
back = json.loads(text)
print(back[1]["tags"], back[0]["due"])

encoder = TaskEncoder(separators=(",", ":"))
print(encoder.encode({"first": tasks[0]}))
print(vars(encoder))
print(vars(json.JSONEncoder(indent=4, default=str)))
print(json.JSONEncoder.item_separator, json.JSONEncoder.key_separator, json.JSONEncoder)

# a plain function as default= does the same job
def to_jsonable(o):
    if isinstance(o, (date, set)):
        return str(o) if isinstance(o, date) else sorted(o)
    return o.__dict__

print(json.dumps(tasks, default=to_jsonable))

out = io.StringIO()
json.dump({"tasks": tasks}, out, cls=TaskEncoder)
print(out.getvalue()[:60])


class Labelled(json.JSONEncoder):
    def __init__(self, *args, label="", **kwargs):
        super().__init__(*args, **kwargs)
        self.label = label

    def default(self, o):
        return self.label + repr(o)


print(json.dumps([object.__name__, date(2000, 1, 1)], cls=Labelled, label="obj:"))

for bad in (lambda: json.dumps({"x": complex(1, 2)}, cls=TaskEncoder),
            lambda: json.JSONEncoder().encode(tasks),
            lambda: json.dumps([1], colour="red"),
            lambda: json.JSONEncoder(2)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(json.dumps({"when": date(2024, 1, 1)}, cls=TaskEncoder, ensure_ascii=False, indent="\t"))
