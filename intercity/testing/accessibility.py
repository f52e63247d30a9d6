"""Accessibility rules a screen-reader or keyboard user depends on, checked over rendered HTML.

Each rule returns sentences naming what is wrong, so a failing test reads as a list of faults.
No browser: the page is parsed as served, which is what assistive technology reads first.
"""

import lxml.html

UNNAMED_INPUT_TYPES = {"hidden", "submit", "button", "reset", "image"}


def parse(html: str):
    return lxml.html.document_fromstring(html)


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _describe(element) -> str:
    attributes = " ".join(
        f'{name}="{element.get(name)}"'
        for name in ("id", "name", "type", "href", "class")
        if element.get(name)
    )
    text = _text(element)[:40]
    return f"<{element.tag}{' ' + attributes if attributes else ''}>{text}"


def _ids(document) -> set[str]:
    return {element.get("id") for element in document.iter() if element.get("id")}


def _referenced_name(document, element) -> str:
    """The text of the elements aria-labelledby names, joined."""
    ids = (element.get("aria-labelledby") or "").split()
    found = [document.get_element_by_id(i, None) for i in ids]
    return " ".join(_text(target) for target in found if target is not None).strip()


def _image_names(element) -> str:
    return " ".join((img.get("alt") or "").strip() for img in element.iter("img")).strip()


def duplicate_ids(document) -> list[str]:
    seen: dict[str, int] = {}
    for element in document.iter():
        if element.get("id"):
            seen[element.get("id")] = seen.get(element.get("id"), 0) + 1
    return [f'id "{key}" is used {count} times' for key, count in seen.items() if count > 1]


def broken_references(document) -> list[str]:
    ids = _ids(document)
    problems = []
    for attribute in ("aria-labelledby", "aria-describedby", "aria-controls"):
        for element in document.xpath(f"//*[@{attribute}]"):
            for target in element.get(attribute).split():
                if target not in ids:
                    problems.append(
                        f'{attribute}="{target}" names no element: {_describe(element)}'
                    )
    for label in document.xpath("//label[@for]"):
        if label.get("for") not in ids:
            problems.append(f'label for="{label.get("for")}" names no element: {_describe(label)}')
    return problems


def _control_name(document, control, labels_for: dict) -> str:
    if (control.get("aria-label") or "").strip():
        return control.get("aria-label").strip()
    if _referenced_name(document, control):
        return _referenced_name(document, control)
    named = [_text(label) for label in labels_for.get(control.get("id"), [])]
    wrapping = [_text(label) for label in control.iterancestors("label")]
    return " ".join(named + wrapping).strip()


def unnamed_controls(document) -> list[str]:
    labels_for: dict[str, list] = {}
    for label in document.iter("label"):
        if label.get("for"):
            labels_for.setdefault(label.get("for"), []).append(label)
    problems = []
    for control in document.xpath("//input | //select | //textarea"):
        if control.tag == "input" and (control.get("type") or "text").lower() in (
            UNNAMED_INPUT_TYPES
        ):
            continue
        if not _control_name(document, control, labels_for):
            problems.append(f"form control has no accessible name: {_describe(control)}")
    return problems


def heading_problems(document) -> list[str]:
    headings = document.xpath("//h1 | //h2 | //h3 | //h4 | //h5 | //h6")
    problems = []
    count = sum(1 for heading in headings if heading.tag == "h1")
    if count != 1:
        problems.append(f"page has {count} <h1> elements, not one")
    previous = 0
    for heading in headings:
        level = int(heading.tag[1])
        if level > previous + 1:
            problems.append(f"heading skips from h{previous} to h{level}: {_describe(heading)}")
        previous = level
    return problems


def images_without_alt(document) -> list[str]:
    return [
        f"<img> has no alt: {img.get('src')}"
        for img in document.iter("img")
        if img.get("alt") is None
    ]


def _operable_name(document, element) -> str:
    if (element.get("aria-label") or "").strip():
        return element.get("aria-label").strip()
    if _referenced_name(document, element):
        return _referenced_name(document, element)
    if element.tag == "input":
        return (element.get("value") or element.get("alt") or "").strip()
    return _text(element) or _image_names(element)


def unnamed_links_and_buttons(document) -> list[str]:
    problems = []
    for element in document.xpath(
        "//a[@href] | //button | //input[@type='submit' or @type='button']"
    ):
        if element.tag == "input" and element.get("type") == "submit" and not element.get("value"):
            continue  # the browser names it "Submit" in the page's language
        if not _operable_name(document, element):
            problems.append(f"{element.tag} has no accessible name: {_describe(element)}")
    return problems


def language_problems(document, expected: str) -> list[str]:
    lang = document.get("lang")
    if not lang:
        return ["<html> has no lang"]
    if lang.lower() != expected.lower():
        return [f'<html lang="{lang}"> but the interface speaks "{expected}"']
    return []


def _data_tables(document):
    for table in document.iter("table"):
        if table.get("role") not in ("presentation", "none") and table.xpath(".//td"):
            yield table


def tables_without_headers(document) -> list[str]:
    problems = []
    for table in _data_tables(document):
        headers = table.xpath(".//th")
        if not headers:
            problems.append(f"data table has no <th>: {_describe(table)}")
            continue
        for th in headers:
            if th.get("scope") is None and not list(th.iterancestors("thead")):
                problems.append(f"<th> has neither scope nor a <thead>: {_describe(th)}")
    return problems


def empty_headers(document) -> list[str]:
    """A header cell is read before every cell it heads; an empty one says nothing there."""
    return [
        f"<th> has no text: {_describe(th)} in {_describe(table)}"
        for table in _data_tables(document)
        for th in table.xpath(".//th")
        if not _text(th) and not (th.get("aria-label") or "").strip()
    ]


def _columns(row) -> list:
    """The cells of a row, one entry per column they span."""
    cells = []
    for cell in row.xpath("./th | ./td"):
        span = cell.get("colspan") or "1"
        cells.extend([cell] * (int(span) if span.isdigit() and int(span) > 0 else 1))
    return cells


def cells_without_headers(document) -> list[str]:
    """In a table with a header row each data cell's column has a header there; where some
    rows start with a header cell, every row does, so a cell of a grid is read with both."""
    problems = []
    for table in _data_tables(document):
        head = table.xpath("./thead/tr[1]")
        header_columns = _columns(head[0]) if head else []
        rows = table.xpath("./tbody/tr | ./tr")
        row_headed = any(row.xpath("./th") for row in rows)
        for row in rows:
            cells = _columns(row)
            if row_headed and not row.xpath("./th"):
                problems.append(f"row has no header cell: {_describe(row)}")
            if not head:
                continue
            for index, cell in enumerate(cells):
                if cell.tag == "td" and (
                    index >= len(header_columns) or header_columns[index].tag != "th"
                ):
                    problems.append(f"cell has no column header: {_describe(cell)}")
    return problems


def unnamed_tables(document) -> list[str]:
    """A page with several tables, or a grid, lets a screen reader list them by name."""
    return [
        f"data table has neither a <caption> nor an aria-label(ledby): {_describe(table)[:60]}"
        for table in _data_tables(document)
        if not "".join(_text(caption) for caption in table.xpath("./caption"))
        and not (table.get("aria-label") or "").strip()
        and not _referenced_name(document, table)
    ]


def landmark_problems(document) -> list[str]:
    count = len(document.xpath("//main | //*[@role='main']"))
    return [] if count == 1 else [f"page has {count} <main> landmarks, not one"]


def same_named_navigation(document) -> list[str]:
    """A screen reader lists a page's navigation and search landmarks by name: two of a kind
    with one name (two pagers, the site's search box and a search page's own form) read
    alike, and the listener cannot tell which list each one pages or what each one searches."""
    kinds = {
        "navigation": "//nav | //*[@role='navigation']",
        "search": "//search | //*[@role='search']",
    }
    problems = []
    for kind, path in kinds.items():
        names: dict[str, int] = {}
        for landmark in document.xpath(path):
            name = _referenced_name(document, landmark) or " ".join(
                (landmark.get("aria-label") or "").split()
            )
            names[name] = names.get(name, 0) + 1
        problems += [
            f'{count} {kind} landmarks are named "{name}"'
            for name, count in names.items()
            if count > 1
        ]
    return problems


def page_problems(html: str, *, language: str = "en") -> list[str]:
    """Every fault the rules find on one rendered page."""
    document = parse(html)
    return [
        *language_problems(document, language),
        *landmark_problems(document),
        *same_named_navigation(document),
        *duplicate_ids(document),
        *broken_references(document),
        *unnamed_controls(document),
        *heading_problems(document),
        *images_without_alt(document),
        *unnamed_links_and_buttons(document),
        *tables_without_headers(document),
        *empty_headers(document),
        *cells_without_headers(document),
        *unnamed_tables(document),
    ]
