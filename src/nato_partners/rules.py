"""The rules of the open world: what the data can say of a partner, a programme and a period.

Every question about a period goes through here (:class:`~nato_partners.Dataset`'s
questions, the panels, the coverage report), so that each rule is written once:

- **The horizon.** The data knows nothing after the day it was last reviewed
  (:attr:`DatasetInfo.reviewed <nato_partners.DatasetInfo.reviewed>`). A period that
  begins after it is not known; one that runs past it keeps only what the known days
  prove: a membership in force on one of them is a fact, "not a member" is not, since the
  partner may join on a later day.
- **States in time.** Before a country existed as a state it was a member of nothing.
- **Programme lives.** A programme that did not exist in the period had no members; one
  that may not have existed yet (a start known only to the year) gives no "no".
- **Memberships.** A membership in force on some day of the period makes the partner a
  member; one whose imprecise or missing dates leave it open makes the answer not known.
  A suspension is a status of a member, not an end.
- **Complete lists.** "Not a member" only where the dataset holds the programme's whole
  membership; otherwise not known. A list of members, or a count, is whole or not given.

Periods are day numbers (``date.toordinal()``), from ``first`` to ``last`` inclusive.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from typing import Literal, NamedTuple

from .answers import NotKnown, Status
from .dates import BEFORE, NEVER, Certainty, DateLike, PartialDate, _certainty, _overlap
from .errors import NotKnownError
from .model import Membership, Partner, Programme, StateSpell

__all__ = ["Reading", "after_horizon", "ever", "horizon_day", "in_force", "incomplete",
           "member_counts", "members", "open_dates", "participated", "programme_existed",
           "programme_span", "read", "role_status", "state_existed", "state_span",
           "whole_list", "without_record"]


class Reading(NamedTuple):
    """What the data says of one partner in one programme in one period.

    :param status: the formal standing: a member status (``MEMBER``, ``ASSOCIATE`` or
        ``OBSERVER``, whether suspended or not), ``NOT_A_MEMBER``, one of the two "not in
        existence" statuses, or a :class:`NotKnown`.
    :param membership: the membership in force, or one that may have been; ``None``
        where none is.
    :param suspended: for a member, whether its participation was suspended on some day of
        the period (``MAYBE`` where the dates or the horizon leave it open); ``NO``
        otherwise.
    :param active: for a member, whether it took part without suspension on some day of
        the period; ``NO`` otherwise.
    """

    status: Status | NotKnown
    membership: Membership | None = None
    suspended: Certainty = Certainty.NO
    active: Certainty = Certainty.NO

    @property
    def final(self) -> Status | NotKnown:
        """The status with suspension: ``SUSPENDED`` for a member suspended on some day."""
        status = self.status
        if isinstance(status, NotKnown) or not status.is_member:
            return status
        if self.suspended is Certainty.YES:
            return Status.SUSPENDED
        if self.suspended is Certainty.MAYBE:
            assert self.membership is not None
            return NotKnown(f"{_name(self.membership)} was in force, but the data does not "
                            "tell whether it was suspended on some day of the period")
        return status


def horizon_day(reviewed: PartialDate) -> int:
    """The last day the data knows (day number): the first day of its review date."""
    return reviewed._first


def read(partner: Partner, programme: Programme, held: Iterable[Membership],
         first: int, last: int, horizon: int, period: object = "the period") -> Reading:
    """Apply the rules to one partner, programme and period.

    :param partner: the partner.
    :param programme: the programme.
    :param held: the partner's memberships of the programme.
    :param first: the period's first day.
    :param last: the period's last day.
    :param horizon: the last day the data knows.
    :param period: the period as the question named it (a date, or text), written into
        a reason only where one is given.
    :returns: the reading.
    """
    if first > horizon:
        return Reading(after_horizon(horizon))
    known = min(last, horizon)
    beyond = last > horizon  # days the data knows nothing of
    state = state_existed(partner, first, known)
    if state is Certainty.NO:
        # After the horizon a state may come into being, unless its lists have ended it.
        gone = all(spell.end is not None for spell in partner.states)
        return Reading(after_horizon(horizon) if beyond and not gone
                       else Status.STATE_NOT_IN_EXISTENCE)
    existed = programme_existed(programme, first, known)
    if existed is Certainty.NO:
        return Reading(after_horizon(horizon) if beyond
                       else Status.PROGRAMME_NOT_IN_EXISTENCE)
    # A period in which the standing changed (an observer who became an associate, a
    # membership that ended and began again) reads as the last membership in force in it,
    # and as suspended if any of them was on some day of it.
    maybe: Membership | None = None
    found: Reading | None = None
    for membership in held:  # in the order they began
        answer = membership._certainty(first, known)
        if answer is Certainty.YES:
            suspension = membership._suspension()
            suspended = (Certainty.NO if suspension is None
                         else _certainty(*_overlap(first, known, *suspension)))
            active = _any(_certainty(*_overlap(first, known, *span))
                          for span in membership._active())
            if beyond:  # a suspension may begin, or end, on a day after the horizon
                suspended = Certainty.YES if suspended is Certainty.YES else Certainty.MAYBE
                active = Certainty.YES if active is Certainty.YES else Certainty.MAYBE
            if found is not None:
                suspended = _any((found.suspended, suspended))
                active = _any((found.active, active))
            found = Reading(role_status(membership), membership, suspended, active)
        elif answer is Certainty.MAYBE and maybe is None:
            maybe = membership
    if found is not None:
        return found
    if maybe is not None:
        return Reading(open_dates([partner], programme, period), maybe)
    if state is Certainty.MAYBE:
        return Reading(NotKnown(f"the data does not say whether {partner.name} existed as a "
                                "state in the period"))
    if existed is Certainty.MAYBE:
        return Reading(NotKnown(f"the data does not date {programme.name} "
                                f"({programme.id!r}) precisely enough to say whether it "
                                "existed in the period"))
    if beyond:
        return Reading(after_horizon(horizon))
    none_held = without_record(programme, partner, period)
    return Reading(Status.NOT_A_MEMBER if none_held is False else none_held)


def participated(reading: Reading, active: bool, on: DateLike) -> bool | NotKnown:
    """Whether a reading makes the partner a member, as ``participates`` answers.

    :param reading: what the data says of the partner, the programme and the period.
    :param active: ask whether the partner took part without suspension, instead.
    :param on: the period as the question named it, written into a reason if one is given.
    :returns: ``True``, ``False`` or a :class:`NotKnown`.
    """
    status = reading.status
    if isinstance(status, NotKnown):
        return status
    if not status.is_member:
        return False
    if not active:
        return True
    if reading.active is Certainty.MAYBE:
        return NotKnown(f"the data does not say whether the {reading.membership.programme!r} "  # type: ignore[union-attr]
                        "membership was active (not suspended) on some day of "
                        f"{PartialDate.coerce(on)}")
    return reading.active is Certainty.YES


def ever(partner: Partner, programme: Programme, held: Sequence[Membership], horizon: int,
         active: bool) -> bool | NotKnown:
    """Whether a partner was ever a member of a programme, up to the horizon.

    :param partner: the partner.
    :param programme: the programme.
    :param held: the partner's memberships of the programme.
    :param horizon: the last day the data knows.
    :param active: ask whether the partner ever took part without suspension, instead.
    :returns: ``True``, ``False`` or a :class:`NotKnown`.
    """
    if not held:
        return without_record(programme, partner)
    if not active:
        return True
    # Every day from the first the calendar has up to the horizon.
    answers = [read(partner, programme, [m], 1, horizon, horizon).active for m in held]
    if Certainty.YES in answers:
        return True
    if Certainty.MAYBE in answers:
        return NotKnown(f"the data does not say whether {partner.name} took part in "
                        f"{programme.name} without suspension")
    return False


def role_status(membership: Membership) -> Status:
    """The member status a membership's ``role`` gives."""
    role = (membership.role or "").casefold()
    if "observer" in role:
        return Status.OBSERVER
    if "associate" in role:
        return Status.ASSOCIATE
    return Status.MEMBER


def programme_existed(programme: Programme, first: int, last: int) -> Certainty:
    """Whether a programme existed on some day of a period, as far as its dates tell.

    A programme with no ``established`` may have begun at any time, so only its ``ended``
    can rule a period out. Its life runs from ``established`` up to, not including,
    ``ended``.
    """
    return _certainty(*_overlap(first, last, *programme_span(programme)))


def programme_span(programme: Programme) -> tuple[tuple[int, int], tuple[int, int]]:
    """A programme's life as day bounds of its first day and of the first day after it."""
    established, ended = programme.established, programme.ended
    return (((BEFORE, NEVER) if established is None
             else (established._first, established._last)),
            (NEVER, NEVER) if ended is None else (ended._first, ended._last))


def state_existed(partner: Partner, first: int, last: int) -> Certainty:
    """Whether a partner existed as a state on some day of a period.

    A state exists on the days some period of either state list covers, the last day of
    a period included; a partner with no periods recorded is taken to have existed.
    """
    found = Certainty.NO if partner.states else Certainty.YES
    for spell in partner.states:  # a plain loop: every question about a period asks this
        yes, no = _overlap(first, last, *state_span(spell))
        if yes:
            return Certainty.YES
        if not no:
            found = Certainty.MAYBE
    return found


def state_span(spell: StateSpell) -> tuple[tuple[int, int], tuple[int, int]]:
    """A state period as day bounds; the lists give its last day, which it includes."""
    start, end = spell.start, spell.end
    return ((start._first, start._last),
            (NEVER, NEVER) if end is None else (end._first + 1, end._last + 1))


def _any(answers: Iterable[Certainty]) -> Certainty:
    """Yes if one answer is, no if all are, maybe otherwise."""
    found = Certainty.NO
    for answer in answers:
        if answer is Certainty.YES:
            return answer
        if answer is Certainty.MAYBE:
            found = answer
    return found


def in_force(held: Iterable[Membership], programme: Programme, first: int, last: int,
             horizon: int) -> tuple[list[str], list[str], NotKnown | None]:
    """Which partners were members of a programme in a period, as a list must say it.

    :param held: the programme's memberships (in the roles asked about), in joining order.
    :param programme: the programme.
    :param first: the period's first day.
    :param last: its last day.
    :param horizon: the last day the data knows.
    :returns: the codes of the partners that were members, of those that may have been
        (their dates leave it open), in joining order, and why the list cannot be whole
        whatever their dates say (after the horizon, or a membership the dataset may not
        hold whole), or ``None``.
    """
    if first > horizon:
        return [], [], after_horizon(horizon)
    known = min(last, horizon)
    unknown = None
    if last > horizon:
        unknown = after_horizon(horizon)
    elif programme_existed(programme, first, known) is Certainty.NO:
        return [], [], None  # it had no members, whoever the data holds
    elif without_record(programme) is not False:
        unknown = incomplete(programme)
    answers: dict[str, Certainty] = {}
    for membership in held:  # in joining order, which the result keeps
        answer = membership._certainty(first, known)
        if answers.get(membership.partner) in (None, Certainty.NO) or (
            answer is Certainty.YES
        ):
            answers[membership.partner] = answer
    return ([c for c, a in answers.items() if a is Certainty.YES],
            [c for c, a in answers.items() if a is Certainty.MAYBE], unknown)


def members(programme: Programme, held: Sequence[Membership], period: PartialDate | None,
            horizon: int, known_only: bool, partner: Callable[[str], Partner]
            ) -> Iterable[str]:
    """The partners that were members of a programme, as a whole list or none.

    :param programme: the programme.
    :param held: its memberships in the roles asked about, in joining order.
    :param period: the period, or ``None`` for ever, up to the horizon.
    :param horizon: the last day the data knows.
    :param known_only: leave out the partners the data cannot tell about, instead of
        refusing the list.
    :param partner: the partner of a code, to name in a reason.
    :returns: the codes of the members, in the order they first joined.
    :raises NotKnownError: if the list may not be whole, unless ``known_only``.
    """
    if period is None:
        whole_list(programme, known_only)
        return dict.fromkeys(m.partner for m in held)
    yes, maybe, unknown = in_force(held, programme, period._first, period._last, horizon)
    if not known_only:
        if unknown is not None:
            raise NotKnownError(unknown.reason)
        if maybe:
            raise NotKnownError(open_dates([partner(c) for c in maybe], programme,
                                           str(period)).reason)
    return yes


def member_counts(programme: Programme, every: Sequence[Membership],
                  held: Sequence[Membership], years: Iterable[int] | None, horizon: int,
                  known_only: bool, partner: Callable[[str], Partner]
                  ) -> dict[int, int | NotKnown]:
    """How many partners were members of a programme in each year.

    :param programme: the programme.
    :param every: its memberships in every role, whose first joining begins the default
        years.
    :param held: its memberships in the roles counted, in joining order.
    :param years: the years, or ``None`` for every year from the programme's
        establishment (or its first dated joining) to its end or the horizon's year.
    :param horizon: the last day the data knows.
    :param known_only: count only the partners the data shows to be members.
    :param partner: the partner of a code, to name in a reason.
    :returns: the count of each year in order, or a :class:`NotKnown` where the count
        turns on dates the data does not hold or on days past the horizon.
    :raises NotKnownError: if the dataset may not hold the programme's complete
        membership, unless ``known_only``.
    """
    whole_list(programme, known_only)
    if years is None:
        starts = [d.year for d in (programme.established, *(m.joined for m in every)) if d]
        if not starts:
            return {}
        last = (programme.ended.year if programme.ended
                else datetime.date.fromordinal(horizon).year)
        years = range(min(starts), last + 1)
    counts: dict[int, int | NotKnown] = {}
    for year in sorted(years):
        period = PartialDate(year)
        yes, maybe, unknown = in_force(held, programme, period._first, period._last, horizon)
        if known_only:
            counts[year] = len(yes)
        elif unknown is not None:
            counts[year] = unknown
        elif maybe:
            counts[year] = open_dates([partner(c) for c in maybe], programme, str(year))
        else:
            counts[year] = len(yes)
    return counts


def without_record(programme: Programme, partner: Partner | None = None,
                   period: object = None) -> Literal[False] | NotKnown:
    """What the data says of a partner it holds no membership of (none in force in the
    period, with a period): not a member where it holds the programme's complete
    membership, and not known otherwise. The one place that rule is written."""
    return False if programme.members_complete else incomplete(programme, partner, period)


def whole_list(programme: Programme, known_only: bool = False) -> None:
    """Refuse a list of a programme's members that the data may not hold whole.

    :raises NotKnownError: if the dataset does not hold the programme's complete
        membership and ``known_only`` does not ask for the members on record only.
    """
    if not known_only and without_record(programme) is not False:
        raise NotKnownError(incomplete(programme).reason)


def incomplete(programme: Programme, partner: Partner | None = None,
               period: object = None) -> NotKnown:
    """The answer for a partner with no membership of a programme the data may not hold
    whole (or, without a partner, for the programme's whole list); with a period, for a
    partner with none in force in it."""
    name = f"{programme.name} ({programme.id!r})"
    if partner is None:
        return NotKnown(f"the dataset does not hold the complete membership of {name}")
    when = "" if period is None else f" in force in {period}"
    return NotKnown(f"the dataset holds no {name} membership of {partner.name}'s{when}, and it "
                    "does not hold the programme's complete membership")


def after_horizon(horizon: int) -> NotKnown:
    """The answer about days after the data's horizon."""
    day = datetime.date.fromordinal(horizon)
    return NotKnown(f"the data was last reviewed on {day} and knows nothing of later days")


def open_dates(partners: Sequence[Partner], programme: Programme, period: object
               ) -> NotKnown:
    """Why a question about a period turns on dates the data does not hold precisely."""
    names = ", ".join(p.name for p in partners[:5])
    if len(partners) > 5:
        names += f" and {len(partners) - 5} more"
    return NotKnown(f"the recorded dates of the {programme.name} ({programme.id!r}) "
                    f"membership of {names} do not say whether it was in force in "
                    f"{period}; they are imprecise or missing")


def _name(membership: Membership) -> str:
    return f"the {membership.programme!r} membership of {membership.partner}"
