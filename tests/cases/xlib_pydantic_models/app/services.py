class Repo:
    async def rows(self):
        return [1, 2]

    async def stream(self):
        yield 1


class Mailer:
    async def send(self, to):
        return to
