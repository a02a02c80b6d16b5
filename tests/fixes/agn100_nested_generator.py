# FIX: --unsafe-fixes
import asyncio
from typing import AsyncGenerator


class CodexLLMService:
    async def _stream_completion(self, prompt: str) -> AsyncGenerator[str, None]:
        process = await asyncio.create_subprocess_exec("codex", prompt)

        async def _generator():
            async for line in process.stdout:
                yield line.decode()

        return _generator()  # the incident's root cause
