from .agent import Agent, run_steps

__all__ = ["Agent", "run_steps"]
