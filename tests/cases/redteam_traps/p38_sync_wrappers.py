import asyncio, concurrent.futures

async def work():
    return 1

class Client:
    async def close(self):
        print("closed")
    def close_sync(self):
        return asyncio.run(self.close())
    def schedule_close(self):
        return asyncio.ensure_future(self.close())
    def close_threadsafe(self, loop):
        return asyncio.run_coroutine_threadsafe(self.close(), loop)
    def close_via(self, runner):
        return runner.run(self.close())

def fire():
    return asyncio.get_event_loop().create_task(work())

def drive():
    c = work()
    try:
        c.send(None)
    except StopIteration as e:
        return e.value

def trampoline():
    result = yield work()
    return result

Client().close_sync()
async def main():
    c = Client()
    c.schedule_close()
    fire()
    await asyncio.sleep(0)
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor() as ex:
        await loop.run_in_executor(ex, lambda: c.close_threadsafe(loop).result())
asyncio.run(main())
with asyncio.Runner() as r:
    Client().close_via(r)
print(drive())
work().close()
g = trampoline(); coro = next(g); coro.close()
