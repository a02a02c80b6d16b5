"""Top package of the namespace_relative_imports case project.

`app/routes/` and `app/tools/` have no `__init__.py`. A module there that imports relatively
(`from ..services import Service`) can only run as part of `app`, where Python makes the
folder a namespace package (`app.routes`). A module there without relative imports may be a
script run from its own folder (`app/tools/report.py`).
"""
