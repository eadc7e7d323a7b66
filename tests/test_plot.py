"""The timeline picture: what it draws, where, and that it saves as an image."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import pytest

import nato_partners as np_
from nato_partners import NotFoundError, Precision
from nato_partners.cli import main

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

from matplotlib import dates as mdates  # noqa: E402
from matplotlib import image as mimage  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

TODAY = datetime.date(2026, 1, 15)


def _gids(figure: Figure, prefix: str) -> dict[str, object]:
    """The figure's artists whose gid starts with ``prefix``, by the rest of the gid."""
    found: dict[str, object] = {}
    for artist in figure.findobj(lambda a: (a.get_gid() or "").startswith(prefix)):
        found[artist.get_gid()[len(prefix):]] = artist
    return found


@pytest.fixture(scope="module")
def figure() -> Figure:
    return np_.plot_timeline("AZ", today=TODAY)


def test_a_bar_per_dated_membership(figure: Figure) -> None:
    bars = _gids(figure, "membership:")
    dated = [m for m in np_.memberships("AZ") if m.joined is not None]
    assert sorted(bars) == sorted(m.id for m in dated)


def test_bars_run_from_joined_to_the_end_or_today(figure: Figure) -> None:
    bars = _gids(figure, "membership:")
    for membership in np_.memberships("AZ"):
        if membership.joined is None:
            continue
        bar = bars[membership.id]
        ends = membership.ends
        stop = ends.earliest if ends is not None else TODAY
        assert bar.get_x() == pytest.approx(mdates.date2num(membership.joined.earliest))
        assert bar.get_x() + bar.get_width() == pytest.approx(mdates.date2num(stop))


def test_day_dates_are_points_and_coarser_dates_spans(figure: Figure) -> None:
    dated = [m for m in np_.timeline("AZ") if m.date is not None]
    points = _gids(figure, "milestone-point:")
    spans = _gids(figure, "milestone-span:")
    assert sorted(points) == sorted(m.id for m in dated if m.date.precision is Precision.DAY)
    assert sorted(spans) == sorted(m.id for m in dated if m.date.precision is not Precision.DAY)
    for milestone in dated:
        if milestone.id in spans:
            span = spans[milestone.id]
            # A span covers its whole month or year, up to the next one's first day.
            assert span.get_x() == pytest.approx(mdates.date2num(milestone.date.earliest))
            after = milestone.date.latest + datetime.timedelta(days=1)
            assert span.get_x() + span.get_width() == pytest.approx(mdates.date2num(after))


def test_milestones_are_labelled_with_their_titles(figure: Figure) -> None:
    (ax,) = figure.axes
    texts = {t.get_text() for t in ax.texts}
    for milestone in np_.timeline("AZ"):
        if milestone.date is not None and len(milestone.title) < 60:
            assert milestone.title in texts
        if milestone.date is None:
            assert milestone.title not in texts


def test_saved_png_is_a_valid_image(tmp_path: Path, figure: Figure) -> None:
    path = tmp_path / "timeline.png"
    figure.savefig(path, dpi=50)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    pixels = mimage.imread(path)
    width, height = figure.get_size_inches() * 50
    assert pixels.shape[:2] == (round(height), round(width))


def test_saved_svg_keeps_the_ids(tmp_path: Path, figure: Figure) -> None:
    path = tmp_path / "timeline.svg"
    figure.savefig(path)
    text = path.read_text()
    assert text.lstrip().startswith("<?xml")
    (pfp,) = np_.memberships("AZ", "pfp")
    assert f'id="membership:{pfp.id}"' in text


def test_drawing_on_given_axes_returns_their_figure() -> None:
    outer = Figure()
    ax = outer.add_subplot()
    assert np_.plot_timeline("Azerbaijan", ax=ax, today=TODAY) is outer
    assert _gids(outer, "membership:")


def test_an_unknown_partner_is_a_not_found_error() -> None:
    with pytest.raises(NotFoundError):
        np_.plot_timeline("Atlantis")


def test_without_matplotlib_the_error_names_the_extra(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ImportError, match=r"pip install 'nato-partners\[plot\]'"):
        np_.plot_timeline("AZ")


def test_the_command_line_writes_the_picture(tmp_path: Path, capsys) -> None:
    path = tmp_path / "timeline.png"
    assert main(["plot", "AZ", "-o", str(path)]) == 0
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert str(path) in capsys.readouterr().out


def test_the_command_line_reports_a_bad_output_in_one_line(tmp_path: Path, capsys) -> None:
    assert main(["plot", "AZ", "-o", str(tmp_path / "missing" / "timeline.png")]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "cannot write" in error


def test_the_command_line_names_the_extra_without_matplotlib(monkeypatch, tmp_path: Path,
                                                             capsys) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    assert main(["plot", "AZ", "-o", str(tmp_path / "timeline.png")]) == 2
    assert "pip install 'nato-partners[plot]'" in capsys.readouterr().err
    assert not (tmp_path / "timeline.png").exists()


def test_a_membership_in_force_runs_to_the_horizon_not_to_today() -> None:
    drawn = np_.plot_timeline("AZ")  # no day given: the data knows nothing after its horizon
    pfp = _gids(drawn, "membership:")["AZE/pfp"]
    assert pfp.get_x() + pfp.get_width() == pytest.approx(mdates.date2num(np_.load().horizon))


def test_a_membership_known_only_up_to_a_day_stops_there(bundled: Path) -> None:
    # Israel's IPCP is known in force in March 2019 and undated before: given a start in
    # a copy, its bar stops at the end of March 2019 and what follows is not known.
    path = bundled / "partners" / "isr.toml"
    path.write_text(path.read_text("utf-8").replace(
        'programme = "ipcp"\nknown_until = "2019-03"',
        'programme = "ipcp"\njoined = "2014"\nknown_until = "2019-03"', 1), "utf-8")
    data = np_.load_dataset(bundled)
    drawn = np_.plot_timeline("IL", data, today=TODAY)
    bar = _gids(drawn, "membership:")["ISR/ipcp"]
    unknown = _gids(drawn, "membership-not-known:")["ISR/ipcp"]
    end = mdates.date2num(datetime.date(2019, 4, 1))
    assert bar.get_x() + bar.get_width() == pytest.approx(end)
    assert unknown.get_x() == pytest.approx(end)
    assert unknown.get_x() + unknown.get_width() == pytest.approx(mdates.date2num(TODAY))
    labels = [t.get_text() for t in drawn.axes[0].get_legend().get_texts()]
    assert "not known: in force up to a day, no end dated" in labels
    # A membership with a dated end, or in force, has no span of not known.
    assert _gids(np_.plot_timeline("AZ", today=TODAY), "membership-not-known:") == {}
