import asyncio
from typing import List


class Agent:
    def __init__(self, name: str) -> None:
        self.name = name

    async def plan(self, goal: str) -> List[str]:
        await asyncio.sleep(0)
        return goal.split()

    async def act(self, goal: str):
        for step in await self.plan(goal):
            yield f"{self.name}: {step}"


async def run_steps(agent: "Agent", goal: str):
    async for event in agent.act(goal):
        yield event
