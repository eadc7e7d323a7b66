"""The README's claims match the library and its data.

Each line of the README's Python examples that ends in a comment holding a Python value
(``expr  # 'Jafar Huseynzade'``) is evaluated and compared with that value, so the front
page cannot drift from the data. A list that ends in ``...`` claims how the list begins.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
_BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def _claims() -> list[tuple[str, str, Any]]:
    if not README.is_file():
        return []
    claims = []
    for block in _BLOCK.findall(README.read_text("utf-8")):
        for line in block.splitlines():
            code, _, comment = line.partition("  # ")
            try:
                expected = ast.literal_eval(comment.strip())
            except (ValueError, SyntaxError):
                continue  # a comment in words, not a value
            claims.append((block, code.strip(), expected))
    return claims


def test_the_readme_has_claims_to_check() -> None:
    if not README.is_file():
        pytest.skip("no README in this checkout")
    assert len(_claims()) >= 4


@pytest.mark.parametrize(("block", "code", "expected"), _claims(),
                         ids=[code for _, code, _ in _claims()])
def test_readme_claim(block: str, code: str, expected: Any,
                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The examples write files where the reader runs them (memberships.parquet); here,
    # in a directory of their own, never in the checkout.
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {}
    # Run the block up to the claim, so that the names it defines exist.
    before = block[: block.index(code)]
    exec(compile("\n".join(line.partition("  # ")[0] for line in before.splitlines()),
                 "README.md", "exec"), namespace)
    got = eval(code, namespace)
    if isinstance(expected, list) and expected and expected[-1] is Ellipsis:
        got, expected = list(got)[: len(expected) - 1], expected[:-1]
    assert got == expected


def test_the_readme_states_the_coverage_the_data_has() -> None:
    if not README.is_file():
        pytest.skip("no README in this checkout")
    from nato_partners import load
    from nato_partners._summary import coverage_text

    block = re.search(r"<!-- coverage[^>]*-->\n(.*?)\n<!-- /coverage -->",
                      README.read_text("utf-8"), re.S)
    assert block is not None
    # scripts/bundle-data writes the sentence; a data change without it fails here.
    assert block.group(1) == coverage_text(load())
