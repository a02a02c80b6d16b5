import enum

class Color(enum.Enum):
    RED = 1
    BLUE = 2

class Sub(Color.__class__):
    pass

for c in Color:
    print(c)
print(list(Color))
