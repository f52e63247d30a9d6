"""Builds synthetic declarations of any size, for benchmarking and testing the parser."""

# Real declarations stay well below this many clauses; longer texts restart the numbering,
# as annexes do.
_CLAUSES_PER_LIST = 400


def synthetic_declaration(target_size: int) -> str:
    """A well-formed declaration of at least target_size characters (pure, deterministic)."""
    parts = [
        "LARGE NETWORK OF CITIES\n\nBig Declaration\n\n",
        "We, the representatives of Alpha, Beta and Gamma, participated in the 3rd Plenary "
        "Meeting, held in Alpha from 18 to 19 November 2013.\n\n",
        "Recalling the 2001 Alpha Declaration;\n\nNoting our shared work;\n\n",
        "We hereby declare:\n\n",
    ]
    size = sum(len(part) for part in parts)
    number = 1
    while size < target_size:
        label = (number - 1) % _CLAUSES_PER_LIST + 1
        parts.append(
            f"{label}. to cooperate on “Project {number}” in water, energy and transport, "
            f"such as\n\n- a. sharing data;\n- b. joint training;\n\n"
        )
        size += len(parts[-1])
        number += 1
    parts.append("Finally, we thank Alpha for its hospitality.\n")
    return "".join(parts)
