"""Numbers read from the address bar: plain whole numbers in range, None for anything else."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intercity.core.params import LARGEST, number_param


@pytest.mark.parametrize(
    "typed", ["", None, "abc", "-1", "+5", "2_010", "٢٠١٠", "²", "1.0", "9" * 5000, "1" + "0" * 19]
)
def test_anything_but_a_plain_number_in_range_is_none(typed):
    assert number_param(typed) is None


def test_a_plain_number_is_read_within_its_bounds():
    assert number_param(" 2010 ", low=1, high=9999) == 2010
    assert number_param("0" * 5000 + "7") == 7
    assert number_param("10000", low=1, high=9999) is None
    assert number_param(str(LARGEST)) == LARGEST


@given(st.text(max_size=30))
def test_no_text_makes_it_fail(text):
    result = number_param(text)
    assert result is None or 0 <= result <= LARGEST
