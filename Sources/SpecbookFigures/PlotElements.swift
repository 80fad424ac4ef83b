/// A colour given by the author, or the next one in the theme's colour cycle.
enum ColorChoice: Equatable {
    case explicit(Color)
    case cycle(Int)

    func resolved(_ theme: FigureTheme) -> Color {
        switch self {
        case .explicit(let color): return color.resolved(for: theme)
        case .cycle(let index): return Color.tab10[index % Color.tab10.count].resolved(for: theme)
        }
    }
}

/// A line through points; NaN (or a masked value on a log axis) lifts the pen.
struct LineSeries {
    var x: [Double]
    var y: [Double]
    var label: String?
    var color: ColorChoice
    var style: LineStyle
    var width: Double
    var marker: Marker?
    var markerSize: Double
}

/// Markers at points, no line.
struct ScatterSeries {
    var x: [Double]
    var y: [Double]
    var label: String?
    var color: ColorChoice
    var marker: Marker
    var size: Double
}

/// Vertical stems from a baseline to each value, topped by a marker (a spectrum).
struct StemSeries {
    var x: [Double]
    var y: [Double]
    var label: String?
    var color: ColorChoice
    var baseline: Double?
    var marker: Marker
}

/// The region between two curves.
struct FillSeries {
    var x: [Double]
    var lower: [Double]
    var upper: [Double]
    var label: String?
    var color: ColorChoice
    var alpha: Double
}

/// A line across the whole plot area at a fixed y (horizontal) or x (vertical).
struct ReferenceLine {
    var value: Double
    var horizontal: Bool
    var label: String?
    var color: Color?
    var style: LineStyle
    var width: Double
}

/// Text placed at a point.
struct TextNote {
    var text: String
    var x: Double
    var y: Double
    var coordinates: TextCoordinates
    var alignment: TextAlignment
    var color: Color?
    var size: Double?
}

/// Everything an axes draws, in the order it was added.
enum PlotElement {
    case line(LineSeries)
    case scatter(ScatterSeries)
    case stem(StemSeries)
    case fill(FillSeries)
    case heatmap(Heatmap)
    case reference(ReferenceLine)
    case text(TextNote)
    case errorBars(ErrorBarSeries)
    case guide(PowerLawGuide)

    var label: String? {
        switch self {
        case .line(let s): return s.label
        case .scatter(let s): return s.label
        case .stem(let s): return s.label
        case .fill(let s): return s.label
        case .reference(let s): return s.label
        case .errorBars(let s): return s.label
        case .guide(let s): return s.label
        case .heatmap, .text: return nil
        }
    }
}

/// Checks one series' lengths and finiteness; returns nothing, throws a descriptive error.
func validate(_ name: String, x: [Double], y: [Double]) throws {
    guard x.count == y.count else { throw FigureError.mismatchedLengths(x: x.count, y: y.count) }
    guard !x.isEmpty else { throw FigureError.emptySeries(name) }
    guard zip(x, y).contains(where: { $0.isFinite && $1.isFinite }) else { throw FigureError.noFiniteValues(name) }
}
