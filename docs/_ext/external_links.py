"""Resolve references to other projects' objects from a fixed table, with no network.

Loaded by ``conf.py``. It answers Sphinx's ``missing-reference`` event in two cases:

- a reference to a library object by the module that defines it, such as
  ``nato_partners.dates.PartialDate`` (type hints in signatures are written that way), is
  sent to the public name the API page documents, ``nato_partners.PartialDate``;
- a reference to another project's object, such as ``pendulum.Date``, becomes a link to
  that object's page, taken from ``EXTERNAL`` below.

Anything else stays unresolved, so that ``sphinx-build -n -W`` fails on it: a new
external type in a signature needs a line in ``EXTERNAL``.
"""

from __future__ import annotations

import sys
from typing import Any, TypeVar

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

import nato_partners

_PYTHON = "https://docs.python.org/3/"
_ATTRS = "https://www.attrs.org/en/stable/"
_CATTRS = "https://catt.rs/en/stable/"
_PENDULUM = "https://pendulum.eustace.io/docs/"

#: Other projects' objects the documentation mentions, and the page that documents each.
EXTERNAL: dict[str, str] = {
    "datetime.date": _PYTHON + "library/datetime.html#datetime.date",
    "datetime.datetime": _PYTHON + "library/datetime.html#datetime.datetime",
    "json.dumps": _PYTHON + "library/json.html#json.dumps",
    "tomllib": _PYTHON + "library/tomllib.html",
    "enum.Enum": _PYTHON + "library/enum.html#enum.Enum",
    "ValueError": _PYTHON + "library/exceptions.html#ValueError",
    "TypeError": _PYTHON + "library/exceptions.html#TypeError",
    "LookupError": _PYTHON + "library/exceptions.html#LookupError",
    "os.PathLike": _PYTHON + "library/os.html#os.PathLike",
    "collections.abc.Iterable": _PYTHON + "library/collections.abc.html"
    "#collections.abc.Iterable",
    "importlib.resources.abc.Traversable": _PYTHON + "library/importlib.resources.abc.html"
    "#importlib.resources.abc.Traversable",
    "typing.Any": _PYTHON + "library/typing.html#typing.Any",
    "attrs": _ATTRS,
    "cattrs": _CATTRS,
    "cattrs.Converter": _CATTRS + "cattrs.html#cattrs.Converter",
    "cattrs.converters.Converter": _CATTRS + "cattrs.html#cattrs.Converter",
    "pathlib.Path": _PYTHON + "library/pathlib.html#pathlib.Path",
    "pendulum": _PENDULUM,
    "pendulum.Date": _PENDULUM,
    "pendulum.date.Date": _PENDULUM,
}

_PANDAS = "https://pandas.pydata.org/docs/reference/api/"
_ARROW = "https://arrow.apache.org/docs/python/generated/"
_MATPLOTLIB = "https://matplotlib.org/stable/api/"
EXTERNAL.update({
    "pandas.DataFrame": _PANDAS + "pandas.DataFrame.html",
    "pandas.DataFrame.explode": _PANDAS + "pandas.DataFrame.explode.html",
    "pyarrow.Table": _ARROW + "pyarrow.Table.html",
    "polars.DataFrame": "https://docs.pola.rs/api/python/stable/reference/dataframe/index.html",
    "matplotlib.figure.Figure": _MATPLOTLIB + "figure_api.html#matplotlib.figure.Figure",
    "matplotlib.axes.Axes": _MATPLOTLIB + "axes_api.html#matplotlib.axes.Axes",
})
# The optional packages are imported only for type checking, so autodoc cannot evaluate
# those annotations and shows them as written, under the names the modules import them by.
EXTERNAL.update({
    "pd.DataFrame": EXTERNAL["pandas.DataFrame"],
    "pa.Table": EXTERNAL["pyarrow.Table"],
    "pl.DataFrame": EXTERNAL["polars.DataFrame"],
    "Figure": EXTERNAL["matplotlib.figure.Figure"],
    "Axes": EXTERNAL["matplotlib.axes.Axes"],
})

# Built-in names that Sphinx links to Python's docs only through an inventory.
_BUILTINS = ("str", "int", "float", "bool", "object", "tuple", "list", "dict", "type", "None")
for _name in _BUILTINS:
    EXTERNAL.setdefault(
        _name,
        _PYTHON + ("library/constants.html#None" if _name == "None"
                   else f"library/functions.html#{_name}"),
    )


def _public(target: str) -> str | None:
    """The documented name of ``nato_partners.<module>.<Name>[.<member>]``, if public.

    A bare public name, as a module's docstring writes it, counts too.
    """
    if target in nato_partners.__all__:
        return f"nato_partners.{target}"
    parts = target.split(".")
    if len(parts) < 3 or parts[0] != "nato_partners":
        return None
    for start in range(1, len(parts)):
        if parts[start] in nato_partners.__all__:
            return ".".join(["nato_partners", *parts[start:]])
    return None


def _lookup(target: str) -> object:
    """The library object a name refers to, or ``None``; a bare name is looked up in
    every module of the library."""
    module, _, name = target.rpartition(".")
    if module:
        return getattr(sys.modules.get(module), name, None) if module.startswith(
            "nato_partners") else None
    for loaded, value in list(sys.modules.items()):
        if loaded.startswith("nato_partners") and hasattr(value, name):
            return getattr(value, name)
    return None


def _missing_reference(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.Element | None:
    if node.get("refdomain") != "py":
        return None
    target: str = node["reftarget"]
    if node["reftype"] == "mod" and target in sys.modules and target.startswith("nato_partners."):
        # The modules inside the package have no page (the API page documents the package):
        # show a module's name without a link.
        return contnode
    if isinstance(_lookup(target), TypeVar):
        # A type variable such as ``T`` in ``structure(data, cls: type[T]) -> T`` has no
        # page of its own: show its name without a link.
        return contnode
    public = _public(target)
    if public is not None:
        domain: Any = env.domains["py"]
        return domain.resolve_xref(
            env, node["refdoc"], app.builder, node["reftype"], public, node, contnode
        )
    url = EXTERNAL.get(target)
    if url is None:
        return None
    reference = nodes.reference("", "", internal=False, refuri=url, reftitle=target)
    reference.append(contnode)
    return reference


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the resolver.

    :param app: the Sphinx application.
    :returns: the extension's metadata.
    """
    app.connect("missing-reference", _missing_reference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
