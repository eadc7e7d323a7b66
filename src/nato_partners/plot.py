"""A partner's relations with NATO as a picture: memberships and milestones on a time axis.

Needs the ``plot`` extra: ``pip install 'nato-partners[plot]'``.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from ._extras import require
from .dataset import Dataset
from .dates import PartialDate, Precision
from .loading import load
from .model import Membership, Milestone, MilestoneKind, Partner

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["plot_timeline"]

_ROW = 0.28  # inches of figure height per row
_LABEL_WIDTH = 70  # characters of a milestone title shown beside it
_IN_FORCE = "#1b3a5c"
_ENDED = "#c5cbd3"


def plot_timeline(
    partner: str | Partner,
    dataset: Dataset | None = None,
    ax: Axes | None = None,
    *,
    today: datetime.date | None = None,
) -> Figure:
    """Draw a partner's memberships and milestones on one time axis.

    Each membership is a horizontal bar from the first day it joined to the first day it
    left, or to the dataset's horizon (the last day it knows) while it is in force; a join
    or end date known only to the year or month is hatched over the whole of that period.
    A membership known in force only up to a day (``known_until``), whose end no source
    dates, stops there, and a hatched span from that day to the horizon says the rest is
    not known. Below them, each
    milestone has a row of its own with its title beside it: a milestone dated to the day
    is a point, one dated only to a month or a year is a bar covering that month or year.
    Undated memberships and milestones cannot be placed on a time axis and are left out;
    a note under the axis says how many.

    Every bar and point carries a ``gid`` (``membership:<id>``, ``milestone-point:<id>``,
    ``milestone-span:<id>``), which SVG output keeps as the element's ``id``.

    :param partner: any key :meth:`Dataset.partner <nato_partners.Dataset.partner>`
        accepts, such as ``"AZ"``.
    :param dataset: the dataset to draw from; the bundled one if ``None``.
    :param ax: the axes to draw on; a new figure is made if ``None``.
    :param today: where memberships in force end; the dataset's horizon if ``None``,
        since the data knows nothing of later days.
    :returns: the figure, ready for ``savefig("timeline.png")`` or ``.svg``.
    :raises ImportError: if matplotlib is not installed.
    :raises NotFoundError: if the partner is unknown.
    """
    require("matplotlib", "plot", "plot_timeline")
    from matplotlib import dates as mdates
    from matplotlib.figure import Figure

    data = dataset or load()
    found = data.partner(partner)
    end_of_axis = today or data.horizon
    memberships = [m for m in data.memberships(found) if m.joined is not None]
    milestones = [m for m in data.timeline(found) if m.date is not None]
    undated = (len(data.memberships(found)) - len(memberships),
               len(data.timeline(found)) - len(milestones))

    # One empty row parts the memberships from the milestones, if there are both.
    rows = max(1, len(memberships) + (len(milestones) + 1 if milestones else 0))
    if ax is None:
        figure = Figure(figsize=(13, 1.6 + _ROW * rows), layout="constrained")
        ax = figure.add_subplot()
    else:
        root = ax.figure
        figure = root if isinstance(root, Figure) else root.figure

    labels: list[str] = []
    open_ended = False  # whether a span of not known was drawn, for the legend
    for row, membership in enumerate(memberships):
        labels.append(_membership_label(membership, data))
        open_ended |= _draw_membership(ax, row, membership, end_of_axis)
    first = len(memberships) + 1
    if milestones:
        labels.append("")
    palette = _palette()
    kinds: dict[MilestoneKind, Any] = {}
    for row, milestone in enumerate(milestones, start=first):
        labels.append("")
        colour = kinds.setdefault(milestone.kind, palette[milestone.kind])
        _draw_milestone(ax, row, milestone, colour, end_of_axis)

    starts = [m.joined.earliest for m in memberships if m.joined is not None]
    starts += [m.date.earliest for m in milestones if m.date is not None]
    begin = min(starts, default=end_of_axis) - datetime.timedelta(days=365)
    ax.set_xlim(_num(begin), _num(end_of_axis + datetime.timedelta(days=365)))
    ax.set_ylim(rows - 0.5, -0.7)
    ax.set_yticks(range(len(labels)), labels, fontsize=9)
    ax.tick_params(axis="y", length=0)
    # matplotlib.dates has no type annotations yet, hence the ignores.
    locator = mdates.AutoDateLocator(minticks=8, maxticks=20)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(
        mdates.ConciseDateFormatter(locator)  # type: ignore[no-untyped-call]
    )
    ax.grid(axis="x", color="#e0e0e0", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.axvline(_num(end_of_axis), color="#555555", linestyle=":", linewidth=1)
    if milestones:
        ax.axhline(first - 1, color="#bbbbbb", linewidth=0.8)
        ax.text(0, first - 0.6, "Milestones", transform=ax.get_yaxis_transform(),
                ha="right", va="top", fontsize=9, fontweight="bold")
    ax.set_title(f"{found.name} and NATO: memberships and milestones", loc="left")
    _legend(ax, kinds, open_ended)
    ax.set_xlabel(_footnote(undated, end_of_axis), fontsize=8, color="#555555", loc="left")
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    return figure


def _palette() -> dict[MilestoneKind, Any]:
    """A colour for each kind of milestone, the same in every picture."""
    from matplotlib import colormaps

    tab20 = colormaps["tab20"]  # an integer picks the n-th of its 20 colours
    # The dark shades first, then the light; the greys are left to ended memberships.
    order = [i for i in (*range(0, 20, 2), *range(1, 20, 2)) if i not in (14, 15)]
    return {kind: tab20(i) for kind, i in zip(MilestoneKind, order, strict=False)}


def _num(day: datetime.date) -> float:
    from matplotlib import dates as mdates

    plain = datetime.date(day.year, day.month, day.day)
    return float(mdates.date2num(plain))  # type: ignore[no-untyped-call]


def _span(date: PartialDate) -> tuple[float, float]:
    """Where a date's period starts on the axis, and how wide it is."""
    start = _num(date.earliest)
    return start, _num(date.latest) + 1 - start


def _membership_label(membership: Membership, data: Dataset) -> str:
    programme = data.programme(membership.programme)
    name = programme.acronym or programme.name
    return f"{name} ({membership.role})" if membership.role else name


def _draw_membership(ax: Axes, row: int, membership: Membership, today: datetime.date
                     ) -> bool:
    """Draw a membership's bar; tell whether it ends in a span of not known."""
    assert membership.joined is not None  # undated memberships were left out
    ends = membership.ends
    start = _num(membership.joined.earliest)
    known = membership.known_until if ends is None else None
    if ends is not None:
        stop = _num(ends.earliest)
    elif known is not None:  # in force up to that day; after it, not known
        stop = _num(known.latest) + 1
        unknown = ax.barh(row, max(_num(today) - stop, 0), left=stop, height=0.6,
                          color="white", hatch="...", edgecolor=_IN_FORCE, linewidth=0)
        unknown.patches[0].set_gid(f"membership-not-known:{membership.id}")
    else:
        stop = _num(today)
    colour = _ENDED if ends is not None else _IN_FORCE
    bar = ax.barh(row, max(stop - start, 1), left=start, height=0.6, color=colour)
    bar.patches[0].set_gid(f"membership:{membership.id}")
    # Hatch the periods in which a join or an end date known only in part could fall.
    for date in (membership.joined, ends):
        if date is not None and date.precision is not Precision.DAY:
            left, width = _span(date)
            ax.barh(row, width, left=left, height=0.6, color="white", alpha=0.5,
                    hatch="///", edgecolor=colour, linewidth=0)
    return known is not None


def _draw_milestone(ax: Axes, row: int, milestone: Milestone, colour: Any,
                    today: datetime.date) -> None:
    assert milestone.date is not None  # undated milestones were left out
    left, width = _span(milestone.date)
    if milestone.date.precision is Precision.DAY:
        (point,) = ax.plot([left], [row], marker="o", markersize=6, color=colour,
                           linestyle="none")
        point.set_gid(f"milestone-point:{milestone.id}")
    else:
        bar = ax.barh(row, width, left=left, height=0.5, color=colour, alpha=0.8,
                      edgecolor=colour)
        bar.patches[0].set_gid(f"milestone-span:{milestone.id}")
    title = milestone.title
    if len(title) > _LABEL_WIDTH:
        title = title[: _LABEL_WIDTH - 1].rstrip() + "\u2026"
    # Late milestones take their label on the left, so that it stays inside the axes.
    late = milestone.date.earliest.year > today.year - 12
    ax.annotate(title, (left if late else left + width, row),
                xytext=(-6 if late else 6, 0), textcoords="offset points",
                ha="right" if late else "left", va="center", fontsize=8)


def _legend(ax: Axes, kinds: dict[MilestoneKind, Any], open_ended: bool) -> None:
    from matplotlib.patches import Patch

    handles = [Patch(color=_IN_FORCE, label="membership in force"),
               Patch(color=_ENDED, label="membership ended or suspended"),
               Patch(facecolor="white", edgecolor="#555555", hatch="///",
                     label="date known only to the month or year")]
    if open_ended:
        handles.append(Patch(facecolor="white", edgecolor=_IN_FORCE, hatch="...",
                             label="not known: in force up to a day, no end dated"))
    handles += [Patch(color=kinds[kind], label=f"milestone: {kind.label.lower()}")
                for kind in MilestoneKind if kind in kinds]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8,
              frameon=False)


def _footnote(undated: tuple[int, int], today: datetime.date) -> str:
    memberships, milestones = undated
    text = (f"Dotted line: {today.isoformat()}. A point is a day; a bar over a month or a "
            "year is a milestone dated only that far.")
    if memberships or milestones:
        text += (f" Not shown, for want of a date: {memberships} membership(s), "
                 f"{milestones} milestone(s).")
    return text
