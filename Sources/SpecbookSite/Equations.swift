import SpecbookMarkdown

/// Numbered display equations: `$$ ... $$ {#eq-name}` is numbered per page in order, "(1)", "(2)", and
/// `@eq-name` links to it as "Equation (2)".
///
/// ```swift
/// let spans = MathSpans.protect("$$a = b$$ {#eq-ab}\n\n$$c$$\n\n$$d$$ {#eq-d}").spans
/// Equations.numbers(spans)   // ["eq-ab": 1, "eq-d": 2]: unlabelled equations stay unnumbered
/// ```
/// **Edge cases:** a label used twice keeps its first number (the parser rejects duplicates with their line);
/// labels on inline formulas are never read.
public enum Equations {
    public static func numbers(_ spans: [MathSpans.Span]) -> [String: Int] {
        var numbers: [String: Int] = [:]
        var next = 1
        for span in spans where span.display {
            guard let label = span.label, numbers[label] == nil else { continue }
            numbers[label] = next
            next += 1
        }
        return numbers
    }
}
