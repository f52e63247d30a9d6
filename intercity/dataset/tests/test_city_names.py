"""The member cities' names in the interface languages."""

from intercity.dataset import city_names
from intercity.dataset.anmc21 import MEMBER_CITIES

# Languages not written in the Latin script: a reader of these cannot fall back on the
# English name as a Vietnamese or Indonesian reader can.
OTHER_SCRIPTS = ("ja", "ko", "th", "ru", "zh-hant", "mn", "my", "hi")


def test_every_member_city_has_a_name_in_every_language_of_another_script():
    missing = [
        (slug, language)
        for slug, _name, _geonames in MEMBER_CITIES
        for language in OTHER_SCRIPTS
        if language not in city_names.names_of(slug)
    ]
    assert missing == []
