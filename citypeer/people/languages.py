"""Languages a person can say they speak: the EU's official languages and those most
spoken by migrant communities in the cities of the method. Codes are ISO 639-1."""

from django.utils.translation import get_language_info

SPOKEN_LANGUAGE_CODES = (
    "en", "fr", "de", "fi", "nl", "it", "sv", "da", "es", "pt", "el", "pl", "cs", "sk",
    "sl", "hr", "hu", "ro", "bg", "et", "lv", "lt", "ga", "mt", "nb", "ar", "tr", "ru",
    "uk", "fa", "ur", "bn", "zh", "so", "sq",
)  # fmt: skip


# Django's language table lacks these; their names in their own language.
_OWN_NAMES = {"mt": "Malti", "so": "Soomaali", "sq": "Shqip", "ur": "اردو", "ga": "Gaeilge",
              "zh": "中文"}


def spoken_language_choices() -> list[tuple[str, str]]:
    return [(code, _own_name(code)) for code in SPOKEN_LANGUAGE_CODES]


def _own_name(code: str) -> str:
    if code in _OWN_NAMES:
        return _OWN_NAMES[code]
    return get_language_info(code)["name_local"]
