"""Rules about people that pages, API and CLI share."""


def initials_from_name(name: str) -> str:
    """First letter of the first and last name, as the method's evidence references use
    (“JB & FC”)."""
    parts = [p for p in name.replace("-", " ").split() if p[:1].isalpha()]
    if not parts:
        return ""
    letters = parts[0][0] + (parts[-1][0] if len(parts) > 1 else "")
    return letters.upper()
