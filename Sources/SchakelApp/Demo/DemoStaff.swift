import Foundation
import SchakelCore
import SchakelDemo

/// Who in a demo organisation records its part of the demo: the first account with the first of
/// the wanted roles, else any account of it. Shared by the demo's past and its activity.
struct DemoStaff: Sendable {
    static let caseworkers: [UserRole] = [.socialWorker, .trajectoryCounsellor, .jobCounsellor, .consultant]

    private let accounts: [UUID: [DemoWorld.Account]]

    init(_ world: DemoWorld) {
        let ids = Dictionary(uniqueKeysWithValues: world.organisations.map { ($0.slug, $0.id) })
        accounts = Dictionary(grouping: world.accounts) { ids[$0.organisation]! }
    }

    func member(of organisation: UUID, _ roles: [UserRole] = caseworkers) -> UUID {
        for role in roles { if let account = accounts[organisation]?.first(where: { $0.role == role }) { return account.id } }
        return accounts[organisation]!.first!.id
    }
}
