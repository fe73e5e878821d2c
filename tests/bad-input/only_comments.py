# nothing here
# just comments

    # even indented ones
