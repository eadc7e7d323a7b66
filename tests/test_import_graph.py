"""The house is one-way: no module of the package imports, however indirectly, itself.

Imports are read from the source, those inside functions included (a lazy import is still
a dependency); only ``if TYPE_CHECKING:`` blocks are left out, since they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import nato_partners

PACKAGE = Path(nato_partners.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node but those under ``if TYPE_CHECKING:``."""
    found: list[ast.AST] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            stack.extend(node.orelse)
            continue
        found.append(node)
        stack.extend(ast.iter_child_nodes(node))
    return found


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The package's modules that the module at ``path`` imports when it runs."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text("utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            # `from . import x` may import the submodule x, or a name of the package.
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {_module_name(p) for p in paths}
    return {_module_name(p): _imports(p, modules) for p in paths}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected parts of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            part = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                part.append(top)
                if top == node:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_package_has_no_import_cycle() -> None:
    assert cycles(import_graph()) == []


def test_the_check_finds_a_cycle_and_reads_lazy_imports() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    graph = import_graph()
    # A function-level import counts: results asks export for tables only when asked.
    assert "nato_partners.export" in graph["nato_partners.results"]
    # The command line sits above the package it drives.
    assert "nato_partners" in graph["nato_partners.cli.output"]


@pytest.mark.parametrize("low", ["nato_partners.convert", "nato_partners.export",
                                 "nato_partners.results", "nato_partners.model"])
def test_the_lower_rooms_never_reach_the_bundled_data(low: str) -> None:
    graph = import_graph()
    reached, todo = set(), [low]
    while todo:
        for target in graph[todo.pop()] - reached:
            reached.add(target)
            todo.append(target)
    assert "nato_partners.loading" not in reached
    assert "nato_partners.dataset" not in reached


# -- what the one-way house fixed: a user's dataset is named from itself -------------------


def test_a_users_dataset_names_its_partners_in_every_table(bundled: Path, tmp_path: Path
                                                           ) -> None:
    pytest.importorskip("pyarrow")
    path = bundled / "partners" / "aze.toml"
    text = path.read_text("utf-8")
    path.write_text(text.replace('name = "Azerbaijan"', 'name = "Azerbaijan (copy)"', 1),
                    "utf-8")
    mine = nato_partners.load_dataset(bundled)
    found = mine.memberships("AZ")
    assert set(found.to_dataframe().partner_name) == {"Azerbaijan (copy)"}
    assert set(found.to_arrow().column("partner_name").to_pylist()) == {"Azerbaijan (copy)"}
    nato_partners.to_parquet(found, tmp_path / "m.parquet")
    import pyarrow.parquet as pq

    assert set(pq.read_table(tmp_path / "m.parquet").column("partner_name").to_pylist()) \
        == {"Azerbaijan (copy)"}
    # The package's functions fall back on the bundled dataset only where nothing says
    # which dataset the records are from; the export module never does.
    plain = list(found)
    assert set(nato_partners.to_dataframe(plain).partner_name) == {"Azerbaijan"}
    assert nato_partners.export.to_dataframe(plain).partner_name.isna().all()
    with pytest.raises(ValueError, match="pass dataset="):
        nato_partners.export.from_dataframe(found.to_dataframe(), nato_partners.Membership)


def test_results_hold_their_dataset_weakly() -> None:
    import gc
    import weakref

    dataset = nato_partners.load_dataset(PACKAGE / "data")
    found = dataset.memberships("AZ")
    assert found.dataset is dataset
    assert found[:1].dataset is dataset
    alive = weakref.ref(dataset)
    del dataset
    gc.collect()
    assert alive() is None  # the results did not keep it
    assert found.dataset is None
    assert len(found) > 0


def test_a_coverage_report_names_partners_from_its_dataset() -> None:
    pytest.importorskip("pandas")
    frame = nato_partners.coverage().to_dataframe()
    assert frame.partner_name.notna().all()
    assert "Azerbaijan" in set(frame.partner_name)
