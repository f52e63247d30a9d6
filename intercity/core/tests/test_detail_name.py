"""A name kept in a history entry: whole up to forty characters in any script, else cut."""

from django.utils import translation

from intercity.core.audit import DETAIL_NAME_LENGTH, detail_name
from intercity.core.history import REASON_LENGTH, decode_reason, encode_reason

# Yangon City Development Committee chair: 45 code points, of which 9 are marks written
# over or under a letter; a reader sees 36 letters.
BURMESE = "ရန်ကုန်မြို့တော် စည်ပင်သာယာရေးကော်မတီ ဥက္ကဋ္ဌ"


def test_a_burmese_name_of_fewer_than_forty_letters_is_kept_whole():
    assert len(BURMESE) > DETAIL_NAME_LENGTH
    assert detail_name(BURMESE) == BURMESE


def test_a_longer_thai_name_is_cut_with_a_mark_that_says_so():
    name = "กรุงเทพมหานคร อมรรัตนโกสินทร์ มหินทรายุธยา มหาดิลกภพ นพรัตนราชธานีบูรีรมย์"
    kept = detail_name(name)
    assert kept.endswith("…")
    assert name.startswith(kept.removesuffix("…"))
    assert len(kept) < len(name)


def test_the_mark_is_the_same_whatever_the_writers_language():
    name = "Department of Environment and Climate Change of the City"
    with translation.override("ja"):
        in_japanese = detail_name(name)
    assert in_japanese == detail_name(name)
    assert in_japanese == name[: DETAIL_NAME_LENGTH - 1] + "…"


def test_spaces_and_line_breaks_inside_a_name_read_as_one_space():
    assert detail_name("  Ms\n Lan  Nguyen ") == "Ms Lan Nguyen"


def test_a_whole_burmese_name_still_fits_the_history_row():
    reason = encode_reason("meetings.attendee.added", {"id": 123456, "name": detail_name(BURMESE)})
    assert len(reason) <= REASON_LENGTH
    assert decode_reason(reason)[1]["name"] == BURMESE
