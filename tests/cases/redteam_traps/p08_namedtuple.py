import typing, dataclasses

class P(typing.NamedTuple):
    x: int
    y: int

@dataclasses.dataclass
class D:
    a: int
    def __iter__(self):
        return iter([self.a])

class E(D):
    pass

p = P(1, 2)
for v in p:
    print(v)
for v in E(1):
    print(v)
def f(pp: P):
    a, b = pp
    return [x for x in pp]
print(f(p))
