seen = {k: v for k v in items}
