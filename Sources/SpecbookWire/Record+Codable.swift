import Foundation

extension Record: Codable {
    private enum HeaderKeys: String, CodingKey {
        case version = "v", kind
    }

    public init(from decoder: Decoder) throws {
        let header = try decoder.container(keyedBy: HeaderKeys.self)
        guard let version = try header.decodeIfPresent(Int.self, forKey: .version) else {
            throw RecordError.malformed("no protocol version")
        }
        guard version == Record.protocolVersion else { throw RecordError.unsupportedVersion(version) }
        let name = try header.decode(String.self, forKey: .kind)
        guard let kind = Kind(rawValue: name) else { throw RecordError.unknownKind(name) }
        switch kind {
        case .blockBegan: self = .blockBegan(try BlockBegan(from: decoder))
        case .text: self = .text(try TextRecord(from: decoder))
        case .figure: self = .figure(try FigureRecord(from: decoder))
        case .table: self = .table(try TableRecord(from: decoder))
        case .value: self = .value(try ValueRecord(from: decoder))
        case .check: self = .check(try CheckRecord(from: decoder))
        case .progress: self = .progress(try ProgressRecord(from: decoder))
        case .expectedError: self = .expectedError(try ExpectedErrorRecord(from: decoder))
        case .end: self = .end(try EndRecord(from: decoder))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var header = encoder.container(keyedBy: HeaderKeys.self)
        try header.encode(Record.protocolVersion, forKey: .version)
        try header.encode(kind.rawValue, forKey: .kind)
        switch self {
        case .blockBegan(let r): try r.encode(to: encoder)
        case .text(let r): try r.encode(to: encoder)
        case .figure(let r): try r.encode(to: encoder)
        case .table(let r): try r.encode(to: encoder)
        case .value(let r): try r.encode(to: encoder)
        case .check(let r): try r.encode(to: encoder)
        case .progress(let r): try r.encode(to: encoder)
        case .expectedError(let r): try r.encode(to: encoder)
        case .end(let r): try r.encode(to: encoder)
        }
    }

    /// The record as one line of JSON (keys sorted, newline included).
    public func jsonLine() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Reads one line written by ``jsonLine()``; a trailing newline is allowed.
    public init(jsonLine line: Data) throws {
        do {
            self = try JSONDecoder().decode(Record.self, from: line)
        } catch let error as RecordError {
            throw error
        } catch DecodingError.keyNotFound(let key, _) {
            throw RecordError.malformed("missing field '\(key.stringValue)'")
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw RecordError.malformed("wrong type for '\(path)'")
        } catch {
            throw RecordError.malformed("not JSON")
        }
    }
}
