import Fluent
import Foundation
import SchakelCore
import SQLKit

/// Keeps the figures' read model (`fact_persons`, `fact_referrals`) in step with the dossiers. Every
/// write that changes what a person's figures depend on calls `refresh` inside its own transaction, so
/// the figures are live and exact: no nightly job, no sampling.
enum FigureFacts {
    static let personTable = "fact_persons"
    static let referralTable = "fact_referrals"

    static let personColumns = [
        "person_id", "owner_id", "region", "legal_status", "rtw_day", "rtw_month", "first_referral_day", "first_referral_month",
        "first_from_id", "first_to_id", "first_job_day", "first_outcome_day", "at6", "at12", "at24", "dutch_first_rank",
        "dutch_first_day", "dutch_last_rank", "dutch_last_day", "dutch_last_month", "worked",
    ]
    static let referralColumns = [
        "referral_id", "person_id", "from_id", "to_id", "purpose", "state", "sent_day", "sent_month", "due_day", "contact_day",
        "decided_day", "decision", "refusal_reason", "reconsidered", "accepted_day", "accepted_month", "completed_day", "outcome",
        "offer_id", "owner_id", "region", "legal_status", "rtw_month", "first_referral_month",
    ]

    static func row(_ facts: PersonFigures) -> [any Encodable & Sendable] {
        func flag(_ months: Int) -> Int? { facts.inJobOrTrainingAt[months].map { $0 ? 1 : 0 } }
        return [
            facts.personID, facts.ownerID, facts.region, facts.legalStatus?.rawValue, facts.rightToWorkOn?.dayNumber,
            facts.rightToWorkOn?.monthKey, facts.firstReferral?.on.dayNumber, facts.firstReferral?.on.monthKey,
            facts.firstReferral?.fromID, facts.firstReferral?.toID, facts.firstJobOn?.dayNumber, facts.firstJobOrTrainingOn?.dayNumber,
            flag(6), flag(12), flag(24), facts.dutch?.first.rank, facts.dutch?.firstOn.dayNumber, facts.dutch?.last.rank,
            facts.dutch?.lastOn.dayNumber, facts.dutch?.lastOn.monthKey, facts.dutch.map { $0.worked ? 1 : 0 },
        ]
    }

    static func row(_ referral: ReferralFigures, of person: PersonFigures) -> [any Encodable & Sendable] {
        [
            referral.referralID, referral.personID, referral.fromID, referral.toID, referral.purpose, referral.state.rawValue,
            referral.sentOn?.dayNumber, referral.sentOn?.monthKey, referral.dueOn?.dayNumber, referral.contactOn?.dayNumber,
            referral.decidedOn?.dayNumber, referral.firstDecision?.rawValue, referral.refusalReason?.rawValue,
            referral.reconsidered ? 1 : 0, referral.acceptedOn?.dayNumber, referral.acceptedOn?.monthKey,
            referral.completedOn?.dayNumber, referral.outcome?.rawValue, referral.offerID,
            person.ownerID, person.region, person.legalStatus?.rawValue, person.rightToWorkOn?.monthKey,
            person.firstReferral?.on.monthKey,
        ]
    }

    /// Rewrites one person's facts from the dossier, inside the caller's transaction.
    static func refresh(person personID: UUID, today: CalendarDate, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        // Two writes on one person at once (two referral steps) would both delete and re-insert the
        // same rows: lock the person first (PostgreSQL; SQLite has one writer anyway).
        _ = try await sql.select().column("id").from(PersonModel.schema).where("id", .equal, personID)
            .lockingClause(NoKeyUpdateLock()).all()
        try await sql.delete(from: referralTable).where("person_id", .equal, personID).run()
        try await sql.delete(from: personTable).where("person_id", .equal, personID).run()
        guard let dossier = try await DossierStore.find(personID, on: database) else { return }
        let profile = dossier.profile
        let region = try await MunicipalityModel.find(profile.homeMunicipality, on: database)?.$region.id ?? ""
        let steps = try await TrajectoryStepModel.query(on: database).filter(\.$person.$id == personID).all().map(\.step)
        let recorded = try await MilestoneModel.query(on: database).filter(\.$person.$id == personID).all()
            .map { Milestone(kind: $0.kind, on: $0.on, source: .recorded) }
        let referrals = try await ReferralModel.query(on: database).filter(\.$person.$id == personID).all()
        let ids = referrals.compactMap(\.id)
        let events = ids.isEmpty ? [] : try await ReferralEventModel.query(on: database).filter(\.$referral.$id ~~ ids)
            .sort(\.$position).all()
        let sent = referrals.compactMap { model in
            model.sentOn.map { PersonFigures.SentReferral(sentOn: $0, fromID: model.$from.id, toID: model.$to.id) }
        }
        let facts = PersonFigures.derive(personID: personID, ownerID: profile.ownerOrganisationID, region: region,
                                       statusHistory: profile.statusHistory, protectionRequestedOn: profile.protectionRequestedOn,
                                       languages: profile.languages, steps: steps, referrals: sent, recorded: recorded, today: today)
        let referralRows = referrals.filter { $0.sentOn != nil }.map { model in
            let history = events.filter { $0.$referral.id == model.id }.map {
                ReferralFigures.Event(action: $0.action, on: $0.at.brusselsDay, reason: $0.reasonCode, outcome: $0.outcome)
            }
            return row(ReferralFigures.derive(referralID: model.id!, personID: personID, fromID: model.$from.id, toID: model.$to.id,
                                            purpose: model.purpose.rawValue, state: model.state, sentOn: model.sentOn,
                                            dueOn: model.dueOn, offerID: model.$offer.id, events: history), of: facts)
        }
        try await BulkInsert.rows(into: personTable, columns: personColumns, rows: [row(facts)], on: sql)
        try await BulkInsert.rows(into: referralTable, columns: referralColumns, rows: referralRows, on: sql)
    }

    /// Fills the figures' facts when a database has dossiers but no facts (one migrated from before migration 007,
    /// whose backfill runs no live code): run after migrating, at `serve`. Answers whether it rebuilt.
    @discardableResult
    static func fillIfMissing(on database: any Database, today: CalendarDate) async throws -> Bool {
        guard let sql = database as? any SQLDatabase else { return false }
        struct Count: Decodable { let n: Int }
        let facts = try await sql.raw("SELECT COUNT(*) AS n FROM (SELECT 1 FROM \(ident: personTable) LIMIT 1) AS f")
            .first(decoding: Count.self)?.n ?? 0
        guard facts == 0, try await PersonModel.query(on: database).count() > 0 else { return false }
        try await rebuild(on: database, today: today)
        return true
    }

    /// Every person's facts again (after a database from before migration 007, and `schakel figures rebuild` after a restore).
    static func rebuild(on database: any Database, today: CalendarDate = Date().brusselsDay) async throws {
        var after: UUID?
        while true {
            var query = PersonModel.query(on: database).field(\.$id).sort(\.$id).limit(500)
            if let after { query = query.filter(\.$id > after) }
            let ids = try await query.all().compactMap(\.id)
            guard let last = ids.last else { return }
            try await database.transaction { db in
                for id in ids { try await refresh(person: id, today: today, on: db) }
            }
            after = last
        }
    }
}

/// `FOR NO KEY UPDATE` on PostgreSQL, nothing elsewhere. Not `FOR UPDATE`: that waits for the
/// key-share locks every insert of a row referring to the person holds (a referral event, a step),
/// so two such writes on one person would each wait for the other: a deadlock.
struct NoKeyUpdateLock: SQLExpression {
    func serialize(to serializer: inout SQLSerializer) {
        if serializer.dialect.name == "postgresql" { serializer.write("FOR NO KEY UPDATE") }
    }
}
