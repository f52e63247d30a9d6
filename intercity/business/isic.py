"""The 21 sections of ISIC Rev. 4, as the sector list is seeded with them.

The names are marked for translation here so that the interface catalogues carry them in every
language of the network (each entry is lazy: `str()` gives the reader's name, the English one is
the record's `name`); a sector the secretariat adds with another name shows as typed.
"""

from django.utils.translation import pgettext, pgettext_lazy

CONTEXT = "ISIC section"

ISIC_SECTIONS = [
    ("A", pgettext_lazy("ISIC section", "Agriculture, forestry and fishing")),
    ("B", pgettext_lazy("ISIC section", "Mining and quarrying")),
    ("C", pgettext_lazy("ISIC section", "Manufacturing")),
    ("D", pgettext_lazy("ISIC section", "Electricity, gas, steam and air conditioning supply")),
    (
        "E",
        pgettext_lazy(
            "ISIC section", "Water supply; sewerage, waste management and remediation activities"
        ),
    ),
    ("F", pgettext_lazy("ISIC section", "Construction")),
    (
        "G",
        pgettext_lazy(
            "ISIC section", "Wholesale and retail trade; repair of motor vehicles and motorcycles"
        ),
    ),
    ("H", pgettext_lazy("ISIC section", "Transportation and storage")),
    ("I", pgettext_lazy("ISIC section", "Accommodation and food service activities")),
    ("J", pgettext_lazy("ISIC section", "Information and communication")),
    ("K", pgettext_lazy("ISIC section", "Financial and insurance activities")),
    ("L", pgettext_lazy("ISIC section", "Real estate activities")),
    ("M", pgettext_lazy("ISIC section", "Professional, scientific and technical activities")),
    ("N", pgettext_lazy("ISIC section", "Administrative and support service activities")),
    (
        "O",
        pgettext_lazy(
            "ISIC section", "Public administration and defence; compulsory social security"
        ),
    ),
    ("P", pgettext_lazy("ISIC section", "Education")),
    ("Q", pgettext_lazy("ISIC section", "Human health and social work activities")),
    ("R", pgettext_lazy("ISIC section", "Arts, entertainment and recreation")),
    ("S", pgettext_lazy("ISIC section", "Other service activities")),
    ("T", pgettext_lazy("ISIC section", "Activities of households as employers")),
    ("U", pgettext_lazy("ISIC section", "Activities of extraterritorial organizations and bodies")),
]


def section_name(name: str) -> str:
    """A sector's name in the reader's language: an ISIC section's from the catalogues, any
    other as typed."""
    return pgettext(CONTEXT, name) if name else name
