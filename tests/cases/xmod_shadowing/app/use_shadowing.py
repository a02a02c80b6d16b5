"""Imported callees shadowed by parameters, locals, loop targets and later rebindings."""
from app import coros
from app.streams import complete, reader, stream, tokens

# The importer rebinds `tokens`: bound twice (streams.tokens, coros.tokens), unknown.
from app.coros import tokens  # noqa: F811


async def ok_parameter_shadows_import(stream=complete):
    # trap: the parameter `stream` shadows the imported async generator.
    return await stream("a b")


async def ok_local_shadows_import():
    # trap: a local assignment shadows the imported async generator in this function.
    stream = coros.tokens
    return await stream("a b")


async def ok_loop_target_shadows_import():
    # trap: the loop variable shadows the imported name.
    for stream in (complete, coros.reader):
        print(await stream("a b"))


async def ok_comprehension_variable_shadows_import():
    # trap: the comprehension variable `stream` is local to the comprehension.
    print([await stream("x") for stream in (complete,)])


async def ok_rebound_by_second_import():
    # trap: `tokens` was imported twice from different modules (different kinds).
    print(await tokens("a"))


def install_coroutine_reader():
    global reader
    reader = coros.reader


async def ok_rebound_through_global():
    # trap: `reader` is rebound through `global` in install_coroutine_reader: unknown.
    install_coroutine_reader()
    print(await reader("/p"))


async def bad_import_not_shadowed_here():
    # The parameter of ok_parameter_shadows_import does not leak into this function.
    return await stream("a b")  # error: AGN200


class Holder:
    # Class attribute named like the import; class bodies do not enclose methods.
    stream = staticmethod(complete)

    async def bad_class_body_does_not_shadow_in_method(self):
        # Inside a method `stream` is the module-level import (async generator).
        return await stream("a b")  # error: AGN200

    async def ok_class_attribute_through_self(self):
        # trap: `self.stream` is the class attribute, staticmethod(complete): a coroutine.
        return await self.stream("a b")


async def bad_function_local_import():
    from app.v2 import fetch_items

    return await fetch_items(2)  # error: AGN200
