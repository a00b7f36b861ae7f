"""Partial dates: a table of expressions as they stand in running text."""

from __future__ import annotations

import pytest

from quiz.dates import PartialDate, Precision, find_dates, parse_date

# (text, the expression found, its value, how it is shown)
FOUND = [
    # exact days, every common order
    ("On 26 December 2024, Iraqi officials met", "26 December 2024", "2024-12-26",
     "26 December 2024"),
    ("On December 26, 2024, Iraqi officials met", "December 26, 2024", "2024-12-26",
     "26 December 2024"),
    ("was re-opened on 30 September 2019, after", "30 September 2019", "2019-09-30",
     "30 September 2019"),
    ("signed on the 30th of September 2019 in", "30th of September 2019", "2019-09-30",
     "30 September 2019"),
    ("released 2019-09-30 by the ministry", "2019-09-30", "2019-09-30", "30 September 2019"),
    ("dated 30/09/2019 in the archive", "30/09/2019", "2019-09-30", "30 September 2019"),
    ("In Sept. 2019 the talks", "Sept. 2019", "2019-09", "September 2019"),
    # months and years
    ("In September 2015, Iraq announced", "September 2015", "2015-09", "September 2015"),
    ("In March 2012, local lawmakers", "March 2012", "2012-03", "March 2012"),
    ("In 1958, unity was established", "1958", "1958", "1958"),
    ("the Hamdanids occupied Iraq in 942, before", "942", "0942", "942"),
    ("Iraq invaded Kuwait in 1990 and", "1990", "1990", "1990"),
    # qualified
    ("In late 2024, as the opposition", "late 2024", "2024~late", "late 2024"),
    ("reached at the end of September 2015 between", "the end of September 2015",
     "2015-09~end", "the end of September 2015"),
    ("improved in the early 1970s during", "the early 1970s", "197X~early", "the early 1970s"),
    ("Late 2016: Iraqi militias", "Late 2016", "2016~late", "late 2016"),
    ("growth slowed in mid-2019 as", "mid-2019", "2019~mid", "mid-2019"),
    ("at the beginning of 2018, many", "the beginning of 2018", "2018~beginning",
     "the beginning of 2018"),
    # bounds
    ("Iraqi Air Force (since 2018), United", "since 2018", "2018/..", "since 2018"),
    ("However by 1997, Syrian president", "by 1997", "../1997", "by 1997"),
    ("relations would continue up until 1978.", "until 1978", "../1978", "until 1978"),
    ("From 2013, Iraqi Shi'a militias deployed", "From 2013", "2013/..", "since 2013"),
    ("Date: 2013–present", "2013–present", "2013/..", "since 2013"),
    # decades and centuries
    ("the 1990s saw sanctions", "the 1990s", "199X", "the 1990s"),
    ("during the eleventh century.", "the eleventh century", "10XX", "the 11th century"),
    ("In the 12th century, the Zengids", "the 12th century", "11XX", "the 12th century"),
    ("In the ninth and tenth centuries, the", "the ninth and tenth centuries", "08XX/09XX",
     "the 9th–10th centuries"),
    # ranges
    ("The rise of ISIL in 2013–2014 created", "2013–2014", "2013/2014", "2013–2014"),
    ("From 2017 to 2019, private militias", "2017 to 2019", "2017/2019", "2017–2019"),
    ("War in Mesopotamia (2014-2021)", "2014-2021", "2014/2021", "2014–2021"),
    ("Date 16 June 2014 - 27 August 2021", "16 June 2014 - 27 August 2021",
     "2014-06-16/2021-08-27", "16 June 2014–27 August 2021"),
    ("From January to April 2021, Iranian forces", "January to April 2021",
     "2021-01/2021-04", "January–April 2021"),
    ("talks held between 1974 and 1975 failed", "1974 and 1975", "1974/1975", "1974–1975"),
    # missing year: stays missing
    ("On February 2, “nearly 40 people", "February 2", "XXXX-02-02", "2 February"),
    ("announced a pause on January 30. The", "January 30", "XXXX-01-30", "30 January"),
    ("Damascus finally fell on 27 August and", "27 August", "XXXX-08-27", "27 August"),
    ("began in the form of airstrikes in September.", "September", "XXXX-09", "September"),
    ("killed three service members in late January, utilized", "late January",
     "XXXX-01~late", "late January"),
]


@pytest.mark.parametrize(("text", "expression", "value", "shown"), FOUND)
def test_dates_found_in_running_text(text, expression, value, shown):
    mentions = find_dates(text)
    assert [m.text for m in mentions] == [expression]
    assert mentions[0].date.value() == value
    assert mentions[0].date.display() == shown
    assert text[mentions[0].start : mentions[0].end] == expression


NOT_DATES = [
    "Discussions focused on their 600 km border",
    "Around 2,000 soldiers linked to Assad militias",
    "at least 85 targets linked to militias",
    "Coalition forces: 9,775 (us:5,813, uk:1,257)",
    "the 14 July Revolution ended the monarchy",  # a name, not a date of this sentence
    "you may go now",
    "the Septuagint was translated",
    "In the late forties, a series of coups",  # no century: not a date we can place
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_numbers_and_names_are_not_dates(text):
    assert find_dates(text) == []


def test_two_years_joined_by_and_are_two_dates():
    found = find_dates("made attempts in 1974 and 1975 to settle")
    assert [m.date.value() for m in found] == ["1974", "1975"]


PARSED = [
    ("30/09/2019", "2019-09-30"),
    ("2019-09-30", "2019-09-30"),
    ("Sept 30th 2019", "2019-09-30"),
    ("30 Sep 2019", "2019-09-30"),
    ("30th of September", "XXXX-09-30"),
    ("September 30", "XXXX-09-30"),
    ("2019", "2019"),
    ("September 2015", "2015-09"),
    ("the 1970s", "197X"),
    ("late 2024", "2024~late"),
    ("in 1978", "1978"),
]


@pytest.mark.parametrize(("text", "value"), PARSED)
def test_parse_one_date_in_any_common_format(text, value):
    parsed = parse_date(text)
    assert parsed is not None
    assert parsed.value() == value


@pytest.mark.parametrize("text", ["", "Iraq", "yesterday and tomorrow", "x" * 500])
def test_parse_rejects_what_is_not_a_date(text):
    assert parse_date(text) is None


def d(text: str) -> PartialDate:
    parsed = parse_date(text)
    assert parsed is not None, text
    return parsed


@pytest.mark.parametrize(("a", "b"), [
    ("September 2015", "the end of September 2015"),
    ("2024", "late 2024"),
    ("late 2024", "26 December 2024"),
    ("2013–2014", "2013"),
    ("the 1970s", "1978"),
    ("by 1997", "1997"),
    ("30 September", "30 September 2019"),  # no year: any year
])
def test_compatible_when_one_interval_lies_inside_the_other(a, b):
    assert d(a).compatible(d(b))
    assert d(b).compatible(d(a))


@pytest.mark.parametrize(("a", "b"), [
    ("2015", "2024"),
    ("early 2024", "December 2024"),
    ("September 2015", "October 2015"),
    ("since 2018", "2017"),
    ("30 September", "1 October 2019"),
])
def test_incompatible_dates(a, b):
    assert not d(a).compatible(d(b))


def test_inferred_year_is_recorded_and_never_invented():
    bare = find_dates("Damascus fell on 27 August and")[0].date
    assert bare.year is None and not bare.has_year
    filled = bare.with_year(2021)
    assert filled.value() == "2021-08-27" and filled.inferred
    assert filled.precision is Precision.DAY
    # A stated year is never overwritten.
    stated = d("30 September 2019")
    assert stated.with_year(1999) == stated and not stated.inferred
