"""Every internal link and every #anchor in every built page resolves, in both languages.

The check itself is macros/sitecheck.py, which `make check` runs too.
"""

from __future__ import annotations

from macros.sitecheck import broken_links


def test_every_internal_link_and_anchor_resolves(site):
    checked, broken = broken_links(site.root)
    assert checked > 500, f"only {checked} links checked: is the site built?"
    assert broken == []


def test_a_broken_link_and_a_missing_anchor_are_found(tmp_path):
    (tmp_path / "en").mkdir()
    index = '<a href="en/a.html#here">a</a><a href="#top">t</a><a href="https://x.se/nope">x</a><p id="top"></p>'
    (tmp_path / "index.html").write_text(index)
    (tmp_path / "en" / "a.html").write_text('<a href="../gone.html">g</a><a href="../index.html#nowhere">n</a><h2 id="here"></h2>')
    checked, broken = broken_links(tmp_path)
    assert checked == 4
    assert broken == ["en/a.html: ../gone.html (filen finns inte)", "en/a.html: ../index.html#nowhere (ankaret #nowhere finns inte)"]
