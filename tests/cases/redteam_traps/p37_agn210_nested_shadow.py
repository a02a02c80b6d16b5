import asyncio

class Resp:
    status = 200

async def fetch():
    return Resp()

async def main():
    resp = fetch()
    def describe(resp):
        return resp.status
    class Holder:
        resp = Resp()
        status = resp.status
    print(describe(Resp()), Holder.status)
    r = await resp
    print(r.status)

asyncio.run(main())
