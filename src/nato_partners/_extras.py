"""Import an optional dependency, or say which extra of the package to install for it."""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["require"]


def require(module: str, extra: str, needed_by: str) -> ModuleType:
    """Import ``module``, an optional dependency that the ``extra`` extra installs.

    :param module: the module to import, such as ``"pandas"``.
    :param extra: the extra of ``nato-partners`` that installs it, such as ``"pandas"``.
    :param needed_by: the name of the function that needs it, for the error message.
    :returns: the module.
    :raises ImportError: if the module cannot be imported, naming the extra to install.
    """
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise ImportError(
            f"{needed_by} needs {module.partition('.')[0]}: "
            f"pip install 'nato-partners[{extra}]'"
        ) from error
