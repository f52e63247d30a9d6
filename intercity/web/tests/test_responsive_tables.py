"""On a phone, a responsive table shows each cell under its column's name: every cell says it."""

import re
from pathlib import Path

import pytest

TEMPLATES = sorted(Path(__file__).resolve().parents[2].glob("*/templates/**/*.html"))
TABLE = re.compile(r"<table[^>]*class=\"[^\"]*\bresponsive\b[^\"]*\"[^>]*>(.*?)</table>", re.S)
CELL = re.compile(r"<td\b[^>]*>")


def _unlabelled_cells(text: str) -> list[str]:
    cells = []
    for table in TABLE.findall(text):
        for cell in CELL.findall(table):
            # A cell of buttons, or the row saying the table is empty, needs no column name.
            if "data-label" not in cell and not re.search(r'class="(row-actions|empty)\b', cell):
                cells.append(cell)
    return cells


@pytest.mark.parametrize(
    "path", TEMPLATES, ids=lambda path: str(path.relative_to(Path(__file__).resolve().parents[2]))
)
def test_every_cell_of_a_responsive_table_names_its_column(path):
    assert _unlabelled_cells(path.read_text(encoding="utf-8")) == []


def test_the_check_finds_a_cell_without_its_column_name():
    text = (
        '<table class="responsive"><tr><td data-label="City">Hanoi</td><td>Flood</td></tr></table>'
    )
    assert _unlabelled_cells(text) == ["<td>"]
