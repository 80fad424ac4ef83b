@_exported import SpecbookFigures
@_exported import SpecbookNumerics
