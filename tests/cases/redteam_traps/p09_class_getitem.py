class Box:
    def __class_getitem__(cls, item):
        return cls
    def __iter__(self):
        return iter([1])

for x in Box[int]():
    print(x)
