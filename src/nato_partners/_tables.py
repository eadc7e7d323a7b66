"""The exports as the package offers them: the bundled dataset unless another is known.

:mod:`nato_partners.export` reads no dataset of its own, so that it sits below the
dataset and loading in the house. ``nato_partners.to_dataframe`` and its siblings are the
same functions with one default more: where neither the call (``dataset=``) nor the
records (query results know their dataset) name a dataset, they use the bundled one, for
the names beside the codes and for the sources a table cites.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

from . import export
from .loading import load
from .results import Results

__all__ = [
    "from_arrow",
    "from_dataframe",
    "read_parquet",
    "to_arrow",
    "to_dataframe",
    "to_parquet",
    "to_polars",
]

_F = TypeVar("_F", bound=Callable[..., Any])


def _bundled_by_default(function: _F) -> _F:
    signature = inspect.signature(function)

    @functools.wraps(function)
    def with_default(*args: Any, **kwargs: Any) -> Any:
        call = signature.bind(*args, **kwargs)
        first = next(iter(call.arguments.values()), None)
        known = isinstance(first, Results) and first.dataset is not None
        if call.arguments.get("dataset") is None and not known:
            call.arguments["dataset"] = load()
        return function(*call.args, **call.kwargs)

    return with_default  # type: ignore[return-value]


to_dataframe = _bundled_by_default(export.to_dataframe)
to_arrow = _bundled_by_default(export.to_arrow)
to_polars = _bundled_by_default(export.to_polars)
to_parquet = _bundled_by_default(export.to_parquet)
from_dataframe = _bundled_by_default(export.from_dataframe)
from_arrow = _bundled_by_default(export.from_arrow)
read_parquet = _bundled_by_default(export.read_parquet)
