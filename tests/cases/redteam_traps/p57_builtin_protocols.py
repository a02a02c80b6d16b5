class Cursor:
    def __init__(self):
        self.n = 0
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n

class Backwards:
    def __reversed__(self):
        return iter([3, 2, 1])

class Box:
    def __contains__(self, x):
        return x == 1
    def __lt__(self, other):
        return True
    def __len__(self):
        return 2

class Reader:
    def __init__(self):
        self.data = [b"a", b"b", b""]
    def __call__(self):
        return self.data.pop(0)

c = Cursor()
print(next(c), next(c, None), next(Cursor()))
print(list(reversed(Backwards())))
print(1 in Box(), min(Box(), Box()), max(Box(), Box(), key=len))
print(list(iter(Reader(), b"")))
r = Reader()
for chunk in iter(r, b""):
    print(chunk)
