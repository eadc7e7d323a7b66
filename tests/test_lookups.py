"""Lookups users try: current ISO names, numeric codes, a distinctive word, a default."""

from __future__ import annotations

import datetime

import pytest

import nato_partners as np
from nato_partners import PartialDate, Region


@pytest.mark.parametrize(("key", "code"), [
    ("Czechia", "CZE"),                   # the current ISO short name
    ("Moldova, Republic of", "MDA"),      # the ISO list's form
    ("Republic of Korea", "KOR"),
    ("031", "AZE"),                       # ISO numeric, three digits
    ("Bosnia", "BIH"),                    # a word only one country's names hold
    ("herzegovina", "BIH"),
    ("Türkiye", "TUR"),
    ("Turkey", "TUR"),
])
def test_partner_finds_what_users_type(key: str, code: str) -> None:
    assert np.partner(key).code == code


def test_a_word_several_countries_share_suggests_them() -> None:
    with pytest.raises(np.NotFoundError) as caught:
        np.partner("Republic")
    assert len(caught.value.matches) > 1
    with pytest.raises(np.NotFoundError, match="Bosnia and Herzegovina"):
        np.partner("Bosnai")


def test_a_default_instead_of_an_error() -> None:
    assert np.partner("Atlantis", default=None) is None
    assert np.partner(1, default="none") == "none"
    assert np.partner("AZ", default=None) is np.partner("AZ")


def test_partners_by_region() -> None:
    gulf = np.partners(region="gulf")
    assert {p.code for p in gulf} == {"ARE", "BHR", "KWT", "QAT"}
    assert np.partners(region=Region.GULF) == gulf
    mediterranean = np.partners(region="mediterranean", ally=False)
    assert len(mediterranean) == 7
    with pytest.raises(ValueError, match="unknown region"):
        np.partners(region="arctic")


def test_dates_in_every_form_users_have() -> None:
    numpy = pytest.importorskip("numpy")
    pandas = pytest.importorskip("pandas")
    forms = [numpy.datetime64("2000-01-01"), numpy.datetime64("2000-01-01T12:30"),
             pandas.Timestamp("2000-01-01 08:00"), datetime.datetime(2000, 1, 1, 23, 59)]
    for form in forms:
        assert PartialDate.coerce(form) == PartialDate.parse("2000-01-01")
        assert np.participates("AZ", "pfp", on=form) is True
    with pytest.raises(ValueError, match="NaT"):
        PartialDate.coerce(numpy.datetime64("NaT"))


def test_contains_takes_text_and_refuses_a_period() -> None:
    march = PartialDate.parse("1992-03")
    assert march.contains("1992-03-31")
    assert not march.contains("1992-04-01")
    assert march.contains(datetime.date(1992, 3, 1))
    with pytest.raises(ValueError, match="one day"):
        march.contains("1992-03")


def test_matches_say_where_the_words_are() -> None:
    found = np.matches("disinformation")
    assert found
    records = {m.id for m in found}
    assert records == {r.id for r in np.search("disinformation")}
    for match in found:
        assert "disinformation" in match.excerpt.casefold()
    visit = [m for m in found if m.id == "aze-agencies-visit-nato-hq"]
    assert {m.field for m in visit} >= {"summary"}
    frame = pytest.importorskip("pandas") and found.to_dataframe()
    assert list(frame["field"]) == [m.field for m in found]


def test_a_number_two_partners_have_in_different_numberings_is_refused() -> None:
    # 372 is Ireland's ISO 3166 numeric code and Georgia's Correlates of War code.
    with pytest.raises(ValueError, match=(
        r"^ISO 3166 numeric 372 is Ireland, COW 372 is Georgia, GW 372 is Georgia: "
        r"use partner\(iso=372\) or partner\(cow=372\) or partner\(gw=372\)$"
    )):
        np.partner(372)
    assert np.partner(iso=372).name == "Ireland"
    assert np.partner(cow=372).name == "Georgia"


def test_a_misspelt_name_suggests_the_three_closest_partners() -> None:
    # Three countries, the meant one first, however many keys (codes, names, aliases) of
    # one country are close.
    for typed, meant in [("Finlan", "Finland"), ("Afhanistan", "Afghanistan")]:
        with pytest.raises(np.NotFoundError) as caught:
            np.partner(typed)
        assert caught.value.matches[0] == meant
        assert len(caught.value.matches) == 3
        assert len(set(caught.value.matches)) == 3


def test_a_word_many_names_share_suggests_a_handful_of_them() -> None:
    with pytest.raises(np.NotFoundError) as caught:
        np.partner("Kingdom")
    assert len(caught.value.matches) == 6
    for name in caught.value.matches:
        assert "kingdom" in (np.partner(name).official_name or name).casefold()
