"""Build hook: the rule pages ship inside the wheel; everything else is in pyproject.toml.

``flake8-asyncgen rule AGN201`` prints ``docs/rules/AGN201.md``. From a checkout (or an
editable install) it reads ``docs/rules/`` directly; a built wheel carries a copy as
``flake8_asyncgen/rule_docs/``, made here so that the pages have a single source.
"""

import os

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))


class BuildPyWithRulePages(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # the package finds docs/rules beside itself
        source = os.path.join(HERE, "docs", "rules")
        target = os.path.join(self.build_lib, "flake8_asyncgen", "rule_docs")
        self.mkpath(target)
        for name in sorted(os.listdir(source)):
            if name.endswith(".md"):
                self.copy_file(os.path.join(source, name), os.path.join(target, name))


setup(cmdclass={"build_py": BuildPyWithRulePages})
