"""What a member is: full members by default in counts, lists and panels alike, observers
and associates only when asked for."""

from __future__ import annotations

import csv
import io

import pytest

import nato_partners as np
from nato_partners import NotKnown, NotKnownError, Status
from nato_partners.rules import role_status

pandas = pytest.importorskip("pandas")

_ALL = ("member", "associate", "observer")
# Programmes with observers or associates, and programmes of full members only.
_PROGRAMMES = ["nacc", "nato-pa", "pfp", "eapc", "md", "kfor"]


def _changed_role(programme: str, year: int) -> set[str]:
    """Partners with memberships of two roles in force in a year: the panel reads the
    later one, so a count by one role may differ from the cells there."""
    found: dict[str, set[Status]] = {}
    for membership in np.memberships(programme=programme, on=str(year)):
        found.setdefault(membership.partner, set()).add(role_status(membership))
    return {code for code, roles in found.items() if len(roles) > 1}


@pytest.fixture(scope="module")
def cells() -> object:
    return np.panel(programmes=_PROGRAMMES).set_index(["programme", "period"]).sort_index()


@pytest.mark.parametrize("programme", _PROGRAMMES)
@pytest.mark.parametrize(("roles", "codes"), [
    (("member",), {1}),
    (("observer",), {3}),
    (("associate",), {2}),
    (_ALL, {1, 2, 3}),
    (("member", "observer"), {1, 3}),
])
def test_counts_members_and_the_panel_agree(cells: object, programme: str,
                                            roles: tuple[str, ...], codes: set[int]) -> None:
    counts = np.member_counts(programme, known_only=True, roles=roles)
    assert counts
    frame = cells.loc[programme]  # type: ignore[attr-defined]
    for year, count in counts.items():
        listed = {p.code for p in np.members(programme, on=str(year), known_only=True,
                                             roles=roles)}
        assert count == len(listed)
        year_cells = frame.loc[[year]] if year in frame.index else frame.iloc[:0]
        coded = set(year_cells[year_cells.status.isin(codes).fillna(False)].partner)
        changed = _changed_role(programme, year)
        assert listed - changed == coded - changed, (programme, year)


@pytest.mark.parametrize("programme", ["pfp", "eapc", "md", "nato"])
def test_a_complete_programmes_counts_are_its_full_members(programme: str) -> None:
    for year, count in np.member_counts(programme).items():
        if isinstance(count, NotKnown):
            continue
        assert count == len(np.members(programme, on=str(year)))
        assert count == len(np.members(programme, on=str(year), roles="member"))


@pytest.mark.parametrize("year", [1992, 1995, 1996, 1997])
def test_observers_are_counted_only_when_asked_for(year: int) -> None:
    full = np.member_counts("nacc", [year], known_only=True)[year]
    everyone = np.member_counts("nacc", [year], known_only=True, roles=_ALL)[year]
    observers = np.members("nacc", on=str(year), known_only=True, roles=["observer"])
    assert everyone - full == len(observers)
    assert all(np.status(p, "nacc", on=str(year)) is Status.OBSERVER for p in observers)
    assert not set(observers) & set(np.members("nacc", on=str(year), known_only=True))


def test_a_list_not_shown_whole_is_not_marked_complete() -> None:
    # NATO counted more NACC members in 1997 than the records hold, and no source names
    # the others: the list is not complete, so "not a member" is not known.
    nacc = np.programme("nacc")
    assert not nacc.members_complete
    with pytest.raises(NotKnownError):
        np.member_counts("nacc")
    with pytest.raises(NotKnownError):
        np.members("nacc", on="1995")
    assert isinstance(np.participates("IE", "nacc", on="1995"), NotKnown)


@pytest.mark.parametrize(("roles", "error"), [
    (["bogus"], ValueError),
    ([], ValueError),
    ([1], TypeError),
    ([None], TypeError),
    (3, TypeError),
    ([Status.SUSPENDED], ValueError),
    ([Status.NOT_A_MEMBER], ValueError),
])
def test_roles_are_checked(roles: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="role"):
        np.members("pfp", on="2000", roles=roles)  # type: ignore[arg-type]
    with pytest.raises(error, match="role"):
        np.member_counts("pfp", [2000], roles=roles)  # type: ignore[arg-type]


@pytest.mark.parametrize("roles", ["observer", Status.OBSERVER, ["OBSERVER"], (Status.OBSERVER,)])
def test_a_role_may_be_given_alone_or_as_a_word(roles: object) -> None:
    found = np.members("nacc", on="1995", known_only=True, roles=roles)  # type: ignore[arg-type]
    assert found == np.members("nacc", on="1995", known_only=True, roles=["observer"])
    assert found


def test_the_command_line_lists_roles_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    from nato_partners.cli import main

    def listed(*args: str) -> set[str]:
        assert main(["members", "nacc", "--on", "1995", "--known-only", "--format", "csv",
                     *args]) == 0
        rows = csv.reader(io.StringIO(capsys.readouterr().out))
        return {row[0] for row in list(rows)[1:]}

    full, observers = listed(), listed("--role", "observer")
    assert full == {p.code for p in np.members("nacc", on="1995", known_only=True)}
    assert observers == {p.code for p in np.members("nacc", on="1995", known_only=True,
                                                     roles="observer")}
    assert listed("--role", "member", "--role", "observer") == full | observers
