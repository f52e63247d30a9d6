"""The time left of a long job, from the rate kept so far."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intercity.search.eta import format_duration, remaining_seconds


def test_the_rest_goes_at_the_rate_kept_so_far():
    assert remaining_seconds(250, 1000, 50.0) == pytest.approx(150.0)


def test_nothing_done_or_no_time_gives_no_estimate():
    assert remaining_seconds(0, 1000, 30.0) is None
    assert remaining_seconds(10, 1000, 0.0) is None


def test_nothing_left_takes_no_time():
    assert remaining_seconds(1000, 1000, 0.0) == 0.0
    assert remaining_seconds(1200, 1000, 5.0) == 0.0


@given(
    st.integers(min_value=1, max_value=10**6),
    st.integers(min_value=0, max_value=10**6),
    st.floats(min_value=0.001, max_value=1e6),
)
def test_more_done_in_the_same_time_never_leaves_more(done, extra, elapsed):
    total = done + extra + 1
    later = remaining_seconds(min(done + 1, total), total, elapsed)
    assert later <= remaining_seconds(done, total, elapsed)


def test_durations_read_as_a_clock():
    assert format_duration(None) == "?"
    assert format_duration(59.6) == "1:00"
    assert format_duration(3723) == "1:02:03"
    assert format_duration(9 * 3600) == "9:00:00"
