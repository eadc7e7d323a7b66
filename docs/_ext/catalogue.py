"""The catalogue: a page for every country and every programme of the bundled data, and an
index of both, written from the data each time the docs are built.

When the builder starts (``builder-inited``), the extension writes reStructuredText into
``docs/catalogue/``: ``index.rst``, ``countries/<alpha-3 code>.rst`` (every country the
data holds, predecessor states such as Czechoslovakia included) and
``programmes/<id>.rst``. The directory is git-ignored, as autosummary's generated pages
are, so ``git status`` stays clean; a file is rewritten only when its text changes, so an
incremental build reads again only the pages whose data changed, and the page of a record
that left the data is deleted. The country and programme pages are reached from the
index's tables, not from a toctree (they are marked ``:orphan:``): in the sidebar of every
page of the site, 95 more entries took more time to draw than the pages themselves.
Written as text rather than as nodes, the pages go through
Sphinx like every other page: ``-n -W`` checks their references, and the search index
holds their words, so a reader finds a country by its name.

A country page gives the country's codes, its standing at the data's horizon in each
programme it has a membership of (:meth:`Dataset.status <nato_partners.Dataset.status>`),
its memberships with their dates, suspensions and notes, a timeline drawn as SVG with the
same facts beside it in a table, its milestones, its Trust Fund projects with their
figures, and every source, each fact pointing to its sources. A programme page gives what
the programme is, its life, whether the data holds its whole membership and why not, and
its members year by year. Every page states the data version and its horizon.
"""

from __future__ import annotations

import datetime
import html
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from nato_partners import (
    Dataset,
    Membership,
    Milestone,
    NotKnown,
    PartialDate,
    Partner,
    Programme,
    Source,
    Status,
    TrustFundProject,
    load,
)
from nato_partners._html import date_text

# Where the pages go, under the documentation's source directory.
_DIRECTORY = "catalogue"

# Characters that start inline markup in reStructuredText; a backslash makes each one
# plain text, so a title with an asterisk or a trailing underscore cannot become markup.
_MARKUP = re.compile(r"([\\`*_|<>\[\]])")


def generate(app: Sphinx) -> None:
    """Write the catalogue's pages into the source directory, and delete stale ones.

    :param app: the Sphinx application.
    """
    root = Path(app.srcdir) / _DIRECTORY
    pages = pages_of(load())
    for name, text in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        # Unchanged pages keep their modification time, so Sphinx does not read them again.
        if not path.is_file() or path.read_text("utf-8") != text:
            path.write_text(text, "utf-8")
    for path in root.rglob("*.rst"):
        if path.relative_to(root).as_posix() not in pages:
            path.unlink()


def pages_of(data: Dataset) -> dict[str, str]:
    """The catalogue's pages for a dataset.

    :param data: the dataset.
    :returns: each page's path under ``catalogue/`` and its reStructuredText.
    """
    pages = {"index.rst": _index_page(data)}
    for partner in data.partners():
        pages[f"countries/{partner.code.lower()}.rst"] = _country_page(data, partner)
    for programme in data.programmes():
        pages[f"programmes/{programme.id}.rst"] = _programme_page(data, programme)
    return pages


# -- pieces of reStructuredText ---------------------------------------------------------


def _esc(text: object) -> str:
    """Text as reStructuredText shows it literally, on one line."""
    plain = " ".join(str(text).split())
    plain = _MARKUP.sub(r"\\\1", plain)
    # A line that starts like a list item, an enumeration or a comment would become one.
    if plain[:1] in "-+*#.:0123456789(" and plain:
        plain = "\\" + plain
    return plain


def _heading(text: str, underline: str) -> list[str]:
    title = _esc(text)
    return [title, underline * len(title), ""]


def _date(date: PartialDate | None, empty: str = "") -> str:
    return empty if date is None else date_text(date)


def _country_doc(code: str) -> str:
    return f"/{_DIRECTORY}/countries/{code.lower()}"


def _programme_doc(key: str) -> str:
    return f"/{_DIRECTORY}/programmes/{key}"


def _country_link(partner: Partner) -> str:
    return f":doc:`{_esc(partner.name)} <{_country_doc(partner.code)}>`"


def _programme_link(programme: Programme, short: bool = False) -> str:
    name = programme.acronym if short and programme.acronym else programme.name
    return f":doc:`{_esc(name)} <{_programme_doc(programme.id)}>`"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]],
           widths: Sequence[int] | None = None, css: str = "catalogue-table") -> list[str]:
    """A list-table; cells are reStructuredText already."""
    lines = [".. list-table::", "   :header-rows: 1", f"   :class: {css}", "   :align: left"]
    if widths:
        lines.append(f"   :widths: {' '.join(str(w) for w in widths)}")
    lines.append("")
    for row in [header, *rows]:
        first, *rest = row
        lines.append(f"   * - {first}")
        lines.extend(f"     - {cell}" for cell in rest)
    lines.append("")
    return lines


def _fields(rows: Iterable[tuple[str, str]]) -> list[str]:
    """A two-column table of names and values, without a header."""
    lines = [".. list-table::", "   :class: catalogue-fields", "   :widths: 25 75",
             "   :align: left", ""]
    for name, value in rows:
        lines += [f"   * - {name}", f"     - {value}"]
    lines.append("")
    return lines


class _Citations:
    """The sources a page cites, as footnotes numbered in the order a reader meets them."""

    def __init__(self) -> None:
        self._cited: dict[str, Source] = {}

    def refs(self, sources: Iterable[Source]) -> str:
        """Footnote references to some sources, to follow the fact they back."""
        refs = []
        for source in sources:
            self._cited.setdefault(source.id, source)
            refs.append(f"[#{self._label(source)}]_")
        return " ".join(refs)

    def footnotes(self) -> list[str]:
        """The footnotes, each a source with its title linked to the document."""
        lines = []
        for source in self._cited.values():
            title = _esc(source.title)
            url = source.url
            if url and url.lower().startswith(("https://", "http://")) and " " not in url:
                title = f"`{title} <{url}>`__"
            details = [_esc(p) for p in (source.author, source.publisher) if p]
            if source.published is not None:
                details.append(_date(source.published))
            lines.append(f".. [#{self._label(source)}] {title}. {', '.join(details)}.")
            if source.note:
                lines.append(f"   {_esc(source.note)}")
            lines.append("")
        return lines

    @staticmethod
    def _label(source: Source) -> str:
        return "s-" + re.sub(r"[^a-z0-9]+", "-", source.id.lower()).strip("-")


def _version_line(data: Dataset) -> list[str]:
    horizon = data.horizon
    return [".. rst-class:: catalogue-version", "",
            f"From data version ``{data.info.version}``, whose horizon is "
            f"{horizon.day} {horizon.format('MMMM')} {horizon.year}: the data says nothing "
            "of later days. This page is written from the data each time the documentation "
            "is built.", ""]


def _standing(answer: Status | NotKnown) -> str:
    if isinstance(answer, NotKnown):
        return f"not known: {_esc(answer.reason)}"
    return _esc(answer.value)


def _ended(membership: Membership) -> str:
    if membership.left is not None:
        return _date(membership.left)
    if membership.left_by is not None:
        known = ("" if membership.known_until is None
                 else f"; in force in {_date(membership.known_until)}")
        return f"by {_date(membership.left_by)}{known}"
    if membership.known_until is not None:
        return f"not known after {_date(membership.known_until)}"
    return ""


def _suspension(membership: Membership) -> str:
    if membership.suspended is None:
        return ""
    text = f"from {_date(membership.suspended)}"
    if membership.resumed is not None:
        text += f" to {_date(membership.resumed)}"
    return text


# -- the country pages ------------------------------------------------------------------


def _country_page(data: Dataset, partner: Partner) -> str:
    cite = _Citations()
    memberships = data.memberships(partner)
    programmes = {m.programme: data.programme(m.programme) for m in memberships}
    lines = [":orphan:", "", f".. _catalogue-{partner.code.lower()}:", "",
             *_heading(partner.name, "="),
             *_version_line(data)]
    lines += [_summary(data, partner), ""]
    if partner.note:
        lines += [f"*Note:* {_esc(partner.note)}", ""]

    lines += _heading("Codes", "-")
    codes = [("ISO 3166-1 alpha-3", f"``{partner.code}``"),
             ("ISO 3166-1 alpha-2", f"``{partner.alpha2}``")]
    if partner.iso_numeric:
        codes.append(("ISO 3166-1 numeric", f"``{partner.iso_numeric}``"))
    if partner.cow_code is not None:
        codes.append(("Correlates of War", str(partner.cow_code)))
    if partner.gw_code is not None:
        codes.append(("Gleditsch-Ward", str(partner.gw_code)))
    if partner.states:
        codes.append(("As a state", "; ".join(_esc(s.label) for s in partner.states)))
    if partner.official_name:
        codes.append(("Official name", _esc(partner.official_name)))
    if partner.aliases:
        codes.append(("Also called", ", ".join(_esc(a) for a in partner.aliases)))
    codes.append(("Region", _esc(partner.region.label)))
    codes.append(("In Python", f'``nato.partner("{partner.alpha2}")``'))
    codes.append(("Sources", cite.refs(partner.sources)))
    lines += _fields(codes)

    mission = partner.mission
    if mission is not None:
        lines += _heading("Mission to NATO", "-")
        rows = [("Name", _esc(mission.name))]
        if mission.established is not None:
            rows.append(("Established", _date(mission.established)))
        if mission.head:
            title = f" ({_esc(mission.head_title)})" if mission.head_title else ""
            rows.append(("Head", _esc(mission.head) + title))
        rows.append(("Confidence", _esc(mission.confidence.label)))
        lines += _fields(rows)

    horizon = data.horizon
    lines += _heading(f"Standing on {horizon.day} {horizon.format('MMMM')} {horizon.year}",
                      "-")
    if programmes:
        lines += [f"As ``nato.status(\"{partner.alpha2}\", programme)`` gives it, in each "
                  "programme the country has a membership of.", ""]
        lines += _table(("Programme", "Standing"),
                        ((_programme_link(p), _standing(data.status(partner, p)))
                         for p in programmes.values()), (40, 60))
    else:
        lines += ["The data holds no membership of this country's.", ""]

    lines += _heading("Memberships", "-")
    if memberships:
        lines += _timeline_figure(data, partner)
        lines += ["The figure's facts, in words, with their sources:", ""]
        rows = []
        for m in memberships:
            what = f"{_programme_link(programmes[m.programme])} (``{m.id}``)"
            rows.append((what, _date(m.joined, "not dated"), _ended(m), _suspension(m),
                         _esc(m.role or ""), _esc(m.confidence.label), cite.refs(m.sources)))
        lines += _table(("Programme", "Joined", "Ended", "Suspended", "Role", "Confidence",
                         "Sources"), rows, (24, 14, 16, 14, 8, 9, 15))
        notes = [(m, programmes[m.programme]) for m in memberships if m.note]
        for m, programme in notes:
            lines += [f"- **{_esc(programme.acronym or programme.name)}**: {_esc(m.note)}"]
        if notes:
            lines.append("")
    else:
        lines += ["The data holds no membership of this country's.", ""]

    lines += _story(data.timeline(partner), data, cite)
    lines += _projects(data.trust_fund_projects(partner, funding=None), cite)

    lines += _heading("Sources", "-")
    lines += ["Every source a fact on this page rests on, numbered as the page cites them.",
              "", *cite.footnotes()]
    return "\n".join(lines)


def _summary(data: Dataset, partner: Partner) -> str:
    """One sentence: is the country an Ally, a partner, or a state that no longer exists."""
    horizon = data.horizon
    ended = [s.end for s in partner.states if s.end is not None]
    gone = partner.states and len(ended) == len(partner.states) and all(
        e.latest < horizon for e in ended)
    nato = data.status(partner, "nato")
    region = partner.region.label
    if gone:
        last = max(ended, key=lambda e: e.latest)
        on = "on" if last.day is not None else "in"
        return (f"A state that no longer exists (the state lists end it {on} "
                f"{_date(last)}); the data holds it so that what it took part in is not "
                "credited to a successor.")
    if isinstance(nato, Status) and nato.is_member:
        return f"An Ally, in NATO's {_esc(region)} region of partnership."
    return f"A country of the {_esc(region)} region, not an Ally."


def _story(milestones: Sequence[Milestone], data: Dataset, cite: _Citations) -> list[str]:
    lines = _heading("Story", "-")
    if not milestones:
        return [*lines, "The data holds no milestone of this country's.", ""]
    lines += ["The events of the relationship the data holds, oldest first and undated ones "
              "last, as ``nato.timeline()`` gives them. They are the events sources "
              "record, never a complete history.", "", ".. rst-class:: catalogue-story", ""]
    for m in milestones:
        lines.append(f"{_date(m.date, 'Undated')}: {_esc(m.title)}")
        about = [_esc(m.kind.label)]
        if m.programme is not None:
            about.append(_programme_link(data.programme(m.programme)))
        if m.areas:
            about.append(", ".join(_esc(a.label) for a in m.areas))
        about.append(f"confidence {_esc(m.confidence.label.lower())}; ``{m.id}``")
        lines.append(f"   {'; '.join(about)}. {_esc(m.summary)} {cite.refs(m.sources)}")
        if m.note:
            lines += ["", f"   *Note:* {_esc(m.note)}"]
        lines.append("")
    return lines


# The figures of a project, in the order a reader wants them: each plan before its result,
# so that a target is never read as what was done.
_FIGURES = (("items_planned", "Items to dispose of (planned)", ""),
            ("items_disposed", "Items disposed of", ""),
            ("tonnes_planned", "Tonnes to dispose of (planned)", ""),
            ("tonnes_disposed", "Tonnes disposed of", ""),
            ("people_planned", "People to retrain (planned)", ""),
            ("people_retrained", "People retrained", ""),
            ("area_planned_m2", "Area to clear (planned)", " m²"),
            ("area_cleared_m2", "Area cleared", " m²"),
            ("budget_eur", "Budget (planned or pledged)", " EUR"),
            ("spent_eur", "Spent", " EUR"))


def _projects(projects: Sequence[TrustFundProject], cite: _Citations) -> list[str]:
    if not projects:
        return []
    lines = _heading("Trust Fund and SPS projects", "-")
    for p in projects:
        lines += _heading(p.name, "~")
        life = " to ".join(_date(d) for d in (p.start, p.end) if d is not None)
        status = _esc(p.status.label)
        if p.status_as_of is not None:  # a status is a report, not a fact of today
            status += f" (as last reported, {_date(p.status_as_of)})"
        rows = [("Funding", _esc(p.funding.label)), ("Status", status),
                ("Dates", life or "not dated"),
                ("Purpose", _esc(p.purpose)), ("Executing agency", _esc(p.executing_agency))]
        if p.partner_agency:
            rows.append(("Partner agency", _esc(p.partner_agency)))
        if p.lead_nations:
            rows.append(("Lead nations", ", ".join(_esc(n) for n in p.lead_nations)))
        for name, label, unit in _FIGURES:
            value = getattr(p, name)
            if value is not None:
                rows.append((label, _number(value) + unit))
        if p.budget_amount is not None:
            rows.append(("Budget, as the source gives it",
                         f"{_number(p.budget_amount)} {_esc(p.budget_currency or '')}"))
        if p.site:
            rows.append(("Site", _esc(p.site)))
        rows.append(("Confidence", _esc(p.confidence.label)))
        rows.append(("Id", f"``{p.id}``"))
        if p.note:
            rows.append(("Note", _esc(p.note)))
        rows.append(("Sources", cite.refs(p.sources)))
        lines += _fields(rows)
    return lines


def _number(value: float) -> str:
    whole = isinstance(value, int) or value.is_integer()
    return f"{int(value):,}" if whole else f"{value:,}"


# -- the timeline figure ----------------------------------------------------------------

_WIDTH = 760
_LABELS = 200  # pixels for the row labels on the left
_ROW = 20
_IN_FORCE = "#1b3a5c"
_ENDED = "#9aa5b1"
_SUSPENDED = "#d9822b"
_MILESTONE = "#2a7f62"


def _timeline_figure(data: Dataset, partner: Partner) -> list[str]:
    """The memberships and milestones as an SVG, drawn here: matplotlib would take about a
    second a country, and the catalogue has seventy."""
    memberships = [m for m in data.memberships(partner) if m.joined is not None]
    milestones = [m for m in data.timeline(partner) if m.date is not None]
    if not memberships:
        return ["No membership of this country's has a date to draw.", ""]
    horizon = data.horizon
    days = [m.joined.earliest for m in memberships if m.joined is not None]
    days += [m.date.earliest for m in milestones if m.date is not None]
    first_year = min(days).year
    start = datetime.date(first_year - (first_year % 5), 1, 1)
    end = datetime.date(horizon.year + 1, 1, 1)
    span = (end - start).days

    def x(day: datetime.date) -> float:
        return _LABELS + (min(max(day, start), end) - start).days / span * (_WIDTH - _LABELS - 10)

    rows = len(memberships) + (1 if milestones else 0)
    height = rows * _ROW + 50
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {height}" '
           f'role="img" aria-label="{_attr(_figure_label(data, partner, memberships))}" '
           'style="width:100%;height:auto;font-family:sans-serif;font-size:11px">']
    step = 5 if end.year - start.year <= 40 else 10
    for year in range(start.year, end.year + 1, step):
        left = x(datetime.date(year, 1, 1))
        svg.append(f'<line x1="{left:.1f}" y1="0" x2="{left:.1f}" y2="{rows * _ROW}" '
                   'stroke="#e2e2e2"/>')
        svg.append(f'<text x="{left:.1f}" y="{rows * _ROW + 14}" text-anchor="middle" '
                   f'fill="#555">{year}</text>')
    at = x(horizon)
    svg.append(f'<line x1="{at:.1f}" y1="0" x2="{at:.1f}" y2="{rows * _ROW}" '
               'stroke="#555" stroke-dasharray="3,3"><title>The horizon, '
               f"{horizon.isoformat()}</title></line>")
    for row, m in enumerate(memberships):
        svg += _membership_bar(data, m, row, x, horizon)
    if milestones:
        top = len(memberships) * _ROW
        svg.append(f'<text x="{_LABELS - 6}" y="{top + 14}" text-anchor="end" '
                   'font-weight="bold">Milestones</text>')
        for m in milestones:
            assert m.date is not None
            left, right = x(m.date.earliest), x(m.date.latest + datetime.timedelta(days=1))
            mark = (f'<circle cx="{left:.1f}" cy="{top + 10}" r="3.5"' if right - left < 3
                    else f'<rect x="{left:.1f}" y="{top + 6}" width="{right - left:.1f}" '
                         'height="8" rx="2"')
            svg.append(f'{mark} fill="{_MILESTONE}" fill-opacity="0.7"><title>'
                       f"{_attr(date_text(m.date))}: {_attr(m.title)}</title>"
                       f"{'</circle>' if right - left < 3 else '</rect>'}")
    svg += _legend(rows * _ROW + 24)
    svg.append("</svg>")
    caption = ("Bars: memberships (dark while in force at the horizon, grey once ended, "
               "orange while suspended; a lighter end is a date known only to the month or "
               "year, or an end no source dates). Points: milestones. The dashed line is the "
               "data's horizon. Hover for dates; the table below says the same in words.")
    undated = [data.programme(m.programme) for m in data.memberships(partner)
               if m.joined is None]
    if undated:
        caption += (" Not drawn, for want of a date: "
                    + ", ".join(p.acronym or p.name for p in undated) + ".")
    figure = (f'<figure class="catalogue-timeline">{"".join(svg)}'
              f"<figcaption>{html.escape(caption)}</figcaption></figure>")
    return [".. raw:: html", "", f"   {figure}", ""]


def _membership_bar(data: Dataset, m: Membership, row: int, x: Any,
                    horizon: datetime.date) -> list[str]:
    assert m.joined is not None  # undated memberships are not drawn
    programme = data.programme(m.programme)
    label = programme.acronym or programme.name
    if m.role:
        label += f" ({m.role})"
    if len(label) > 32:
        label = label[:31] + "\u2026"
    y = row * _ROW + 4
    ends = m.ends
    colour = _IN_FORCE if ends is None else _ENDED
    # The known stretch, then the stretches a partial date leaves open, drawn lighter.
    day = datetime.timedelta(days=1)
    solid_from = m.joined.latest + day
    if m.left is not None:
        solid_to, open_to = m.left.earliest, m.left.latest + day
    elif ends is not None or m.known_until is not None:
        # An end no source dates: in force up to known_until (if given), then not known
        # up to left_by (or the horizon).
        solid_to = m.known_until.latest + day if m.known_until is not None else solid_from
        open_to = ends.latest + day if ends is not None else horizon
    else:
        solid_to = open_to = horizon
    title = f"{programme.name}: {_words(m)}"
    parts = [f'<text x="{_LABELS - 6}" y="{y + 11}" text-anchor="end">{_attr(label)}</text>',
             f'<g><title>{_attr(title)}</title>']
    parts.append(_bar(x(m.joined.earliest), x(solid_from), y, colour, 0.4))
    parts.append(_bar(x(solid_from), x(solid_to), y, colour, 1))
    parts.append(_bar(x(solid_to), x(open_to), y, colour, 0.4))
    if m.suspended is not None:
        stop = (m.resumed.earliest if m.resumed is not None
                else ends.earliest if ends is not None else horizon)
        parts.append(_bar(x(m.suspended.earliest), x(stop), y, _SUSPENDED, 0.9))
    parts.append("</g>")
    return parts


def _bar(left: float, right: float, y: int, colour: str, opacity: float) -> str:
    if right - left <= 0:
        return ""
    return (f'<rect x="{left:.1f}" y="{y}" width="{max(right - left, 1.5):.1f}" height="12" '
            f'fill="{colour}" fill-opacity="{opacity}"/>')


def _legend(y: int) -> list[str]:
    keys = (("in force", _IN_FORCE, 1), ("ended", _ENDED, 1), ("suspended", _SUSPENDED, 0.9),
            ("date known only in part", _IN_FORCE, 0.4), ("milestone", _MILESTONE, 0.7))
    parts, left = [], float(_LABELS)
    for text, colour, opacity in keys:
        parts.append(f'<rect x="{left:.0f}" y="{y}" width="14" height="9" fill="{colour}" '
                     f'fill-opacity="{opacity}"/>')
        parts.append(f'<text x="{left + 18:.0f}" y="{y + 8}" fill="#333">{text}</text>')
        left += 30 + 6.2 * len(text)
    return parts


def _words(m: Membership) -> str:
    text = f"joined {_date(m.joined, 'on a day no source gives')}"
    ended = _ended(m)
    if ended:
        text += f", ended {ended}"
    if m.suspended is not None:
        text += f", suspended {_suspension(m)}"
    return text


def _figure_label(data: Dataset, partner: Partner, memberships: list[Membership]) -> str:
    names = ", ".join(data.programme(m.programme).acronym or data.programme(m.programme).name
                      for m in memberships)
    return f"{partner.name}'s memberships on a time axis: {names}"


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


# -- the programme pages ----------------------------------------------------------------


def _programme_page(data: Dataset, programme: Programme) -> str:
    cite = _Citations()
    title = programme.name + (f" ({programme.acronym})" if programme.acronym else "")
    lines = [":orphan:", "", f".. _catalogue-programme-{programme.id}:", "",
             *_heading(title, "="),
             *_version_line(data), _esc(programme.description) + " "
             + cite.refs(programme.sources), ""]
    predecessors = [p for p in data.programmes() if p.succeeded_by == programme.id]
    life = [("Kind", _esc(programme.kind.label)),
            ("Established", _date(programme.established, "not dated")),
            ("Ended", _date(programme.ended, "goes on, as far as the data knows"))]
    if programme.succeeded_by:
        life.append(("Succeeded by", _programme_link(data.programme(programme.succeeded_by))))
    if predecessors:
        life.append(("Succeeded", ", ".join(_programme_link(p) for p in predecessors)))
    life += [("Confidence", _esc(programme.confidence.label)),
             ("In Python", f'``nato.programme("{programme.id}")``')]
    lines += _fields(life)

    lines += _heading("Is the membership complete?", "-")
    if programme.members_complete:
        lines += [f"Yes. The data holds every member, so a country with no membership in "
                  f"force was not a member: ``nato.members(\"{programme.id}\", on=...)`` gives "
                  "the whole list, and ``participates()`` can answer no.", ""]
    else:
        lines += [f"No. The data does not hold every member of the {_esc(programme.name)}, so "
                  "a country it holds no membership of may still have taken part: "
                  f"``nato.members(\"{programme.id}\")`` raises ``NotKnownError`` rather than "
                  "give a list that would pass for the whole one, and ``participates()`` "
                  "answers not known where it cannot answer yes.", ""]
    if programme.note:
        lines += [f"*Note:* {_esc(programme.note)}", ""]

    memberships = data.memberships(programme=programme)
    lines += _heading("Members by year", "-")
    lines += _members_by_year(data, programme, memberships)

    lines += _heading("Memberships", "-")
    if memberships:
        rows = []
        for m in memberships:
            who = f"{_country_link(data.partner(m.partner))} (``{m.id}``)"
            rows.append((who, _date(m.joined, "not dated"), _ended(m), _suspension(m),
                         _esc(m.role or ""), cite.refs(m.sources)))
        lines += _table(("Country", "Joined", "Ended", "Suspended", "Role", "Sources"), rows,
                        (26, 16, 18, 16, 9, 15))
    else:
        lines += ["The data holds no membership of this programme.", ""]

    lines += _heading("Sources", "-")
    lines += ["Every source a fact on this page rests on, numbered as the page cites them.",
              "", *cite.footnotes()]
    return "\n".join(lines)


def _members_by_year(data: Dataset, programme: Programme,
                     memberships: Sequence[Membership]) -> list[str]:
    """A row per stretch of years in which the data shows the same members."""
    if not memberships:
        return ["The data holds no membership of this programme.", ""]
    horizon = data.horizon
    partners = {m.partner: data.partner(m.partner) for m in memberships}
    starts = [d.year for d in (programme.established, *(m.joined for m in memberships))
              if d is not None]
    if not starts:
        return ["No membership of this programme has a date.", ""]
    last = programme.ended.year if programme.ended else horizon.year
    stretches: list[tuple[int, int, list[Partner], list[Partner]]] = []
    for year in range(min(starts), last + 1):
        members, open_ = [], []
        for partner in partners.values():
            answer = data.status(partner, programme, on=PartialDate(year))
            if year == horizon.year and not _is_member(answer):
                # The horizon's year runs past the last day the data knows: a country
                # that was no member up to the horizon is asked about the horizon itself.
                answer = data.status(partner, programme)
            if _is_member(answer):
                members.append(partner)
            elif isinstance(answer, NotKnown) and programme.members_complete:
                open_.append(partner)
        if stretches and (stretches[-1][2], stretches[-1][3]) == (members, open_):
            first, _, *rest = stretches[-1]
            stretches[-1] = (first, year, *rest)  # type: ignore[assignment]
        else:
            stretches.append((year, year, members, open_))
    rows = []
    before: set[str] = set()
    for first, last_year, members, open_ in stretches:
        codes = {p.code for p in members}
        years = str(first) if first == last_year else f"{first}\u2013{last_year}"
        count = str(len(members)) if programme.members_complete else f"at least {len(members)}"
        if open_:
            count += (f", and not known for {len(open_)} whose dates leave it open ("
                      + ", ".join(_country_link(p) for p in open_) + ")")
        joined = ", ".join(_country_link(p) for p in members if p.code not in before)
        left = ", ".join(_country_link(partners[c]) for c in sorted(
            before - codes, key=lambda c: partners[c].name))
        rows.append((years, count, joined, left))
        before = codes
    intro = ("Each row is a stretch of years in which the data shows the same members: a "
             "country counts in a year if its membership was in force on any day of it, a "
             f"suspended one included; {horizon.year} counts up to the horizon.")
    if not programme.members_complete:
        intro += (" The data does not hold the whole membership, so each count is a least "
                  "number.")
    return [intro, "", *_table(("Years", "Members", "Joined", "Left"), rows,
                               (12, 22, 40, 26))]


def _is_member(answer: Status | NotKnown) -> bool:
    return isinstance(answer, Status) and answer.is_member


# -- the index --------------------------------------------------------------------------


def _index_page(data: Dataset) -> str:
    lines = [".. _catalogue:", "", *_heading("Catalogue", "="), *_version_line(data)]
    lines += ["A page for every country the data holds, predecessor states included, and for "
              "every programme: what the data says of each, with its sources. The search box "
              "finds a country by its name.", ""]
    lines += _heading("Countries", "-")
    rows = []
    for partner in data.partners():
        held = dict.fromkeys(m.programme for m in data.memberships(partner))
        frameworks = ", ".join(_programme_link(data.programme(p), short=True) for p in held)
        rows.append((_country_link(partner), f"``{partner.code}``",
                     _esc(partner.region.label), frameworks or "none in the data"))
    lines += _table(("Country", "Code", "Region", "Frameworks"), rows, (22, 8, 14, 56))
    lines += _heading("Programmes", "-")
    rows = []
    for programme in data.programmes():
        if programme.ended is not None:
            life = f"{_date(programme.established, 'not dated')} to {_date(programme.ended)}"
        elif programme.established is not None:
            life = f"since {_date(programme.established)}"
        else:
            life = "not dated"
        complete = "complete" if programme.members_complete else "not complete"
        count = len(dict.fromkeys(m.partner for m in data.memberships(programme=programme)))
        rows.append((_programme_link(programme), _esc(programme.kind.label), life,
                     f"{count}, {complete}"))
    lines += _table(("Programme", "Kind", "Life", "Countries in the data"), rows,
                    (40, 14, 28, 18))
    return "\n".join(lines)


def setup(app: Sphinx) -> dict[str, Any]:
    """Write the catalogue when the builder starts.

    :param app: the Sphinx application.
    :returns: the extension's metadata.
    """
    app.connect("builder-inited", generate)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
