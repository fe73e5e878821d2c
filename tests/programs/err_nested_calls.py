# An error deep in a chain of calls lists every frame.
def parse(text):
    return int(text)
def load(lines):
    result = []
    for line in lines:
        result.append(parse(line))
    return result
def main():
    data = load(["1", "2", "three"])
    print(data)
print("loading")
main()
