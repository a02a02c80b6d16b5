"""chatkit: declared by `[tool.poetry] packages = [{include = "chatkit", from = "backend"}]`."""
from .llm import LLMClient, client, stream_tokens

__all__ = ["LLMClient", "client", "stream_tokens"]
