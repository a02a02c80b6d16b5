class Base:
    def rows(self):
        return [1]

class Cached(Base):
    def __init__(self):
        self.rows = [1, 2, 3]

class Lazy:
    def handlers(self):
        return []
    def install(self):
        self.handlers = [print]

c = Cached()
for r in c.rows:
    print(r)
l = Lazy(); l.install()
for h in l.handlers:
    h("x")
