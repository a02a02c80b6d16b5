"""Unannotated parameters of private helpers, from what their callers pass.

A private function (``_name``) or private method of a class whose every use in its module is
a direct call (``_first(client, "a")``, ``self._drain(self.client)``) receives what those calls
pass.  When every call passes an instance of one class (a client made in the caller, an
attribute set in ``__init__``) and the body neither rebinds the parameter nor tests its type,
the parameter holds an instance of that class, as if annotated.  The body is then wrong for
every one of those calls when it misuses that instance.

A public function, or a public class's ``__init__`` (``Wrapper(Client(), "a")``), is judged
from its own module's calls the same way: other modules may pass something else, but the body
fails for the calls this module makes.

Silent where the helper may receive something else: a use that is not a direct call (a
callback, a table), calls that disagree or pass what
is not known, ``*args`` / ``**kwargs`` at a call, a decorator, a parameter rebound or tested
with ``isinstance``, a subclass calling the inherited method, and values that are not
instances (functions, coroutines: a helper may test them with ``inspect``).
"""
import inspect


class Client:
    async def fetch(self, key):
        return key

    async def stream(self, key):
        yield key

    def close(self):
        return None


class SyncClient:
    def fetch(self, key):
        return key

    def stream(self, key):
        return [key]


# -- found ------------------------------------------------------------------------------------


def _first(client, key):
    return client.fetch(key).upper()  # error: AGN210


async def main():
    client = Client()
    _first(client, "a")
    _first(key="b", client=Client())


async def _consume(source):
    async for item in source.fetch("k"):  # error: AGN201
        print(item)


async def consume_twice():
    await _consume(Client())
    await _consume(Client())


def _with_default(client=None):
    # ``None`` supports no protocol: a misuse fails with it too.
    return client.fetch("x").strip()  # error: AGN210


def use_default():
    return _with_default(Client())


class Service:
    def __init__(self):
        self.client = Client()

    async def run(self):
        await self._drain(self.client)

    async def _drain(self, client):
        for item in client.stream("k"):  # error: AGN203
            print(item)


def _outer_helper(client):
    def inner():
        # The parameter seen from a nested function.
        return client.fetch("n").upper()  # error: AGN210

    return inner


_outer_helper(Client())


# -- correct ------------------------------------------------------------------------------------


async def _awaited(client, key):
    return (await client.fetch(key)).upper()


async def _iterated(client):
    async for item in client.stream("k"):
        print(item)


async def correct():
    await _awaited(Client(), "a")
    await _iterated(Client())


# -- traps: the helper may receive something else ------------------------------------------------


def _disagree(client):
    # One caller passes the sync client: this works for it.
    return client.fetch("k").upper()


def disagree():
    _disagree(Client())
    _disagree(SyncClient())


def _from_unknown(client):
    return client.fetch("k").upper()


def unknown_caller(given):
    _from_unknown(Client())
    _from_unknown(given)


def _escapes(client):
    return client.fetch("k").upper()


HANDLERS = {"fetch": _escapes}  # used as a value: other callers, other arguments
_escapes(Client())


def public_helper(client):
    # Public: other modules may call it with another client, but this module's call passes
    # a `Client`, and the body fails for that call whatever the others pass.
    return client.fetch("k").upper()  # error: AGN210


public_helper(Client())


def public_disagree(client):
    # This module's calls pass two classes: which one the body is written for is not known.
    return client.fetch("k").upper()


public_disagree(Client())
public_disagree(SyncClient())


class Wrapper:
    """A public class's unannotated `__init__` parameter, from the constructions in its module
    (posthog's `WrappedCompletions(client, self._original.completions)`)."""

    def __init__(self, client, label):
        self._client = client
        self.label = label

    def first(self):
        return self._client.fetch(self.label).upper()  # error: AGN210


class Holder:
    def __init__(self):
        self.wrapped = Wrapper(Client(), "a")


class Provider:
    """Constructed in its module with a sync client; a subclass (botocore's
    `InstanceMetadataProvider` and aiobotocore's `AioInstanceMetadataProvider`) is given
    another client by whoever constructs the subclass: what `self._client` holds in the
    subclass's methods is not what this module passes."""

    def __init__(self, client):
        self._client = client

    def load(self):
        return self._client.fetch("k")


PROVIDER = Provider(SyncClient())


class AsyncProvider(Provider):
    async def aload(self):
        # Trap: the subclass is constructed elsewhere (with an async client).
        return [item async for item in self._client.stream("k")]


class Unsure:
    """Constructed with two classes in its module: silent."""

    def __init__(self, client):
        self._client = client

    def first(self):
        return self._client.fetch("k").upper()


UNSURE = [Unsure(Client()), Unsure(SyncClient())]


def decorate(cls):
    return cls


@decorate
class Decorated:
    """A class decorator may replace the class and its `__init__`: silent."""

    def __init__(self, client):
        self._client = client

    def first(self):
        return self._client.fetch("k").upper()


DECORATED = Decorated(Client())


def _splat(client, key):
    return client.fetch(key).upper()


def splat(args):
    _splat(Client(), "k")
    _splat(*args)


def _rebound(client):
    client = client if isinstance(client, SyncClient) else SyncClient()
    return client.fetch("k").upper()


_rebound(Client())


def _tested(client):
    if isinstance(client, SyncClient):
        return client.fetch("k").upper()
    return None


_tested(Client())


def trace(fn):
    return lambda *args: fn(*args)


@trace
def _decorated(client):
    return client.fetch("k").upper()


_decorated(Client())


def _callable(factory):
    # A function passed in: the helper tells coroutines apart itself.
    result = factory()
    if inspect.isawaitable(result):
        return result
    return result.upper()


async def make():
    return "x"


_callable(make)


class Base:
    def __init__(self):
        self.client = Client()

    async def go(self):
        await self._handle(self.client)

    async def _handle(self, client):
        return client.fetch("k").upper()


class Child(Base):
    async def go_sync(self):
        # The inherited helper, called with a sync client.
        await self._handle(SyncClient())


def _recursive(node, depth):
    if depth:
        return _recursive(node.parent, depth - 1)
    return node.fetch("k").upper()


_recursive(Client(), 3)


def _shadowed(client):
    return client.fetch("k").upper()


def shadowing():
    _shadowed = SyncClient().fetch  # a local of the same name: not the helper
    return _shadowed("k")


_shadowed(SyncClient())


class Pool:
    def __init__(self):
        self._refresh()

    def _refresh(self, client=None):
        # Called with no argument (the default, ``None``) and with a client: the client's.
        return client.fetch("k").upper()  # error: AGN210

    def renew(self):
        self._refresh(Client())


def _only_defaults(client=None):
    # Only ever called without the argument: ``None``, which is no instance.
    return client.fetch("k")


_only_defaults()


# A parameter annotated with what names no one class (`Any`, a union of classes) is known from
# its module's calls the same way.
from typing import Any, Union  # noqa: E402


def _first_any(client: Any, key: str) -> str:
    return client.fetch(key).upper()  # error: AGN210


def _first_union(client: Union[Client, SyncClient], key: str) -> str:
    return client.fetch(key).upper()  # error: AGN210


# Trap: an annotation naming one class decides, whatever the calls pass (as a type checker
# would say: the call passing a `Client` is the error, reported by type checkers).
def _first_declared(client: "SyncClient", key: str) -> str:
    return client.fetch(key).upper()


def use_annotated_helpers() -> None:
    client = Client()
    print(_first_any(client, "a"), _first_union(client, "b"), _first_declared(client, "c"))
