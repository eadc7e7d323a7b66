"""NATO's partnerships as typed, sourced, queryable data.

>>> import nato_partners as np
>>> np.partner("AZ").official_name
'Republic of Azerbaijan'
>>> [str(m.joined) for m in np.memberships("AZ", "pfp")]
['1994-05-04']

Importing the package reads no data: the bundled dataset is read on the first query.
"""

from .convert import converter, make_converter, structure, unstructure
from .dataset import FORMAT_VERSION, Dataset, load, load_dataset
from .dates import Certainty, DateLike, PartialDate, Precision
from .errors import DataError, NotFoundError, Problem
from .model import (
    Area,
    Confidence,
    DatasetInfo,
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
    TrustFundProject,
)
from .queries import (
    member_counts,
    members,
    memberships,
    milestones,
    participates,
    partner,
    partners,
    programme,
    programmes,
    search,
    sources,
    timeline,
    trust_fund_projects,
)

__version__ = "0.1.0"

__all__ = [
    "FORMAT_VERSION",
    "Area",
    "Certainty",
    "Confidence",
    "DataError",
    "Dataset",
    "DatasetInfo",
    "DateLike",
    "Membership",
    "Milestone",
    "MilestoneKind",
    "Mission",
    "NotFoundError",
    "PartialDate",
    "Partner",
    "Precision",
    "Problem",
    "Programme",
    "ProgrammeKind",
    "ProjectStatus",
    "Record",
    "Region",
    "Source",
    "TrustFundProject",
    "__version__",
    "converter",
    "load",
    "load_dataset",
    "make_converter",
    "member_counts",
    "members",
    "memberships",
    "milestones",
    "participates",
    "partner",
    "partners",
    "programme",
    "programmes",
    "search",
    "sources",
    "structure",
    "timeline",
    "trust_fund_projects",
    "unstructure",
]
