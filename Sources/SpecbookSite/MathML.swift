import Foundation

/// Converts the LaTeX subset notebooks use (`$...$`, `$$...$$`) into MathML, which browsers render natively.
///
/// ```swift
/// MathML.render(#"\frac{1}{2}"#)
/// // <math><semantics><mfrac><mn>1</mn><mn>2</mn></mfrac><annotation encoding="application/x-tex">\frac{1}{2}</annotation></semantics></math>
/// ```
/// **Edge cases:** an unknown command is shown as its source inside `<merror>`, never dropped; a missing `}` is
/// closed at the end; a stray `}` is shown in `<merror>`.
public enum MathML {
    /// The `<math>` element for `tex`; `display` sets it as a block (for `$$...$$`).
    public static func render(_ tex: String, display: Bool = false) -> String {
        var parser = TeXParser(tex, display: display)
        let body = TeXParser.row(parser.parseRow(.end))
        let annotation = "<annotation encoding=\"application/x-tex\">\(HTML.escape(tex))</annotation>"
        return "<math\(display ? " display=\"block\"" : "")><semantics>\(body)\(annotation)</semantics></math>"
    }
}

/// A recursive-descent reader of TeX math that writes MathML as it goes.
struct TeXParser {
    /// Where a row ends.
    enum Stop { case end, brace, bracket, right, cell }

    /// One element plus what follows it once its scripts are attached (e.g. the invisible function application).
    struct Atom {
        var xml: String
        /// Scripts go underneath and above (`\sum`, `\lim`) rather than to the side.
        var limits = false
        var trailing = ""
        /// A named function (`\sin`): a thin space separates it from an argument that is not bracketed.
        var function = false
    }

    /// Brackets and bars written without `\left`/`\right` keep their size, as in TeX.
    static let fences: Set<String> = ["(", ")", "[", "]", "{", "}", "|", "‖", "⟨", "⟩", "⌊", "⌋", "⌈", "⌉"]

    static let opening: Set<String> = ["(", "[", "{", "⟨", "⌊", "⌈"]
    static let closing: Set<String> = [")", "]", "}", "⟩", "⌋", "⌉"]

    /// An `<mo>`; brackets get an explicit form so that one in the middle of a row is not spaced like a relation,
    /// and bars are spaced like TeX's ordinary `|`.
    static func operatorElement(_ glyph: String) -> String {
        var attributes = ""
        if fences.contains(glyph) {
            attributes = " stretchy=\"false\""
            if opening.contains(glyph) { attributes += " form=\"prefix\"" }
            else if closing.contains(glyph) { attributes += " form=\"postfix\"" }
            else { attributes += " lspace=\"0\" rspace=\"0\"" }
        } else if glyph == "/" {
            attributes = " lspace=\"0\" rspace=\"0\""  // TeX sets a slash as an ordinary symbol
        }
        return "<mo\(attributes)>\(HTML.escape(glyph))</mo>"
    }

    /// A sign after an operator or an opening bracket is unary (`(-x)`, `= -1`): no space between it and its operand.
    static func unary(_ xml: String, after previous: String?) -> String {
        guard ["<mo>−</mo>", "<mo>+</mo>", "<mo>±</mo>", "<mo>∓</mo>"].contains(xml), let previous,
              previous.hasPrefix("<mo"), !previous.contains("form=\"postfix\""), !previous.contains("lspace=\"0\"") else { return xml }
        return xml.replacingOccurrences(of: "<mo>", with: "<mo form=\"prefix\">")
    }

    let s: [Unicode.Scalar]
    let display: Bool
    var i = 0
    /// The font command in force (`mathbb`, `mathrm`, ...), if any.
    var font: String?

    init(_ tex: String, display: Bool) {
        s = Array(tex.unicodeScalars)
        self.display = display
    }

    static func row(_ items: [String]) -> String {
        items.count == 1 ? items[0] : "<mrow>\(items.joined())</mrow>"
    }

    static func error(_ source: String) -> String {
        "<merror><mtext>\(HTML.escape(source))</mtext></merror>"
    }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? { i + offset < s.count ? s[i + offset] : nil }

    mutating func skipSpaces() {
        while let c = peek(), c == " " || c == "\n" || c == "\t" || c == "\r" { i += 1 }
    }

    /// The name of the command at the cursor (`frac` for `\frac`, `,` for `\,`) without consuming it.
    func commandName() -> String? {
        guard peek() == "\\", let first = peek(1) else { return nil }
        guard isLetter(first) else { return String(first) }
        var n = 1
        while let c = peek(n), isLetter(c) { n += 1 }
        return String(String.UnicodeScalarView(s[(i + 1)..<(i + n)]))
    }

    mutating func readCommand() -> String? {
        guard let name = commandName() else { return nil }
        i += 1 + name.unicodeScalars.count
        return name
    }

    mutating func parseRow(_ stop: Stop) -> [String] {
        var items: [String] = []
        while true {
            skipSpaces()
            guard let c = peek() else { break }
            if c == "}" {
                i += 1
                if stop == .brace { break }
                items.append(Self.error("}"))
                continue
            }
            if stop == .bracket && c == "]" { i += 1; break }
            if stop == .cell && c == "&" { break }
            if let name = commandName() {
                if stop == .right && name == "right" { break }
                if stop == .cell && (name == "\\" || name == "end") { break }
                if ["displaystyle", "textstyle", "scriptstyle"].contains(name) {
                    _ = readCommand()
                    let rest = Self.row(parseRow(stop))
                    items.append("<mstyle displaystyle=\"\(name == "displaystyle")\">\(rest)</mstyle>")
                    break
                }
            }
            var atom = parseAtom()
            attachScripts(&atom)
            items.append(Self.unary(atom.xml, after: items.last) + atom.trailing)
            if atom.function {  // TeX puts a thin space between an operator name and its argument, not before a bracket
                skipSpaces()
                if let next = peek(), !"([{|^_".unicodeScalars.contains(next), commandName() != "left" {
                    items.append("<mspace width=\"0.1667em\"></mspace>")
                }
            }
        }
        return items
    }

    /// `x^2_i`, `f'`, `\sum_{k=1}^n`: wraps the atom in msub/msup/msubsup (or munder/mover/munderover).
    mutating func attachScripts(_ atom: inout Atom) {
        var sub: String?, sup: String?, primes = ""
        while true {
            skipSpaces()
            if peek() == "'" { primes += "′"; i += 1; continue }
            if peek() == "^" && sup == nil { i += 1; sup = parseArgument(single: true); continue }
            if peek() == "_" && sub == nil { i += 1; sub = parseArgument(single: true); continue }
            if let name = commandName(), name == "limits" || name == "nolimits" {
                _ = readCommand()
                atom.limits = name == "limits"
                continue
            }
            break
        }
        if !primes.isEmpty { sup = sup.map { "<mrow><mo>\(primes)</mo>\($0)</mrow>" } ?? "<mo>\(primes)</mo>" }
        let (under, over, both) = atom.limits ? ("munder", "mover", "munderover") : ("msub", "msup", "msubsup")
        switch (sub, sup) {
        case let (sub?, sup?): atom.xml = "<\(both)>\(atom.xml)\(sub)\(sup)</\(both)>"
        case let (sub?, nil): atom.xml = "<\(under)>\(atom.xml)\(sub)</\(under)>"
        case let (nil, sup?): atom.xml = "<\(over)>\(atom.xml)\(sup)</\(over)>"
        case (nil, nil): break
        }
    }

    /// A command's argument: a `{group}`, or one token (`x^2` takes only the 2 of `x^23`).
    mutating func parseArgument(single: Bool = false) -> String {
        skipSpaces()
        guard let c = peek() else { return "<mrow></mrow>" }
        if c == "{" {
            i += 1
            return Self.row(parseRow(.brace))
        }
        if single && isDigit(c) {
            i += 1
            return number(String(c))
        }
        var atom = parseAtom()
        if !single { attachScripts(&atom) }
        return atom.xml + atom.trailing
    }

    /// Raw text up to the matching `}` (for `\text{...}` and `\operatorname{...}`).
    mutating func rawGroup() -> String {
        skipSpaces()
        guard peek() == "{" else {
            guard let c = peek() else { return "" }
            i += 1
            return String(c)
        }
        i += 1
        var depth = 0, text = ""
        while let c = peek() {
            i += 1
            if c == "{" { depth += 1 } else if c == "}" { if depth == 0 { break }; depth -= 1 }
            if c == "\\", let next = peek(), let space = MathSymbols.spaces[String(next)], space > 0 {
                text.unicodeScalars.append(space < 0.2 ? "\u{2009}" : " ")  // `\,` in `\operatorname{arg\,min}`
                i += 1
                continue
            }
            if c == "\\", let next = peek(), "{}$%&#_ ".unicodeScalars.contains(next) {
                text.unicodeScalars.append(next)
                i += 1
                continue
            }
            text.unicodeScalars.append(c)
        }
        return text
    }

    mutating func parseAtom() -> Atom {
        guard let c = peek() else { return Atom(xml: "<mrow></mrow>") }
        if c == "{" {
            i += 1
            return Atom(xml: Self.row(parseRow(.brace)))
        }
        if c == "^" || c == "_" { return Atom(xml: "<mrow></mrow>") }
        if c == "\\" { return parseCommand() }
        i += 1
        if isDigit(c) {
            var text = String(c)
            while let d = peek(), isDigit(d) || (d == "." && peek(1).map(isDigit) == true) {
                text.unicodeScalars.append(d)
                i += 1
            }
            return Atom(xml: number(text))
        }
        if isLetter(c) || (c.value > 0x7F && c.properties.isAlphabetic) {
            guard font == "mathrm" || font == "operator" else { return Atom(xml: letter(c)) }
            var word = String(c)
            while let d = peek(), isLetter(d) { word.unicodeScalars.append(d); i += 1 }
            return Atom(xml: word.unicodeScalars.count == 1 ? "<mi mathvariant=\"normal\">\(word)</mi>" : "<mi>\(word)</mi>")
        }
        switch c {
        case "~": return Atom(xml: "<mspace width=\"0.333em\"></mspace>")
        case "-": return Atom(xml: "<mo>−</mo>")
        case "*": return Atom(xml: "<mo>∗</mo>")
        case "'": return Atom(xml: "<mo>′</mo>")
        default: return Atom(xml: Self.operatorElement(String(c)))
        }
    }

    func number(_ text: String) -> String {
        guard let font, font != "mathrm", font != "operator" else { return "<mn>\(text)</mn>" }
        let styled = text.unicodeScalars.map { MathSymbols.styled($0, font: font) ?? String($0) }.joined()
        return "<mn>\(styled)</mn>"
    }

    func letter(_ c: Unicode.Scalar) -> String {
        if let font, let styled = MathSymbols.styled(c, font: font) { return "<mi>\(styled)</mi>" }
        return "<mi>\(HTML.escape(String(c)))</mi>"
    }

    func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
    func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
}
