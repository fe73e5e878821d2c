# an error of the compiler (not the parser) in text: CPython shows no line for <string>
exec(compile("1\n2", "<single>", "single"))
