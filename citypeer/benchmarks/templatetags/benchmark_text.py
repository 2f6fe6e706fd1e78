from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()


@register.filter
def standard_text(text: str):
    """A standard as the seeds print it: paragraphs, and '- ' lines as a bulleted list."""
    blocks, bullets = [], []

    def flush():
        if bullets:
            blocks.append(format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>",
                                                                      ((b,) for b in bullets))))
            bullets.clear()

    for line in text.splitlines():
        if line.startswith("- "):
            bullets.append(line[2:])
        else:
            flush()
            if line.strip():
                blocks.append(format_html("<p>{}</p>", line))
    flush()
    return format_html_join("", "{}", ((b,) for b in blocks))
