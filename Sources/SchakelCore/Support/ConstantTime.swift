/// Comparing secrets (form tokens, signatures) in time that does not depend on how much of a guess was right.
public enum ConstantTime {
    public static func equals(_ left: String, _ right: String) -> Bool {
        guard left.utf8.count == right.utf8.count else { return false }
        return zip(left.utf8, right.utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
