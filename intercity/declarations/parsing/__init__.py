"""Declaration parsing: plain text in, a ParsedDeclaration out (pure Python, no Django).

The one entry point is `parse_declaration(text, known_cities=...)`, which never raises. The
pipeline runs in stages, each in its own module. `blocks` cleans the raw text (control
characters, table borders, hard wrapping, documents flattened onto one line) and cuts it into
paragraphs. `document` then finds where the operative part begins, using the phrase lists of
`lexicon` ("We hereby declare", "Decides", "BE IT RESOLVED", and their equivalents in other
languages) and the list numbering that `markers` recognises (1. (a) iv) Article 3 第2条 •).
Before that point it reads the title and network from the heading lines, then the opening and
the preamble paragraphs with their lead phrases ("Recalling", "Noting"). `operative` turns the
rest into numbered clauses with lettered or Roman sub-items, and separates closing remarks.
Finally `facts` reads the meeting (ordinal, name, city, dates from `dates`), the participants
(normalised against the known member cities), the next meeting, references to earlier
declarations and named initiatives, and `language` guesses the languages present. Every stage
bounds the amount of text it searches, so the whole parse stays linear in the input's size.
`synthetic` builds large well-formed texts for benchmarks and tests.
"""

from intercity.declarations.parsing.document import parse_declaration
from intercity.declarations.parsing.result import (
    Clause,
    Meeting,
    NextMeeting,
    ParsedDeclaration,
    PreambleParagraph,
    Reference,
    SubItem,
)

__all__ = [
    "Clause",
    "Meeting",
    "NextMeeting",
    "ParsedDeclaration",
    "PreambleParagraph",
    "Reference",
    "SubItem",
    "parse_declaration",
]
