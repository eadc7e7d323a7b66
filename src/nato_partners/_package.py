"""The dataset as a Frictionless Data Package: every table as CSV, the panel for Stata.

:func:`write_package` writes what a researcher hands to R, Stata or Python: the record
tables flattened as :mod:`nato_partners.export` flattens them, which record cites which
source, the yearly panel and its spells, and a schema for each table.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any

from ._extras import require
from ._registry import STORED
from .citations import LICENCE, PROJECT_URL, cite
from .dataset import Dataset
from .export import to_dataframe
from .loading import load
from .panels import STATUS_LABELS, panel, spells

__all__ = ["write_package"]

#: The record tables of a package, by file name, with each one's key.
_PACKAGE_TABLES: tuple[tuple[str, type[Any], str], ...] = tuple(
    (kind.table, kind.cls, kind.key) for kind in STORED if kind.key)
#: Foreign keys: a table's field, and the table and field it refers to.
_REFERENCES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "memberships": (("partner", "partners", "code"), ("programme", "programmes", "id")),
    "milestones": (("partner", "partners", "code"), ("programme", "programmes", "id")),
    "trust_fund_projects": (("partner", "partners", "code"),),
    "citations": (("source", "sources", "id"),),
    "panel": (("partner", "partners", "code"), ("programme", "programmes", "id"),
              ("membership", "memberships", "id")),
    "spells": (("partner", "partners", "code"), ("programme", "programmes", "id"),
               ("membership", "memberships", "id")),
}
_STATA_STATUS = {1: "full member", 2: "associate", 3: "observer", 0: "not a member",
                 -1: "not in existence"}


def write_package(directory: str | os.PathLike[str], dataset: Dataset | None = None
                  ) -> tuple[str, ...]:
    """Write the dataset as a Frictionless Data Package that R, Stata and Python read.

    The directory gets a CSV file per record table (``partners``, ``programmes``,
    ``memberships``, ``milestones``, ``trust_fund_projects``, ``sources``), ``citations``
    (which record cites which source), the yearly ``panel`` in long form and its
    ``spells``, the panel as a Stata file (``panel.dta``, with value labels for the status
    codes), a ``README.md`` on reading them, and ``datapackage.json``: the data version,
    the horizon, the licence, the citation, and a schema per table with its types, keys and
    foreign keys. Dates are written as their first day, with a ``_precision`` column;
    ``iso_numeric`` is text ("004"); lists are JSON arrays; an empty cell is missing, and
    in the panel missing means not known, never 0.

    :param directory: where to write; created if it does not exist. Files of these names
        are replaced.
    :param dataset: the dataset to write; the bundled one if ``None``.
    :returns: the names of the files written.
    :raises ImportError: if pandas is not installed.
    :raises OSError: if a file cannot be written.
    """
    pandas = require("pandas", "pandas", "write_package")
    if dataset is None:
        dataset = load()
    root = os.fspath(directory)
    os.makedirs(root, exist_ok=True)
    tables: dict[str, tuple[Any, tuple[str, ...]]] = {}
    citing: list[tuple[str, str, str]] = []
    for name, cls, key_field in _PACKAGE_TABLES:
        records = dataset.records(cls)
        frame = to_dataframe(records, cls, dataset).drop(columns=["source_urls"],
                                                          errors="ignore")
        if "sources" in frame:
            citing += [(name, getattr(r, key_field), s.id) for r in records
                       for s in r.sources]
            frame = frame.drop(columns=["sources"])
        tables[name] = (frame, (key_field,))
    tables["citations"] = (pandas.DataFrame(citing, columns=["table", "record", "source"]),
                           ("table", "record", "source"))
    long = panel(dataset=dataset, dtypes="nullable")
    tables["panel"] = (long, ("partner", "programme", "period"))
    tables["spells"] = (spells(dataset=dataset), ())
    written = []
    resources = []
    for name, (frame, key) in tables.items():
        path = f"{name}.csv"
        _csv(frame).to_csv(os.path.join(root, path), index=False, na_rep="")
        written.append(path)
        resources.append(_resource(name, path, frame, key, _REFERENCES.get(name, ())))
    _stata(long, os.path.join(root, "panel.dta"), STATUS_LABELS)
    written.append("panel.dta")
    resources.append({"name": "panel-stata", "path": "panel.dta", "format": "dta",
                      "mediatype": "application/x-stata-dta", "encoding": "utf-8",
                      "description": "The panel for Stata (version 118), status codes "
                      "labelled; a missing status is not known."})
    info = dataset.info
    citation = cite(dataset).strip()
    descriptor = {
        "name": "nato-partners",
        "title": info.title,
        "description": info.description or "",
        "version": info.version,
        "horizon": str(info.reviewed),
        "homepage": PROJECT_URL,
        "licenses": [{"name": LICENCE, "path": "https://opensource.org/licenses/MIT",
                      "title": "MIT License"}],
        "citation": citation,
        "resources": resources,
    }
    with open(os.path.join(root, "datapackage.json"), "w", encoding="utf-8") as out:
        json.dump(descriptor, out, ensure_ascii=False, indent=2)
        out.write("\n")
    with open(os.path.join(root, "README.md"), "w", encoding="utf-8") as out:
        out.write(_PACKAGE_README.format(title=info.title, version=info.version,
                                         horizon=info.reviewed,
                                         citation=citation))
    return ("datapackage.json", *written, "README.md")


def _csv(frame: Any) -> Any:
    """The frame as CSV writes it: days as ISO dates, lists as JSON arrays."""
    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if str(column.dtype).startswith("datetime64"):
            out[name] = column.dt.strftime("%Y-%m-%d")
        elif column.dtype == object and any(isinstance(v, list) for v in column):
            out[name] = [None if v is None else json.dumps(v, ensure_ascii=False)
                         for v in column]
    return out


def _field_type(column: Any) -> dict[str, Any]:
    dtype = str(column.dtype)
    if dtype == "category":
        return {"type": "string",
                "constraints": {"enum": [str(c) for c in column.cat.categories]}}
    if dtype.startswith("datetime64"):
        return {"type": "date"}
    if dtype in ("Int8", "Int16", "Int32", "Int64", "int64"):
        return {"type": "integer"}
    if dtype in ("Float64", "float64"):
        return {"type": "number"}
    if dtype == "boolean":
        return {"type": "boolean"}
    if any(isinstance(v, list) for v in column):
        return {"type": "array"}
    return {"type": "string"}


def _resource(name: str, path: str, frame: Any, key: tuple[str, ...],
              references: tuple[tuple[str, str, str], ...]) -> dict[str, Any]:
    fields = [{"name": str(c), **_field_type(frame[c])} for c in frame.columns]
    for field in fields:
        if field["name"] == "iso_numeric":
            field["constraints"] = {"pattern": "[0-9]{3}"}  # text: "004" stays "004"
    schema: dict[str, Any] = {"fields": fields}
    if key:
        schema["primaryKey"] = list(key)
    schema["foreignKeys"] = [
        {"fields": field, "reference": {"resource": table, "fields": target}}
        for field, table, target in references if field in frame.columns]
    return {"name": name, "path": path, "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": schema}


def _stata(long: Any, path: str, labels: Mapping[int | None, str]) -> None:
    """The long panel as a Stata file: status codes labelled, a missing status not known."""
    frame = long.copy()
    frame["suspended"] = frame["suspended"].astype("Int8")
    for name in ("iso_numeric", "membership"):
        frame[name] = frame[name].astype(object).where(frame[name].notna(), "")
    frame = frame.drop(columns=["status_label"])  # the value labels say it
    frame.to_stata(
        path, write_index=False, version=118,
        value_labels={"status": {code: label for code, label in labels.items()
                                 if code is not None},
                      "suspended": {0: "no", 1: "suspended"}},
        variable_labels={
            "status": "membership status (missing: not known)",
            "suspended": "suspended on some day of the period (missing: not known)",
            "membership": "id of the membership behind the cell",
            "confidence": "confidence of that membership's sources",
            "period": "year"})


_PACKAGE_README = """\
# {title}: data package, version {version}

The data knows nothing after {horizon} (its horizon). Every table is a CSV file with
a header row; `datapackage.json` describes each column. An empty cell is missing: in
`panel.csv` a missing `status` is "not known", never "not a member" (0).

Status codes: 1 full member, 2 associate, 3 observer, 0 not a member (the data holds
the programme's whole membership), -1 the programme did not exist; empty: not known.

Dates are the first day of their period, with a `_precision` column (year, month or
day): `1992-03-01` with precision `month` means "March 1992". `iso_numeric` is text.
`citations.csv` says which sources each record cites; `sources.csv` lists them.

## R

```r
panel <- read.csv("panel.csv", colClasses = c(iso_numeric = "character"))
library(haven); panel <- read_dta("panel.dta")   # status keeps its labels
library(arrow); panel <- read_csv_arrow("panel.csv")
```

## Stata

```stata
use panel.dta, clear
label list status
import delimited using memberships.csv, stringcols(_all) clear
```

## Python

```python
import pandas as pd
panel = pd.read_csv("panel.csv", dtype={{"iso_numeric": str}})
```

## Cite

{citation}
"""
