"""NATO's partnerships as typed, sourced, queryable data.

>>> import nato_partners as nato
>>> nato.partner("AZ").official_name
'Republic of Azerbaijan'
>>> [str(m.joined) for m in nato.memberships("AZ", "pfp")]
['1994-05-04']

Importing the package reads no data: the bundled dataset is read on the first query.
"""

from typing import TYPE_CHECKING, Any

from ._version import FORMAT_VERSION, __data_reviewed__, __data_version__, __version__

if TYPE_CHECKING:
    from ._package import write_package
    from ._tables import (
        from_arrow,
        from_dataframe,
        read_parquet,
        to_arrow,
        to_dataframe,
        to_parquet,
        to_polars,
    )
    from .answers import NotKnown, Status
    from .changes import Change, diff
    from .citations import cite
    from .convert import converter, make_converter, structure, unstructure
    from .coverage_report import coverage
    from .dataset import Dataset
    from .dates import Certainty, DateLike, PartialDate, Precision
    from .errors import DataError, NotFoundError, NotKnownError, Problem
    from .files import MAX_FILE_BYTES
    from .loading import load, load_dataset
    from .model import (
        Area,
        Confidence,
        Coverage,
        DatasetInfo,
        Funding,
        Match,
        Membership,
        Milestone,
        MilestoneKind,
        Mission,
        Partner,
        Programme,
        ProgrammeKind,
        ProjectStatus,
        Record,
        Region,
        Source,
        StateSpell,
        StateSystem,
        TrustFundProject,
    )
    from .panels import panel, panel_diff, spells
    from .plot import plot_timeline
    from .queries import (
        matches,
        member_counts,
        members,
        membership,
        memberships,
        milestones,
        participates,
        partner,
        partners,
        programme,
        programmes,
        search,
        sources,
        status,
        timeline,
        trust_fund_projects,
    )
    from .results import Results
    from .schema import json_schema, schemas, write_schemas
    from .state_lists import ListedState, state_list
    from .write import write_dataset

# The module that holds each public name. Importing the package imports none of them, so
# that `import nato_partners` at the top of a script costs next to nothing; a module loads
# the first time one of its names is used (PEP 562), and type checkers and IDEs read the
# imports above.
_HOMES: dict[str, tuple[str, ...]] = {
    "answers": ("NotKnown", "Status"),
    "changes": ("Change", "diff"),
    "citations": ("cite",),
    "coverage_report": ("coverage",),
    "convert": ("converter", "make_converter", "structure", "unstructure"),
    "dataset": ("Dataset",),
    "dates": ("Certainty", "DateLike", "PartialDate", "Precision"),
    "errors": ("DataError", "NotFoundError", "NotKnownError", "Problem"),
    "_tables": (
        "from_arrow",
        "from_dataframe",
        "read_parquet",
        "to_arrow",
        "to_dataframe",
        "to_parquet",
        "to_polars",
    ),
    "_package": ("write_package",),
    "files": ("MAX_FILE_BYTES",),
    "loading": ("load", "load_dataset"),
    "model": (
        "Area",
        "Confidence",
        "Coverage",
        "DatasetInfo",
        "Funding",
        "Match",
        "Membership",
        "Milestone",
        "MilestoneKind",
        "Mission",
        "Partner",
        "Programme",
        "ProgrammeKind",
        "ProjectStatus",
        "Record",
        "Region",
        "Source",
        "StateSpell",
        "StateSystem",
        "TrustFundProject",
    ),
    "panels": ("panel", "panel_diff", "spells"),
    "state_lists": ("ListedState", "state_list"),
    "plot": ("plot_timeline",),
    "queries": (
        "member_counts",
        "matches",
        "members",
        "membership",
        "memberships",
        "milestones",
        "participates",
        "partner",
        "partners",
        "programme",
        "programmes",
        "search",
        "sources",
        "status",
        "timeline",
        "trust_fund_projects",
    ),
    "results": ("Results",),
    "schema": ("json_schema", "schemas", "write_schemas"),
    "write": ("write_dataset",),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # later uses find it without coming back here
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "FORMAT_VERSION",
    "MAX_FILE_BYTES",
    "Area",
    "Certainty",
    "Change",
    "Confidence",
    "Coverage",
    "DataError",
    "Dataset",
    "DatasetInfo",
    "DateLike",
    "Funding",
    "ListedState",
    "Match",
    "Membership",
    "Milestone",
    "MilestoneKind",
    "Mission",
    "NotFoundError",
    "NotKnown",
    "NotKnownError",
    "PartialDate",
    "Partner",
    "Precision",
    "Problem",
    "Programme",
    "ProgrammeKind",
    "ProjectStatus",
    "Record",
    "Region",
    "Results",
    "Source",
    "StateSpell",
    "StateSystem",
    "Status",
    "TrustFundProject",
    "__data_reviewed__",
    "__data_version__",
    "__version__",
    "cite",
    "converter",
    "coverage",
    "diff",
    "from_arrow",
    "from_dataframe",
    "json_schema",
    "load",
    "load_dataset",
    "make_converter",
    "matches",
    "member_counts",
    "members",
    "membership",
    "memberships",
    "milestones",
    "panel",
    "panel_diff",
    "participates",
    "partner",
    "partners",
    "plot_timeline",
    "programme",
    "programmes",
    "read_parquet",
    "schemas",
    "search",
    "sources",
    "spells",
    "state_list",
    "status",
    "structure",
    "timeline",
    "to_arrow",
    "to_dataframe",
    "to_parquet",
    "to_polars",
    "trust_fund_projects",
    "unstructure",
    "write_dataset",
    "write_package",
    "write_schemas",
]
