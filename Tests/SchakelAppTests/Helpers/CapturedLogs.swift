import Foundation
import Logging

/// Collects every log line of the test process (on top of printing nothing), so tests can prove that
/// personal data never reaches a log.
final class CapturedLogs: @unchecked Sendable {
    static let shared = CapturedLogs()
    private let lock = NSLock()
    private var lines: [String] = []
    private var installed = false

    func install() {
        lock.withLock {
            guard !installed else { return }
            installed = true
            LoggingSystem.bootstrap { label in CapturingHandler(label: label, sink: self) }
        }
    }

    func append(_ line: String) { lock.withLock { lines.append(line) } }

    var all: [String] { lock.withLock { lines } }

    struct CapturingHandler: LogHandler {
        let label: String
        let sink: CapturedLogs
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?, source: String,
                 file: String, function: String, line: UInt) {
            let merged = metadata.merging(extra ?? [:]) { $1 }
            sink.append("\(level) \(label) \(message) \(merged)")
        }
    }
}
