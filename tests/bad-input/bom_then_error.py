print("bom ok")
print(undefined_name)
