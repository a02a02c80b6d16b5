import typing, dataclasses
from typing import TypedDict, NamedTuple
from pydantic import BaseModel

class TD(TypedDict):
    a: int

class P(NamedTuple):
    x: int
    y: int

class Q(P):
    def norm(self):
        return sum(v * v for v in self)

class M(BaseModel):
    a: int = 1

class Pair(typing.Generic[typing.TypeVar("T")]):
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __iter__(self):
        yield self.a
        yield self.b

class IntPair(Pair[int]):
    pass

def f(td: TD, q: Q, m: M, ip: IntPair):
    print([k for k in td], list(q), q.norm(), dict(m), [v for v in ip])
    for k, v in m:
        print(k, v)

f({"a": 1}, Q(1, 2), M(), IntPair(1, 2))
