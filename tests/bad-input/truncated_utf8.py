print("â‚")
