"""An example script: hatch's wheel `packages = ["python/agentflow"]` declares the root python/."""
from agentflow import Agent, run_steps
from agentflow.agent import Agent as AgentClass


async def scenario_example_coroutine_iterated():
    async for step in Agent("researcher").plan("find sources"):  # error: AGN201
        print(step)


async def scenario_example_agen_awaited():
    return await run_steps(Agent("writer"), "draft")  # error: AGN200


async def scenario_example_alias_agen_sorted():
    return sorted(AgentClass("critic").act("review"))  # error: AGN203


async def scenario_ok_example_correct():
    # trap: correct.
    agent = Agent("researcher")
    print(await agent.plan("x y"))
    async for event in run_steps(agent, "x y"):
        print(event)
