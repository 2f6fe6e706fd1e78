"""Languages a person can say they speak: the EU's official languages and those most
spoken by migrant communities in the cities of the method. Codes are ISO 639-1."""

from django.utils.translation import get_language_info

SPOKEN_LANGUAGE_CODES = (
    "en", "fr", "de", "fi", "nl", "it", "sv", "da", "es", "pt", "el", "pl", "cs", "sk",
    "sl", "hr", "hu", "ro", "bg", "et", "lv", "lt", "ga", "mt", "nb", "ar", "tr", "ru",
    "uk", "fa", "ur", "bn", "zh", "so", "sq",
)  # fmt: skip


def spoken_language_choices() -> list[tuple[str, str]]:
    return [(code, get_language_info(code)["name_local"]) for code in SPOKEN_LANGUAGE_CODES]
