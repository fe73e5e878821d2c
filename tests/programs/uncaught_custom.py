# An uncaught user-defined exception prints its class name and message.
class ValidationError(ValueError):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field


def validate(user):
    if not user.get("name"):
        raise ValidationError("name", "must not be empty")
    return True


print(validate({"name": "ann"}))
validate({"name": ""})
