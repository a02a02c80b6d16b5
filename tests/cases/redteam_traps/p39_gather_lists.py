import asyncio

async def job(i):
    return i

class Worker:
    async def step(self):
        return 1
    async def run(self):
        pending = [self.step(), job(1)]
        pending.append(self.step())
        pending.extend([job(2), job(3)])
        pending += [job(4)]
        results = await asyncio.gather(*pending)
        tasks = set()
        tasks.add(asyncio.ensure_future(self.step()))
        done, _ = await asyncio.wait(tasks)
        coros = {"a": job(5)}
        coros.update(b=job(6))
        out = dict(zip(coros, await asyncio.gather(*coros.values())))
        q = asyncio.Queue()
        q.put_nowait(job(7))
        await (await q.get())
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job(8))
        asyncio.get_running_loop().call_soon(lambda: None)
        return results, done, out

print(asyncio.run(Worker().run()))
