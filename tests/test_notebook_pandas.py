"""The example notebook runs from top to bottom and shows what it promises."""

from __future__ import annotations

import ast
import base64
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("pandas")
pytest.importorskip("pyarrow")
pytest.importorskip("matplotlib")

NOTEBOOK = Path(__file__).parent.parent / "examples" / "pandas_analysis.ipynb"


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory):
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    folder = tmp_path_factory.mktemp("notebook")
    # Runs in a scratch folder so that nothing it might write lands in the checkout.
    client = nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(folder)}})
    client.execute()  # raises CellExecutionError, with the cell, if any cell fails
    return notebook


def _tagged(notebook, tag: str):
    (cell,) = [c for c in notebook.cells if tag in c.get("metadata", {}).get("tags", [])]
    return cell


def test_every_code_cell_ran_without_error(executed) -> None:
    code = [c for c in executed.cells if c.cell_type == "code"]
    assert code
    assert all(c.get("execution_count") for c in code)
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]


def test_azerbaijan_was_in_pfp_on_1_january_2000(executed) -> None:
    (result,) = [o for o in _tagged(executed, "question-1").outputs
                 if o.output_type == "execute_result"]
    programmes = ast.literal_eval(result["data"]["text/plain"])
    # Azerbaijan signed the PfP Framework Document in 1994 and has not left.
    assert "pfp" in programmes
    # The NACC had given way to the EAPC in 1997.
    assert "nacc" not in programmes
    assert "eapc" in programmes


def test_the_timeline_is_drawn_as_an_image(executed) -> None:
    images = [o["data"]["image/png"] for o in _tagged(executed, "timeline").outputs
              if "image/png" in o.get("data", {})]
    assert len(images) == 1
    assert base64.b64decode(images[0])[:8] == b"\x89PNG\r\n\x1a\n"
