"""The textual source index (:mod:`flake8_asyncgen.sourceindex`) reads names out of raw bytes.

Its patterns start with literals for speed, so what a leading ``\\b`` or a line anchor used to
guarantee is done by hand; these cases pin the shapes where a literal search could skip or
invent a name.  The index may over-approximate, never miss a name the code defines.
"""

from __future__ import annotations

from flake8_asyncgen.sourceindex import FileText, SourceIndex


def test_def_after_a_word_ending_in_def_is_found() -> None:
    # ``tool_def`` ends in ``def``; a search from it must not swallow the real ``def`` below.
    text = FileText(b"    return tool_def\n\n\ndef hitchhiker(ctx):\n    pass\n")
    assert "hitchhiker" in text.defs
    assert "def" not in text.defs


def test_def_inside_a_word_is_not_a_definition() -> None:
    assert "x" not in FileText(b"undef x\nredefine y\n").defs


def test_indented_assignments_on_consecutive_lines_are_all_found() -> None:
    text = FileText(b"class C:\n    s3 =\n        signature_version = 's3v4'\n    other = 1\n")
    assert {"s3", "signature_version", "other"} <= text.defs


def test_comparison_is_not_an_assignment() -> None:
    assert "flag" not in FileText(b"def f():\n    flag == 1\n").defs


def test_class_statement_after_a_word_ending_in_class() -> None:
    text = FileText(b"x = subclass\nclass Child(Base, mixins.Extra):\n    pass\n")
    assert text.classes == [("Child", frozenset({"Base", "mixins", "Extra"}))]


def test_import_aliases_only_on_import_lines() -> None:
    text = FileText(
        b"from importlib import import_module as load\n"
        b"import a.b as ab, c as d\n"
        b"text = 'do not import x as y'\n"
    )
    assert sorted(text.aliases) == [("b", "ab"), ("c", "d"), ("import_module", "load")]


def test_special_method_writes_name_the_object_right_before_the_dot() -> None:
    text = FileText(
        b"pkg.Client.__aenter__ = enter\n"
        b"setattr(Other, '__aexit__', leave)\n"
        b"x.__eq__ == y\n"
        b"(a).__call__ = f\n"
    )
    assert text.dunder_writes == frozenset({("Client", "__aenter__"), ("Other", "__aexit__")})


def test_virtual_subclass_registrations() -> None:
    text = FileText(b"abc.Resource.register(Lock)\n9.register(x)\n")
    assert text.registered == frozenset({"Resource"})


def test_subclass_closure_follows_aliases_and_subclasses() -> None:
    index = SourceIndex()
    index.add("base", FileText(b"class Base:\n    async def run(self): ...\n"))
    index.add("mid", FileText(b"from base import Base as B\nclass Mid(B):\n    pass\n"))
    index.add("leaf", FileText(b"class Leaf(Mid):\n    def run(self): ...\n"))
    index.add("other", FileText(b"class Other(object):\n    def run(self): ...\n"))
    assert index.override_candidates("Base", "run") == ["leaf"]


def test_attribute_writes_on_classes_are_told_apart() -> None:
    text = FileText(
        b"import pyrogram\n"
        b"pyrogram.methods.Decorators.admins_only = admins_only\n"
        b"response.status = 200\n"
        b"self.ready = True\n"
        b"setattr(Client, 'retry', retry)\n"
        b"setattr(client, 'timeout', 5)\n"
    )
    assert text.attribute_writes == {"admins_only", "status", "retry", "timeout"}
    assert text.class_attribute_writes == {"admins_only", "retry"}


def test_computed_setattr_counts_only_beside_a_kind_test() -> None:
    wrapper = (
        b"import inspect\n"
        b"def wrap(source):\n"
        b"    for name in dir(source):\n"
        b"        if inspect.iscoroutinefunction(getattr(source, name)):\n"
        b"            setattr(source, name, make_sync(source, name))\n"
    )
    assert FileText(wrapper).computed_setattr
    # A loader setting options by name, or an object setting its own attributes: not a wrapper.
    assert not FileText(
        b"for key, value in options.items():\n    setattr(config, key, value)\n"
    ).computed_setattr
    assert not FileText(b"iscoroutinefunction(f)\nsetattr(self, key, value)\n").computed_setattr
