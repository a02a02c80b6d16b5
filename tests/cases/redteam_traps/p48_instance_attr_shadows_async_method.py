import asyncio

class Reply:
    status = 200

class Client:
    def __init__(self, send=None):
        if send is not None:
            self.send = send

    async def send(self, msg):
        return Reply()

    def check(self, msg):
        return self.send(msg).status

    def fire(self, msg):
        self.send(msg)

def sync_send(msg):
    return Reply()

c = Client(send=sync_send)
print(c.check("x"))
c.fire("y")
