"""The site's own scripts and styles, minified in site/ after the build (page weight, issue 12).

docs/javascripts/ and docs/stylesheets/ stay readable and commented; the copies that readers
download lose comments and indentation (about a third of their bytes). rjsmin and rcssmin
only remove what the languages ignore. Vendored files (already minified) are left alone.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def minify_own_assets(site: Path, folders: tuple[str, ...] = ("javascripts", "stylesheets")) -> None:
    for folder in folders:
        for path in sorted((site / folder).rglob("*")):
            minify = MINIFIERS.get(path.suffix)
            if minify is None or "vendor" in path.relative_to(site).parts:
                continue
            text = path.read_text(encoding="utf-8")
            path.write_text(minify(text).strip() + "\n", encoding="utf-8")
