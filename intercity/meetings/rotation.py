"""Suggests the next plenary host from the rotation history (pure, no Django)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class HostSuggestion:
    city: str
    never_hosted: bool
    last_hosted_ordinal: int | None


def suggest_next_host(
    members: Sequence[str], history: Iterable[tuple[int, str]]
) -> HostSuggestion | None:
    """Members who never hosted come first (in the given order), then the longest-waiting.

    ``history`` holds (ordinal, host) pairs of plenaries held or already assigned; the host
    of the latest one is never suggested, so the turn always moves on.
    """
    last_hosted: dict[str, int] = {}
    latest_ordinal, latest_host = -1, None
    for ordinal, host in history:
        last_hosted[host] = max(ordinal, last_hosted.get(host, ordinal))
        if ordinal > latest_ordinal:
            latest_ordinal, latest_host = ordinal, host
    candidates = [m for m in members if m != latest_host]
    if not candidates:
        return None
    never = [m for m in candidates if m not in last_hosted]
    if never:
        return HostSuggestion(city=never[0], never_hosted=True, last_hosted_ordinal=None)
    waiting = min(candidates, key=lambda m: (last_hosted[m], members.index(m)))
    return HostSuggestion(
        city=waiting, never_hosted=False, last_hosted_ordinal=last_hosted[waiting]
    )
