"""Reading and comparing the text of a section, without a database."""

from citypeer.feedback.method.text import TextBlock, blocks, diff_lines


def test_blocks_read_headings_lists_and_paragraphs():
    text = "## Main characteristics\n\nA port city\nof 600,000.\n- one\n- two\n\nLast."

    assert blocks(text) == (
        TextBlock("heading", "Main characteristics"),
        TextBlock("paragraph", "A port city of 600,000."),
        TextBlock("list", items=("one", "two")),
        TextBlock("paragraph", "Last."),
    )


def test_diff_lines_show_what_changed():
    assert diff_lines("a\nb", "a\nc", old_label="v1", new_label="v2") == [
        "--- v1", "+++ v2", "@@ -1,2 +1,2 @@", " a", "-b", "+c"]
