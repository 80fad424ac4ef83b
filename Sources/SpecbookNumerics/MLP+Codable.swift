import Foundation

/// A network as data: its widths, activations and parameters (their bytes, base64 in JSON: exact and compact), so
/// a trained network can be stored and read back (for example by a notebook's `cached`), bit for bit.
///
/// ```swift
/// let data = try JSONEncoder().encode(trained)
/// let again = try JSONDecoder().decode(MLP<Float>.self, from: data)   // again == trained
/// ```
/// **Edge cases:** widths, activations and parameter count are checked as the initialisers check them: a stored
/// network whose parameter count does not match its widths throws ``NumericsError``.
extension MLP: Codable {
    private enum CodingKeys: String, CodingKey { case widths, activations, parameters }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let widths = try container.decode([Int].self, forKey: .widths)
        let activations = try container.decode([Activation].self, forKey: .activations)
        var generator = SeededGenerator(seed: 0)
        try self.init(widths: widths, activations: activations,
                      initializations: Array(repeating: .uniformFanIn, count: Swift.max(widths.count - 1, 0)),
                      generator: &generator)
        let bytes = try container.decode(Data.self, forKey: .parameters)
        guard bytes.count % MemoryLayout<Scalar>.stride == 0 else {
            throw NumericsError.invalidArgument("stored network parameters: \(bytes.count) bytes is no whole number of values")
        }
        var values = [Scalar](repeating: 0, count: bytes.count / MemoryLayout<Scalar>.stride)
        _ = values.withUnsafeMutableBytes { bytes.copyBytes(to: $0) }
        try setParameters(values)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(widths, forKey: .widths)
        try container.encode(activations, forKey: .activations)
        try container.encode(parameters.withUnsafeBytes { Data($0) }, forKey: .parameters)
    }
}
