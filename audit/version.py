"""The version of translation-audit, in one place: the package metadata and every report read it."""

__version__ = "0.1.0"
