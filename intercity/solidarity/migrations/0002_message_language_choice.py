"""A solidarity message's language becomes one of the platform's languages.

Free text typed before ("EN", "ja-JP", "zh_TW", "Japanese", "tl") is read as the platform language
it names; a language the platform does not have becomes the platform's default language.
"""

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.db import migrations, models
from django.utils import translation

import intercity.solidarity.models.help

ALIASES = {"zh": "zh-hant", "zh-tw": "zh-hant", "zh-hk": "zh-hant", "tl": "fil", "in": "id"}


def _names(codes):
    names = {}
    with translation.override("en"):
        for code, name in settings.LANGUAGES:
            names[str(name).casefold()] = code
            info = LANG_INFO.get(code, {})
            for key in ("name", "name_local"):
                if info.get(key):
                    names[info[key].casefold()] = code
    return names


def platform_language(value, codes, names):
    tag = (value or "").strip().casefold().replace("_", "-")
    if tag in codes:
        return tag
    if tag in names:
        return names[tag]
    if tag.startswith("zh-hant"):
        return "zh-hant"
    for candidate in (tag, tag.split("-")[0]):
        if candidate in ALIASES:
            return ALIASES[candidate]
        if candidate in codes:
            return candidate
    return settings.LANGUAGE_CODE


def to_platform_languages(apps, schema_editor):
    codes = {code for code, _name in settings.LANGUAGES}
    names = _names(codes)
    for model_name in ("SolidarityMessage", "HistoricalSolidarityMessage"):
        model = apps.get_model("solidarity", model_name)
        for value in model.objects.exclude(language__in=codes).values_list("language", flat=True).distinct():
            model.objects.filter(language=value).update(
                language=platform_language(value, codes, names)
            )


class Migration(migrations.Migration):
    dependencies = [("solidarity", "0001_initial")]

    operations = [
        migrations.RunPython(to_platform_languages, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="historicalsolidaritymessage",
            name="language",
            field=models.CharField(choices=[('en', 'English'), ('ja', 'Japanese'), ('ko', 'Korean'), ('vi', 'Vietnamese'), ('th', 'Thai'), ('id', 'Indonesian'), ('ms', 'Malay'), ('ru', 'Russian'), ('zh-hant', 'Traditional Chinese'), ('mn', 'Mongolian'), ('my', 'Burmese'), ('hi', 'Hindi'), ('fil', 'Filipino')], default=intercity.solidarity.models.help.writer_language, max_length=16, verbose_name='language'),
        ),
        migrations.AlterField(
            model_name="solidaritymessage",
            name="language",
            field=models.CharField(choices=[('en', 'English'), ('ja', 'Japanese'), ('ko', 'Korean'), ('vi', 'Vietnamese'), ('th', 'Thai'), ('id', 'Indonesian'), ('ms', 'Malay'), ('ru', 'Russian'), ('zh-hant', 'Traditional Chinese'), ('mn', 'Mongolian'), ('my', 'Burmese'), ('hi', 'Hindi'), ('fil', 'Filipino')], default=intercity.solidarity.models.help.writer_language, max_length=16, verbose_name='language'),
        ),
    ]
