"""The documentation cannot fall behind the code.

Every public name has a Sphinx-style docstring that documents its parameters, the API page
lists every public name, and every example in the docstrings and in the pages under docs/
runs and prints what it shows. Renaming a public function breaks these tests.
"""

from __future__ import annotations

import doctest
import enum
import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import nato_partners

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGES = sorted(DOCS.glob("*.rst"))

# Names a module exports that are values, not classes or functions: a value cannot carry a
# docstring, so its documentation is a ``#:`` comment above its assignment.
_DUNDERS = {"__version__"}


def _modules() -> list[ModuleType]:
    names = [nato_partners.__name__] + [
        info.name
        for info in pkgutil.walk_packages(nato_partners.__path__, nato_partners.__name__ + ".")
        # Importing __main__ runs the command line.
        if not info.name.endswith(".__main__")
    ]
    return [importlib.import_module(name) for name in sorted(names)]


MODULES = _modules()


def _public_objects() -> Iterator[tuple[str, Any]]:
    for name in nato_partners.__all__:
        if name not in _DUNDERS:
            yield name, getattr(nato_partners, name)


def _is_documentable(obj: object) -> bool:
    return inspect.isclass(obj) or inspect.isfunction(obj)


def _public_methods() -> Iterator[tuple[str, Callable[..., Any] | property]]:
    """Every public method and property of every public class, inherited ones included."""
    seen: set[int] = set()
    for name, cls in _public_objects():
        if not inspect.isclass(cls):
            continue
        for owner in cls.__mro__:
            if not owner.__module__.startswith(nato_partners.__name__):
                continue
            for attr, value in vars(owner).items():
                if attr.startswith("_"):
                    continue
                if isinstance(value, classmethod | staticmethod):
                    value = value.__func__
                if not (inspect.isfunction(value) or isinstance(value, property)):
                    continue
                if id(value) in seen:
                    continue
                seen.add(id(value))
                yield f"{name}.{attr}", value


def _parameters(obj: Callable[..., Any]) -> list[str]:
    if inspect.isclass(obj) and issubclass(obj, enum.Enum):
        return []
    target = obj.__init__ if inspect.isclass(obj) else obj  # type: ignore[misc]
    signature = inspect.signature(target)
    return [
        p.name
        for p in signature.parameters.values()
        if p.name not in ("self", "cls")
        and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]


def _returns_something(obj: Callable[..., Any]) -> bool:
    annotation = inspect.signature(obj).return_annotation
    return annotation not in (inspect.Signature.empty, None, "None")


def _check_docstring(qualname: str, obj: Any) -> list[str]:
    """What is missing from ``obj``'s docstring, as sentences; empty when all is there."""
    doc = inspect.getdoc(obj.fget if isinstance(obj, property) else obj)
    if not doc or not doc.strip():
        return [f"{qualname} has no docstring"]
    missing = []
    lines = doc.splitlines()
    if len(lines) > 1 and lines[1].strip():
        missing.append(f"{qualname}: the one-line summary must be followed by a blank line")
    if isinstance(obj, property):
        return missing
    for parameter in _parameters(obj):
        if not re.search(rf":param {re.escape(parameter)}:", doc):
            missing.append(f"{qualname} has no ':param {parameter}:'")
    if inspect.isfunction(obj) and _returns_something(obj) and ":returns:" not in doc:
        missing.append(f"{qualname} has no ':returns:'")
    return missing


@pytest.mark.parametrize(
    ("name", "obj"),
    [(n, o) for n, o in _public_objects() if _is_documentable(o)],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_public_class_or_function_has_a_sphinx_docstring(name: str, obj: Any) -> None:
    assert _check_docstring(name, obj) == []


@pytest.mark.parametrize(("name", "obj"), list(_public_methods()),
                         ids=lambda value: value if isinstance(value, str) else "")
def test_public_method_has_a_sphinx_docstring(name: str, obj: Any) -> None:
    assert _check_docstring(name, obj) == []


def test_public_values_have_a_doc_comment() -> None:
    # Values such as FORMAT_VERSION are documented by a ``#:`` comment, which autodoc reads.
    analyzer = pytest.importorskip("sphinx.pycode").ModuleAnalyzer
    documented = set()
    for module in MODULES:
        attr_docs = analyzer.for_module(module.__name__).find_attr_docs()
        documented |= {name for (scope, name), lines in attr_docs.items()
                       if scope == "" and "".join(lines).strip()}
    values = {name for name, obj in _public_objects() if not _is_documentable(obj)}
    assert values
    assert values - documented == set()


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_module_has_a_docstring(module: ModuleType) -> None:
    assert (module.__doc__ or "").strip(), f"{module.__name__} has no docstring"


def test_api_page_documents_exactly_the_public_names() -> None:
    text = (DOCS / "api.rst").read_text(encoding="utf-8")
    documented = set(re.findall(
        r"^\.\. (?:auto)?(?:function|class|exception|data)::\s+(\w+)\s*$", text,
        re.MULTILINE,
    ))
    assert documented == set(nato_partners.__all__)


def test_the_version_constants_are_described_not_given_strs_docstring() -> None:
    text = (DOCS / "api.rst").read_text(encoding="utf-8")
    for name in ("__version__", "__data_version__", "__data_reviewed__"):
        entry = text.split(f".. data:: {name}", 1)[1].split("..", 1)[0]
        assert "version" in entry or "checked" in entry
        assert "str(object" not in entry


def _run_doctests(tests: list[doctest.DocTest]) -> tuple[int, int, str]:
    output: list[str] = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in tests:
        runner.run(test, out=output.append)
    failed, attempted = runner.summarize(verbose=False)
    return failed, attempted, "".join(output)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_docstring_examples_run(module: ModuleType) -> None:
    tests = doctest.DocTestFinder().find(module, module.__name__)
    failed, _, report = _run_doctests(tests)
    assert failed == 0, report


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_page_examples_run(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    parser = doctest.DocTestParser()
    test = parser.get_doctest(text, {"__name__": page.stem}, page.name, str(page), 0)
    failed, attempted, report = _run_doctests([test])
    assert failed == 0, report
    # A page that shows examples must have them found and run, not silently skipped.
    assert attempted > 0 or ">>>" not in text


def test_the_docstring_examples_are_found() -> None:
    # Guards the two tests above: if the finder found nothing, they would pass vacuously.
    found = [t for m in MODULES for t in doctest.DocTestFinder().find(m, m.__name__)
             if t.examples]
    assert any(t.name.endswith("PartialDate") for t in found)


def test_data_format_page_lists_the_field_checks() -> None:
    # The table of checks on the data-format page is written by hand; the checks of a
    # field's form are data in the validator, so a new one that the page misses fails here.
    from nato_partners.validate import FIELD_PATTERNS, NON_NEGATIVE

    text = " ".join((DOCS / "data-format.rst").read_text(encoding="utf-8").split())
    messages = {expected for fields in FIELD_PATTERNS.values()
                for _, expected in fields.values()}
    assert messages
    assert {m for m in messages if f"``{m}``" not in text} == set()
    figures = {field for fields in NON_NEGATIVE.values() for field in fields}
    assert {f for f in figures if f"``{f}``" not in text} == set()
