"""The next-host suggestion follows the rotation history."""

from hypothesis import given
from hypothesis import strategies as st

from intercity.meetings.rotation import suggest_next_host

MEMBERS = ["Bangkok", "Hanoi", "Seoul", "Tokyo", "Tomsk"]


def test_a_member_that_never_hosted_comes_first():
    suggestion = suggest_next_host(MEMBERS, [(12, "Hanoi"), (13, "Tomsk")])
    assert suggestion.city == "Bangkok"
    assert suggestion.never_hosted


def test_when_all_have_hosted_the_longest_waiting_member_is_suggested():
    history = [(1, "Tokyo"), (2, "Seoul"), (3, "Bangkok"), (4, "Hanoi"), (5, "Tomsk"), (6, "Tokyo")]
    suggestion = suggest_next_host(MEMBERS, history)
    assert suggestion.city == "Seoul"
    assert suggestion.last_hosted_ordinal == 2


def test_the_latest_host_is_never_suggested_again():
    assert suggest_next_host(["Tokyo"], [(1, "Tokyo")]) is None
    assert suggest_next_host(["Tokyo", "Seoul"], [(1, "Seoul"), (2, "Tokyo")]).city == "Seoul"


def test_no_members_gives_no_suggestion():
    assert suggest_next_host([], []) is None


@given(
    st.lists(st.sampled_from(MEMBERS), min_size=0, max_size=20),
)
def test_the_suggestion_is_always_a_member_other_than_the_latest_host(hosts):
    history = list(enumerate(hosts, start=1))
    suggestion = suggest_next_host(MEMBERS, history)
    assert suggestion is not None
    assert suggestion.city in MEMBERS
    if hosts:
        assert suggestion.city != hosts[-1]
