"""An old copy of the package kept for reference (NOT declared in pyproject.toml): imports of
`chatkit` elsewhere in the project resolve to backend/chatkit, never to this folder."""
from .llm import LLMClient, client, stream_tokens

__all__ = ["LLMClient", "client", "stream_tokens"]
