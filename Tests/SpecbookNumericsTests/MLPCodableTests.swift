import Foundation
import SpecbookNumerics
import XCTest

final class MLPCodableTests: XCTestCase {
    func testANetworkRoundTripsBitForBit() throws {
        let net = try MLP<Float>(widths: [2, 16, 8, 1], activation: .tanh, outputActivation: .identity, seed: 5)
        let again = try JSONDecoder().decode(MLP<Float>.self, from: JSONEncoder().encode(net))
        XCTAssertEqual(again, net)
        XCTAssertEqual(again.parameters.map(\.bitPattern), net.parameters.map(\.bitPattern))
        let x = try Matrix<Float>(rows: 3, columns: 2, elements: [0.1, -0.2, 0.3, 0.4, -0.5, 0.6])
        XCTAssertEqual(try again.predict(x), try net.predict(x))
    }

    func testAStoredNetworkThatDoesNotFitItsWidthsIsAnError() throws {
        let three = Data([1.0, 2.0, 3.0].withUnsafeBytes { Data($0) }).base64EncodedString()
        let text = #"{"widths":[1,2,1],"activations":["relu","identity"],"parameters":"\#(three)"}"#
        XCTAssertThrowsError(try JSONDecoder().decode(MLP<Double>.self, from: Data(text.utf8)), "3 values for 7 parameters")
        let ragged = #"{"widths":[1,1],"activations":["identity"],"parameters":"AAAA"}"#
        XCTAssertThrowsError(try JSONDecoder().decode(MLP<Double>.self, from: Data(ragged.utf8)), "3 bytes")
        let unknown = #"{"widths":[1,1],"activations":["swish"],"parameters":""}"#
        XCTAssertThrowsError(try JSONDecoder().decode(MLP<Double>.self, from: Data(unknown.utf8)))
    }
}
