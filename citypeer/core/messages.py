"""Messages of the plain-Python rules are English templates; the pages, the API and the CLI
translate them when they show them. Marking them with `gettext_noop` lets `makemessages`
find them without importing Django here."""


def gettext_noop(message: str) -> str:
    return message
