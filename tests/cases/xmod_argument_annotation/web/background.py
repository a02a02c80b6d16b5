from typing import Any, Callable


class BackgroundTask:
    def __init__(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self.func = func
        self.args = args
        self.kwargs = kwargs

    async def __call__(self) -> None:
        await self.func(*self.args, **self.kwargs)


def add_task(tasks: "list[BackgroundTask]", func: Callable[..., Any], *args: Any) -> None:
    tasks.append(BackgroundTask(func, *args))
