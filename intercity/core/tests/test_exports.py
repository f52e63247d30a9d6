"""CSV cells: formulas are defused, numbers stay numbers."""

from intercity.core.exports import _cell


def test_csv_cells_keep_numbers_and_defuse_formulas():
    assert [_cell(v) for v in (-6.21462, "-6.2", "+3", "1e-5", -12)] == [
        "-6.21462",
        "-6.2",
        "+3",
        "1e-5",
        "-12",
    ]
    assert [_cell(v) for v in ("=1+2", "-2+3", "@SUM(A1)", "+cmd|x")] == [
        "'=1+2",
        "'-2+3",
        "'@SUM(A1)",
        "'+cmd|x",
    ]
