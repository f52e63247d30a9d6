"""How incident kinds map to GDACS event types and CAP categories, both ways; no Django here."""

from __future__ import annotations

# GDACS reports these six event types; the other kinds have no GDACS code.
KIND_TO_GDACS = {
    "tropical_cyclone": "TC",
    "flood": "FL",
    "earthquake": "EQ",
    "volcano": "VO",
    "drought": "DR",
    "wildfire": "WF",
}
GDACS_TO_KIND = {code: kind for kind, code in KIND_TO_GDACS.items()}

# The CAP 1.2 category (or categories) each kind is published under.
KIND_TO_CAP_CATEGORIES = {
    "tropical_cyclone": ["Met"],
    "flood": ["Met", "Geo"],
    "earthquake": ["Geo"],
    "volcano": ["Geo"],
    "drought": ["Met", "Env"],
    "wildfire": ["Fire"],
    "epidemic": ["Health"],
    "heatwave": ["Met", "Health"],
    "industrial_accident": ["CBRNE", "Safety"],
    "other": ["Other"],
}

# Words in a CAP event name that say which kind it is, checked in this order.
EVENT_WORDS = [
    ("tropical_cyclone", ("cyclone", "typhoon", "hurricane", "tropical storm")),
    ("flood", ("flood", "inundation", "storm surge")),
    ("earthquake", ("earthquake", "seismic", "tsunami")),
    ("volcano", ("volcan", "eruption", "ash fall")),
    ("drought", ("drought",)),
    ("wildfire", ("wildfire", "forest fire", "bushfire", "fire")),
    ("epidemic", ("epidemic", "outbreak", "pandemic", "disease", "cholera", "dengue")),
    ("heatwave", ("heat wave", "heatwave", "extreme heat")),
    ("industrial_accident", ("chemical", "industrial", "explosion", "hazmat", "radiolog")),
]

CATEGORY_TO_KIND = {"Fire": "wildfire", "Health": "epidemic", "CBRNE": "industrial_accident"}

KINDS = tuple(KIND_TO_CAP_CATEGORIES)


def kind_from_cap(
    *, event: str, categories: list[str], gdacs_code: str = "", stated_kind: str = ""
) -> str:
    """The incident kind a CAP info block describes, most explicit evidence first."""
    if stated_kind in KINDS:
        return stated_kind
    if gdacs_code.upper() in GDACS_TO_KIND:
        return GDACS_TO_KIND[gdacs_code.upper()]
    text = event.casefold()
    for kind, words in EVENT_WORDS:
        if any(word in text for word in words):
            return kind
    for category in categories:
        if category in CATEGORY_TO_KIND:
            return CATEGORY_TO_KIND[category]
    return "other"


def kind_from_gdacs(code: str) -> str:
    return GDACS_TO_KIND.get(code.upper(), "other")


# GDACS alert levels against CAP severities, for events that give only the level.
ALERT_LEVEL_TO_SEVERITY = {"red": "extreme", "orange": "severe", "green": "minor"}
