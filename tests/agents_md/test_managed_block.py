"""The managed block: found, replaced in place, inserted after the first heading."""

from __future__ import annotations

from auditor.agents_md.managed_block import BEGIN, END, find_block, has_markers, replace_block, wrap

BLOCK = wrap("## Commands\n\n- Run the tests: `pytest`")


def test_replacing_keeps_every_byte_outside_the_block() -> None:
    before = "# Title\r\n\nHand  written.\t\n\n"
    after = "\n## Mine\n\n- keep `this`\n"
    text = before + wrap("old") + after
    replaced = replace_block(text, BLOCK)
    assert replaced == before + BLOCK + after


def test_a_file_without_markers_gets_the_block_after_its_first_heading() -> None:
    text = "# Agents\n\nWrite small commits.\n\n## More\n\ntext\n"
    replaced = replace_block(text, BLOCK)
    assert replaced == "# Agents\n\n" + BLOCK + "\n\nWrite small commits.\n\n## More\n\ntext\n"


def test_a_heading_inside_a_code_block_is_not_the_first_heading() -> None:
    text = "Intro\n\n```sh\n# not a heading\n```\n\n# Real\n\nbody\n"
    replaced = replace_block(text, BLOCK)
    assert replaced.startswith("Intro\n\n```sh\n# not a heading\n```\n\n# Real\n\n" + BEGIN)
    assert replaced.endswith(END + "\n\nbody\n")


def test_a_file_without_a_heading_gets_the_block_on_top() -> None:
    assert replace_block("just text\n", BLOCK) == BLOCK + "\n\njust text\n"


def test_an_unterminated_block_is_not_a_block_but_marks_the_file() -> None:
    text = f"# A\n\n{BEGIN}\nhalf\n"
    assert find_block(text) is None
    assert has_markers(text)


def test_block_lines_are_one_based() -> None:
    found = find_block("# A\n\n" + BLOCK + "\n")
    assert found is not None
    assert (found.first_line, found.last_line) == (3, 7)
    assert found.body.startswith("## Commands")
