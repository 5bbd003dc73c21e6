from __future__ import annotations

from exporters.text import ZWSP, clean, escape_markup, one_line, soft_breaks, strip_soft_breaks


def test_clean_drops_xml_illegal_and_control_characters() -> None:
    assert clean("a\x00b\x0bc\x0cd\ufffee\uffff\x1f\x7f\x85f") == "abcdef"
    assert clean("lone \ud800 surrogate") == "lone  surrogate"


def test_clean_keeps_newlines_and_turns_tabs_into_spaces() -> None:
    assert clean("a\r\nb\rc\td") == "a\nb\nc d"


def test_one_line_folds_newlines() -> None:
    assert one_line("  第一行\n第二行 \x00") == "第一行 第二行"


def test_escape_markup_makes_tags_literal() -> None:
    assert escape_markup("<b>&</b> ]]>") == "&lt;b&gt;&amp;&lt;/b&gt; ]]&gt;"


def test_soft_breaks_split_long_latin_runs_only() -> None:
    url = "x" * 100
    broken = soft_breaks(url, every=20)
    assert broken.count(ZWSP) == 4
    assert strip_soft_breaks(broken) == url
    chinese = "泛珠" * 100
    assert soft_breaks(chinese) == chinese  # Word breaks between CJK characters itself
    assert soft_breaks("short words stay") == "short words stay"
