@_exported import SpecbookFigures
@_exported import SpecbookNumerics
@_exported import Foundation
