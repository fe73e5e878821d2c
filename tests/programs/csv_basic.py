import csv
import io

# reading rows from lines of text
lines = ["name,age,city", "Ana,31,Lisbon", 'Bo,27,"New York, NY"', 'Cy,40,"says ""hi"""']
for row in csv.reader(lines):
    print(row)

# reading from a StringIO, as from a file
data = io.StringIO("a,b,c\r\n1,2,3\r\n\r\n4,,6\r\n")
reader = csv.reader(data)
rows = list(reader)
print(rows, reader.line_num)

# other delimiters and quoting
print(list(csv.reader(["x;y;z"], delimiter=";")))
print(list(csv.reader(["  a,  b"], skipinitialspace=True)))
print(list(csv.reader(['1,"two",3.5'], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(['"multi\n', 'line",end'])))
print(list(csv.reader(["a\tb"], dialect="excel-tab")))

# writing rows
out = io.StringIO()
writer = csv.writer(out)
print(writer.writerow(["name", "score"]))
writer.writerow(["Ana", 9.5])
writer.writerow(['He said "hi"', "a,b", None, ""])
writer.writerows([[1, 2], [3, 4]])
writer.writerow([""])
writer.writerow([])
print(repr(out.getvalue()))

out = io.StringIO()
w = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
w.writerow([1, "x"])
w = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
w.writerow([1, "x", 2.5, True])
w = csv.writer(out, quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n")
w.writerow(["a,b", "c"])
print(out.getvalue(), end="")

# DictReader and DictWriter
text = io.StringIO("name,age\nAna,31\nBo,27,extra\nCy\n")
dr = csv.DictReader(text)
print(dr.fieldnames)
for record in dr:
    print(record)
print(dr.line_num)
people = list(csv.DictReader(["x,y", "1,2"], fieldnames=["first", "second"]))
print(people)

out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=["name", "age"])
dw.writeheader()
dw.writerow({"name": "Ana", "age": 31})
dw.writerows([{"name": "Bo"}, {"age": 5, "name": "Cy"}])
print(repr(out.getvalue()))

# the excel dialect and the constants
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE)
print(csv.excel.delimiter, repr(csv.excel.lineterminator), csv.excel.quotechar)
print(sorted(csv.list_dialects()))
d = csv.get_dialect("excel")
print(d.delimiter, d.doublequote, d.quoting, d.skipinitialspace)

# errors
try:
    csv.DictWriter(io.StringIO(), fieldnames=["a"]).writerow({"a": 1, "b": 2})
except ValueError as e:
    print("ValueError:", e)
try:
    csv.get_dialect("nope")
except csv.Error as e:
    print("csv.Error:", e)
try:
    list(csv.reader([1, 2]))
except csv.Error as e:
    print("csv.Error:", e)
try:
    list(csv.reader(["a"], delimiter="::"))
except TypeError as e:
    print("TypeError:", e)
try:
    csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(["a,b"])
except csv.Error as e:
    print("csv.Error:", e)
try:
    list(csv.reader(['"a"b'], strict=True))
except csv.Error as e:
    print("csv.Error:", e)
print(issubclass(csv.Error, Exception), csv.Error)
# Only a record of one empty field is written quoted: the delimiters of several count.
for row in [[""], [None], ["", ""], [None, ""], ["", None, ""], [" "]]:
    buf = io.StringIO()
    csv.writer(buf).writerow(row)
    print(row, repr(buf.getvalue()))
list(csv.reader(["a,b", 3]))
