"""The library's version, from the installed package's metadata: one number, set in pyproject.toml."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("henan-terms")
except PackageNotFoundError:  # imported from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "__version__",
]
