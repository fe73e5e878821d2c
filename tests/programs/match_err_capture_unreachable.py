# a bare name captures everything, so later cases could never run
RED = "red"
color = "blue"
match color:
    case RED:
        print("stop")
    case "green":
        print("go")
