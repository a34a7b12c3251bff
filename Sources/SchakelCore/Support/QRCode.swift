/// A QR code (ISO/IEC 18004) for short text such as an invitation link: byte mode, versions 1 to 10, any error
/// correction level, the mask chosen by the standard's penalty rules unless one is given. The result is the grid of
/// modules (true = dark), without the quiet zone around it.
public struct QRCode: Sendable, Equatable {
    public enum Correction: Sendable, CaseIterable {
        case low, medium, quartile, high

        /// The two format bits of the level.
        var formatBits: Int {
            switch self {
            case .low: 1
            case .medium: 0
            case .quartile: 3
            case .high: 2
            }
        }
    }

    public enum Problem: Error, Equatable {
        /// The text does not fit in version 10 at this level.
        case tooLong(bytes: Int, capacity: Int)
    }

    public let version: Int
    public let mask: Int
    /// `modules[row][column]`, true for a dark module.
    public let modules: [[Bool]]

    public var size: Int { modules.count }

    /// Encodes `bytes` in the smallest version (from `minimumVersion`) that holds them at `correction`.
    public init(bytes: [UInt8], correction: Correction = .medium, minimumVersion: Int = 1, mask forcedMask: Int? = nil) throws(Problem) {
        var chosen: Int?
        for version in max(1, minimumVersion)...10 where Self.dataCapacity(version: version, correction: correction) * 8
            >= 4 + Self.countBits(version: version) + bytes.count * 8 {
            chosen = version
            break
        }
        guard let version = chosen else {
            throw .tooLong(bytes: bytes.count, capacity: (Self.dataCapacity(version: 10, correction: correction) * 8 - 4 - 16) / 8)
        }
        let codewords = Self.codewords(Self.dataCodewords(bytes, version: version, correction: correction), version: version,
                                       correction: correction)
        var grid = Grid(version: version)
        grid.placeFunctionPatterns()
        grid.placeData(codewords)
        if let forcedMask {
            grid.applyMask(forcedMask)
            grid.placeFormat(correction: correction, mask: forcedMask)
            self.mask = forcedMask
        } else {
            var best: (mask: Int, penalty: Int, grid: Grid)?
            for mask in 0..<8 {
                var candidate = grid
                candidate.applyMask(mask)
                candidate.placeFormat(correction: correction, mask: mask)
                let penalty = candidate.penalty()
                if best == nil || penalty < best!.penalty { best = (mask, penalty, candidate) }
            }
            grid = best!.grid
            self.mask = best!.mask
        }
        self.version = version
        modules = grid.dark
    }

    public init(_ text: String, correction: Correction = .medium) throws(Problem) {
        try self.init(bytes: Array(text.utf8), correction: correction)
    }

    /// The code as an SVG image, one unit per module and a quiet zone of four modules: crisp at any size and in print.
    public func svg(moduleSize: Int = 4, title: String) -> String {
        let quiet = 4, side = size + 2 * quiet
        var path = ""
        for (row, line) in modules.enumerated() {
            for (column, isDark) in line.enumerated() where isDark { path += "M\(column + quiet),\(row + quiet)h1v1h-1z" }
        }
        let escaped = title.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"\(escaped)\" viewBox=\"0 0 \(side) \(side)\" "
            + "width=\"\(side * moduleSize)\" height=\"\(side * moduleSize)\" shape-rendering=\"crispEdges\">"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path fill=\"#000\" d=\"\(path)\"/></svg>"
    }

    // MARK: Capacity and codewords

    /// Error correction codewords per block, and the blocks: (count, data codewords each), for versions 1–10.
    static let blocks: [Correction: [(ecPerBlock: Int, groups: [(count: Int, data: Int)])]] = [
        .low: [(7, [(1, 19)]), (10, [(1, 34)]), (15, [(1, 55)]), (20, [(1, 80)]), (26, [(1, 108)]), (18, [(2, 68)]),
               (20, [(2, 78)]), (24, [(2, 97)]), (30, [(2, 116)]), (18, [(2, 68), (2, 69)])],
        .medium: [(10, [(1, 16)]), (16, [(1, 28)]), (26, [(1, 44)]), (18, [(2, 32)]), (24, [(2, 43)]), (16, [(4, 27)]),
                  (18, [(4, 31)]), (22, [(2, 38), (2, 39)]), (22, [(3, 36), (2, 37)]), (26, [(4, 43), (1, 44)])],
        .quartile: [(13, [(1, 13)]), (22, [(1, 22)]), (18, [(2, 17)]), (26, [(2, 24)]), (18, [(2, 15), (2, 16)]), (24, [(4, 19)]),
                    (18, [(2, 14), (4, 15)]), (22, [(4, 18), (2, 19)]), (20, [(4, 16), (4, 17)]), (24, [(6, 19), (2, 20)])],
        .high: [(17, [(1, 9)]), (28, [(1, 16)]), (22, [(2, 13)]), (16, [(4, 9)]), (22, [(2, 11), (2, 12)]), (28, [(4, 15)]),
                (26, [(4, 13), (1, 14)]), (26, [(4, 14), (2, 15)]), (24, [(4, 12), (4, 13)]), (28, [(6, 15), (2, 16)])],
    ]

    static func dataCapacity(version: Int, correction: Correction) -> Int {
        blocks[correction]![version - 1].groups.reduce(0) { $0 + $1.count * $1.data }
    }

    static func countBits(version: Int) -> Int { version < 10 ? 8 : 16 }

    /// Mode, count, the bytes, the terminator and the pad codewords, filling the version's data capacity.
    static func dataCodewords(_ bytes: [UInt8], version: Int, correction: Correction) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) { for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) } }
        append(0b0100, 4)
        append(bytes.count, countBits(version: version))
        for byte in bytes { append(Int(byte), 8) }
        let capacity = dataCapacity(version: version, correction: correction) * 8
        append(0, min(4, capacity - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var codewords: [UInt8] = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while codewords.count < capacity / 8 {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// The data split into blocks, each followed by its Reed–Solomon codewords, interleaved as the standard reads them.
    static func codewords(_ data: [UInt8], version: Int, correction: Correction) -> [UInt8] {
        let layout = blocks[correction]![version - 1]
        let generator = ReedSolomon.generator(degree: layout.ecPerBlock)
        var dataBlocks: [[UInt8]] = [], ecBlocks: [[UInt8]] = []
        var start = 0
        for group in layout.groups {
            for _ in 0..<group.count {
                let block = Array(data[start..<start + group.data])
                start += group.data
                dataBlocks.append(block)
                ecBlocks.append(ReedSolomon.remainder(block, generator: generator))
            }
        }
        var result: [UInt8] = []
        for index in 0..<(dataBlocks.map(\.count).max() ?? 0) {
            for block in dataBlocks where index < block.count { result.append(block[index]) }
        }
        for index in 0..<layout.ecPerBlock {
            for block in ecBlocks { result.append(block[index]) }
        }
        return result
    }

    /// Reed–Solomon over GF(256) with the QR polynomial x⁸ + x⁴ + x³ + x² + 1.
    enum ReedSolomon {
        static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
            var result = 0
            for bit in stride(from: 7, through: 0, by: -1) {
                result = (result << 1) ^ ((result >> 7) * 0x11D)
                result ^= ((Int(y) >> bit) & 1) * Int(x)
            }
            return UInt8(result & 0xFF)
        }

        /// The coefficients of ∏ (x − αⁱ), i < degree, highest first without the leading 1.
        static func generator(degree: Int) -> [UInt8] {
            var result = [UInt8](repeating: 0, count: degree)
            result[degree - 1] = 1
            var root: UInt8 = 1
            for _ in 0..<degree {
                for index in 0..<degree {
                    result[index] = multiply(result[index], root)
                    if index + 1 < degree { result[index] ^= result[index + 1] }
                }
                root = multiply(root, 0x02)
            }
            return result
        }

        static func remainder(_ data: [UInt8], generator: [UInt8]) -> [UInt8] {
            var result = [UInt8](repeating: 0, count: generator.count)
            for byte in data {
                let factor = byte ^ result.removeFirst()
                result.append(0)
                for index in result.indices { result[index] ^= multiply(generator[index], factor) }
            }
            return result
        }
    }

    // MARK: The grid

    struct Grid {
        let version: Int
        let size: Int
        var dark: [[Bool]]
        var reserved: [[Bool]]

        init(version: Int) {
            self.version = version
            size = 17 + 4 * version
            dark = Array(repeating: Array(repeating: false, count: size), count: size)
            reserved = dark
        }

        mutating func set(_ row: Int, _ column: Int, _ isDark: Bool) {
            dark[row][column] = isDark
            reserved[row][column] = true
        }

        static let alignment: [[Int]] = [[], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50]]

        mutating func placeFunctionPatterns() {
            for index in 0..<size {
                set(6, index, index % 2 == 0)
                set(index, 6, index % 2 == 0)
            }
            for (row, column) in [(3, 3), (3, size - 4), (size - 4, 3)] {
                for dy in -4...4 {
                    for dx in -4...4 {
                        let r = row + dy, c = column + dx
                        guard r >= 0, r < size, c >= 0, c < size else { continue }
                        let distance = max(abs(dx), abs(dy))
                        set(r, c, distance != 2 && distance != 4)
                    }
                }
            }
            let positions = Self.alignment[version - 1]
            for row in positions {
                for column in positions {
                    // Not over the finder patterns.
                    if (row == 6 && column == 6) || (row == 6 && column == positions.last!) || (row == positions.last! && column == 6) { continue }
                    for dy in -2...2 {
                        for dx in -2...2 { set(row + dy, column + dx, max(abs(dx), abs(dy)) != 1) }
                    }
                }
            }
            // Reserve the format areas (written after masking) and the dark module.
            placeFormat(bits: 0)
            set(size - 8, 8, true)
            if version >= 7 {
                var remainder = version
                for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
                let bits = version << 12 | remainder
                for index in 0..<18 {
                    let isDark = (bits >> index) & 1 == 1
                    let a = size - 11 + index % 3, b = index / 3
                    set(a, b, isDark)
                    set(b, a, isDark)
                }
            }
        }

        mutating func placeFormat(correction: QRCode.Correction, mask: Int) {
            let data = correction.formatBits << 3 | mask
            var remainder = data
            for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
            placeFormat(bits: (data << 10 | remainder) ^ 0x5412)
        }

        private mutating func placeFormat(bits: Int) {
            func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
            for index in 0...5 { set(index, 8, bit(index)) }
            set(7, 8, bit(6))
            set(8, 8, bit(7))
            set(8, 7, bit(8))
            for index in 9..<15 { set(8, 14 - index, bit(index)) }
            for index in 0..<8 { set(8, size - 1 - index, bit(index)) }
            for index in 8..<15 { set(size - 15 + index, 8, bit(index)) }
            set(size - 8, 8, true)
        }

        /// The codewords in the standard's zigzag, two columns at a time from the bottom right, skipping the timing column.
        mutating func placeData(_ codewords: [UInt8]) {
            var index = 0
            let total = codewords.count * 8
            var right = size - 1
            while right >= 1 {
                if right == 6 { right = 5 }
                for vertical in 0..<size {
                    for offset in 0..<2 {
                        let column = right - offset
                        let upward = ((right + 1) & 2) == 0
                        let row = upward ? size - 1 - vertical : vertical
                        guard !reserved[row][column] else { continue }
                        if index < total { dark[row][column] = (codewords[index >> 3] >> (7 - (index & 7))) & 1 == 1 }
                        index += 1
                    }
                }
                right -= 2
            }
        }

        mutating func applyMask(_ mask: Int) {
            for row in 0..<size {
                for column in 0..<size where !reserved[row][column] {
                    let flip: Bool = switch mask {
                    case 0: (row + column) % 2 == 0
                    case 1: row % 2 == 0
                    case 2: column % 3 == 0
                    case 3: (row + column) % 3 == 0
                    case 4: (row / 2 + column / 3) % 2 == 0
                    case 5: row * column % 2 + row * column % 3 == 0
                    case 6: (row * column % 2 + row * column % 3) % 2 == 0
                    default: ((row + column) % 2 + row * column % 3) % 2 == 0
                    }
                    if flip { dark[row][column].toggle() }
                }
            }
        }

        /// The standard's four penalty rules: runs, 2×2 blocks, finder-like patterns, and the balance of dark modules.
        func penalty() -> Int {
            var result = 0
            for line in [dark, (0..<size).map { column in (0..<size).map { dark[$0][column] } }] {
                for row in line {
                    var run = 1
                    for index in 1..<size {
                        if row[index] == row[index - 1] {
                            run += 1
                        } else {
                            if run >= 5 { result += run - 2 }
                            run = 1
                        }
                    }
                    if run >= 5 { result += run - 2 }
                    // 1:1:3:1:1 with four light modules on either side.
                    let pattern: [Bool] = [true, false, true, true, true, false, true]
                    for start in 0...(size - 7) where Array(row[start..<start + 7]) == pattern {
                        let before = start >= 4 && !row[(start - 4)..<start].contains(true)
                        let after = start + 11 <= size && !row[(start + 7)..<(start + 11)].contains(true)
                        if before || after { result += 40 }
                    }
                }
            }
            for row in 0..<(size - 1) {
                for column in 0..<(size - 1) {
                    let colour = dark[row][column]
                    if dark[row][column + 1] == colour, dark[row + 1][column] == colour, dark[row + 1][column + 1] == colour { result += 3 }
                }
            }
            let darkCount = dark.reduce(0) { $0 + $1.filter { $0 }.count }
            result += abs(darkCount * 100 / (size * size) - 50) / 5 * 10
            return result
        }
    }
}
