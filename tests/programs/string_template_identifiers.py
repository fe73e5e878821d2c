# string.Template.get_identifiers() and is_valid() (new in 3.11).
from string import Template

for text in ["$who likes $what", "${item}s cost $$$price, $item again", "no placeholders",
             "bad $ here $ok", "${unclosed and $name", "$$escaped only", "$1digit", "$_under_1 ${X}"]:
    t = Template(text)
    print(repr(text), t.get_identifiers(), t.is_valid())
print(Template("$a$b$a").get_identifiers(), Template("").is_valid())
