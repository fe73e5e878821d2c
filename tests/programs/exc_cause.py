# raise ... from ...: "The above exception was the direct cause".
class ConfigError(Exception):
    pass


def load(cfg):
    try:
        return cfg["port"]
    except KeyError as e:
        raise ConfigError("no port configured") from e


print(load({"port": 80}))
load({})
