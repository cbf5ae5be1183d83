"""The one exception tree of the product. Every error a user can cause or fix is a TableroError whose str() is a
Spanish message naming what is wrong (the file, row and column when there is one) and how to fix it; a program
catches TableroError to show that message instead of a traceback."""
from __future__ import annotations


class TableroError(Exception):
    """A problem a user can fix; str() says, in Spanish, what and how."""


class CatalogError(TableroError):
    """An editable catalog of data/catalogos/ is wrong; the message lists every problem found."""


class DefinitionError(TableroError):
    """A definition shipped with the code (indicators, index rules, rules behind the numbers, layouts) is wrong; the
    message lists every problem found."""


class FileError(TableroError):
    """An input file cannot be read as it is: the message names the file, the problem and the fix."""


class LayoutNotFound(FileError):
    """No known layout of the expected source fits the file's headers."""


class WorkbookTooLarge(FileError):
    """An XLSX workbook would not fit in memory once opened."""


class BuildError(TableroError):
    """The build stopped; the served warehouse is untouched."""


class FetchError(TableroError):
    """A download failed; nothing was written to the inputs folder."""


class AliasError(TableroError):
    """`python -m etl alias` wrote nothing."""


class WarehouseError(TableroError):
    """The served warehouse cannot be read."""
