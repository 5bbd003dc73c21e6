from __future__ import annotations

from exporters.fonts import MISSING, PDF_FALLBACK, PDF_KAI, font_dir, pdf_markup, register_pdf_fonts

SHIPPED = ("PanPRDKai-Regular.ttf", "PanPRDKai-Bold.ttf", "PanPRDSong-Regular.ttf", "wqy-microhei.ttc",
           "PanPRDFang-Regular.ttf", "PanPRDSongBold-Bold.ttf")
LICENCES = ("OFL-LXGW-WenKai.txt", "ARPHIC-PL-UMing.txt", "APACHE2-GPL3FE-WenQuanYi-MicroHei.txt",
            "GPL3FE-Fandol.txt")


def test_fonts_are_shipped_with_licences_and_readme() -> None:
    folder = font_dir()
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for name in SHIPPED + LICENCES:
        assert (folder / name).is_file(), name
        assert name in readme, name
    total = sum((folder / n).stat().st_size for n in SHIPPED)
    assert total < 45 * 1024 * 1024


def test_subset_covers_gb2312_and_fallback_covers_the_rest() -> None:
    coverage = register_pdf_fonts()
    gb2312 = set()
    for cp in range(0x4E00, 0xA000):
        try:
            chr(cp).encode("gb2312")
        except UnicodeEncodeError:
            continue
        gb2312.add(cp)
    assert gb2312 <= coverage[PDF_KAI]
    assert ord("堃") not in coverage[PDF_KAI] and ord("堃") in coverage[PDF_FALLBACK]


def test_markup_falls_back_per_character_and_never_prints_boxes() -> None:
    out = pdf_markup("张堃<b>&\U0001f600", PDF_KAI)
    assert out == f'张<font face="{PDF_FALLBACK}">堃</font>&lt;b&gt;&amp;{MISSING}'


def test_registration_is_cached() -> None:
    assert register_pdf_fonts() is register_pdf_fonts()
