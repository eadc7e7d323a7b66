"""Our own docstrings for the library's values, never their types' docstrings.

autodoc documents a value such as ``Record``, ``DateLike`` or ``converter`` with the ``#:``
comment above its assignment, but it reads only the module the directive names. These
values are documented under ``nato_partners`` and assigned in its submodules, so autodoc
finds no comment there and falls back to the value's ``__doc__``, which is its type's:
Python's "Represent a PEP 604 union type" for a union, cattrs' own docstring for the
converter. This extension gives such a value the ``#:`` comment of the submodule that
assigns it, and fails the build if there is none, so no other project's docstring can
reach the API page.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.pycode import ModuleAnalyzer

import nato_partners


def own_docstring(app: Sphinx | None, what: str, name: str, obj: Any, options: Any,
                  lines: list[str]) -> None:
    """Put the ``#:`` comment of a value in place of its type's docstring.

    :param app: the Sphinx application (not used; the hook's signature).
    :param what: what autodoc documents; only ``"data"`` is looked at.
    :param name: the documented name, such as ``"nato_partners.Record"``.
    :param obj: the value.
    :param options: the directive's options (not used).
    :param lines: the docstring's lines, changed in place.
    :raises ExtensionError: if the value's docstring is its type's and no module of the
        library has a ``#:`` comment for it.
    """
    if what != "data" or not name.startswith("nato_partners."):
        return
    kind = type(obj)
    if getattr(obj, "__doc__", None) != kind.__doc__ or kind.__module__.startswith(
            "nato_partners"):
        return  # the value has a docstring of its own, or of a type of ours
    comment = comment_for(name.rpartition(".")[2])
    if comment is None:
        raise ExtensionError(
            f"{name} would show the docstring of {kind.__module__}.{kind.__qualname__}: "
            "give it a #: comment where it is assigned")
    lines[:] = [*comment, ""]


def comment_for(short: str) -> list[str] | None:
    """The ``#:`` comment above a module-level name in the library's modules.

    :param short: the name, such as ``"Record"``.
    :returns: the comment's lines, or ``None`` if no module has one.
    """
    for module in _modules():
        found = ModuleAnalyzer.for_module(module).find_attr_docs().get(("", short))
        if found:
            return [line for line in found if line.strip() or line is not found[-1]]
    return None


def _modules() -> list[str]:
    names = [nato_partners.__name__] + [
        info.name for info in pkgutil.walk_packages(nato_partners.__path__,
                                                    nato_partners.__name__ + ".")
        if not info.name.endswith("__main__")  # importing it runs the command line
    ]
    for name in names:
        importlib.import_module(name)
    return names


def setup(app: Sphinx) -> dict[str, Any]:
    """Connect the hook to autodoc.

    :param app: the Sphinx application.
    :returns: the extension's metadata.
    """
    app.connect("autodoc-process-docstring", own_docstring)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
