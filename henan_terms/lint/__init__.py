"""The terminology linter: checks a draft translation against its Chinese source and a glossary.

>>> from henan_terms import load_glossary
>>> from henan_terms.lint import Linter, SegmentPair
>>> linter = Linter(load_glossary())
>>> report = linter.lint([SegmentPair("前瞻布局北斗应用", "We will plan Dipper applications.")])
>>> [(f.check, f.found, f.expected) for f in report.findings]
[('deprecated-rendering', 'Dipper', 'BeiDou')]
"""

from .checks import default_registry, explain
from .config import LintConfig, find_config, load_config
from .context import LintFinding, Why
from .files import LintRun, lint_files
from .fix import apply_fixes, check_fixable, fix_file
from .inputs import Draft, ignored_checks, read_draft
from .registry import Check, CheckRegistry
from .runner import Linter, LintReport, SegmentPair, lint

__all__ = [
    "Check",
    "CheckRegistry",
    "Draft",
    "LintConfig",
    "LintFinding",
    "LintReport",
    "LintRun",
    "Linter",
    "SegmentPair",
    "Why",
    "apply_fixes",
    "check_fixable",
    "default_registry",
    "explain",
    "find_config",
    "fix_file",
    "ignored_checks",
    "lint",
    "lint_files",
    "load_config",
    "read_draft",
]
