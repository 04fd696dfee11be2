"""Sphinx configuration of the dsm-messages documentation.

Build: ``python -m sphinx -W -b html docs docs/_build/html`` (the ``docs`` extra installs what
it needs). Nothing is fetched at build or view time: no intersphinx, no scripts from a CDN.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE / "_ext"))

import dsm_messages  # noqa: E402

project = "dsm-messages"
author = "the dsm-messages authors"
copyright = "the dsm-messages authors"
release = dsm_messages.__version__
version = release

# Where the project lives, read from its metadata (one place: pyproject.toml).
with (ROOT / "pyproject.toml").open("rb") as project_file:
    urls = tomllib.load(project_file)["project"]["urls"]

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinxarg.ext",
    "sphinx_copybutton",
    "dsm_docs",
]
dsm_root = str(ROOT)

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist", "substitution"]
myst_substitutions = {
    "project_links": f"[Source code]({urls['Source']}) · {{doc}}`Changelog </changelog>` · "
    f"[Issue tracker]({urls['Issues']}) · [Package index](https://pypi.org/project/dsm-messages/)"
}
myst_heading_anchors = 3

html_theme = "furo"
html_title = f"dsm-messages {release}"
html_static_path = ["_static"]
html_css_files = ["dsm.css"]
html_js_files = ["dsm.js"]
html_theme_options = {
    "source_repository": urls["Source"],
    "source_branch": "main",
    "source_directory": "docs/",
}
# A copy button copies what a reader pastes: the prompts (>>> ... $) and a doctest's output
# left out.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True
html_show_sourcelink = False

# The classes pages describe hundreds of classes and fields: as entries of every page's table of
# contents they would make each page's navigation (and the build) many times heavier.
toc_object_entries = False
autodoc_member_order = "bysource"
autodoc_typehints = "description"
# defaults as written in the source (``clock=utc_now``), never a repr such as <function ...>
autodoc_preserve_defaults = True
autodoc_default_options = {"members": True, "undoc-members": False}
# the library's own classes are documented once, under their public name
nitpicky = False

# Doctests run from the project root, so they can read the shipped examples.
doctest_global_setup = f"""
import os
os.chdir({str(ROOT)!r})
# the installed command is found as in the environment it is installed in
os.environ["PATH"] = {str(Path(sys.executable).parent)!r} + os.pathsep + os.environ["PATH"]
"""
# Only the ``doctest`` blocks of these pages run here; the docstrings the API reference shows
# are run by the test suite with their modules.
doctest_test_doctest_blocks = ""
