"""Issue 9, shape 2: annotations naming classes imported only under TYPE_CHECKING."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from app.services.llm import LLMService, StreamingOnly
    from app.services import llm as llm_module


async def handle(prompt: str, service: LLMService):
    async for token in service.complete(prompt):  # error: AGN201
        print(token)


async def handle_optional(prompt: str, service: Optional[LLMService] = None):
    return await service.stream(prompt)  # error: AGN200


async def handle_module_attr(prompt: str, service: llm_module.LLMService):
    return [t for t in service.stream(prompt)]  # error: AGN203


class ChatHandler:
    def __init__(self, service: LLMService) -> None:
        self.service = service

    async def open(self):
        return await self.service.session()  # error: AGN206


async def scenario_type_checking_parameter():
    from app.services.llm import build

    await handle("a b", build())


async def scenario_type_checking_optional():
    from app.services.llm import build

    await handle_optional("a b", build())


async def scenario_type_checking_module_attribute():
    from app.services.llm import build

    await handle_module_attr("a b", build())


async def scenario_type_checking_init_attribute():
    from app.services.llm import build

    await ChatHandler(build()).open()


async def handle_either(prompt: str, service: LLMService | StreamingOnly):
    # trap: the union's members disagree on `complete`.
    async for token in service.complete(prompt):
        print(token)


async def scenario_ok_union_disagrees():
    from app.services.llm import StreamingOnly

    await handle_either("x", StreamingOnly())


async def scenario_ok_correct():
    # trap: correct.
    from app.services.llm import build

    service = build()
    print(await service.complete("x"))
    async for token in service.stream("a b"):
        print(token)
