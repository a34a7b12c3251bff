import Fluent
import SchakelCore
import Vapor

extension API {
    /// The figures: indicators, their tables as CSV, the evaluation report and targets. Only for
    /// coordinators and analysts, who see aggregates and never a person (the access rule's analyst role).
    struct FigureController {
        static func requireAnalyst(_ request: Request) throws {
            guard try request.user.role == .analyst else { throw SchakelError.forbidden }
        }

        static func language(_ request: Request) throws -> UILanguage {
            UILanguage.preferred(by: request, userChoice: try request.user.language)
        }

        static func indicators(_ request: Request) async throws -> Indicators {
            let today = request.now.brusselsDay
            return Indicators(database: request.db, filter: try await FigureFilter.from(request, today: today), today: today,
                              language: try language(request))
        }

        static func name(_ request: Request) throws -> Indicators.Name {
            let text = request.parameters.get("indicator") ?? ""
            guard let name = Indicators.Name(rawValue: text) else {
                throw SchakelError.validation(field: "indicator", reason: Strings.unknownIndicator,
                                              arguments: [Indicators.Name.allCases.map(\.rawValue).joined(separator: ", ")])
            }
            return name
        }

        @Sendable func list(_ request: Request) async throws -> [String] {
            try Self.requireAnalyst(request)
            return Indicators.Name.allCases.map(\.rawValue)
        }

        @Sendable func show(_ request: Request) async throws -> IndicatorDTO {
            try Self.requireAnalyst(request)
            return try await Self.indicators(request).compute(try Self.name(request))
        }

        /// `GET /indicators/{indicator}/tables/{table}.csv`
        @Sendable func csv(_ request: Request) async throws -> Response {
            try Self.requireAnalyst(request)
            let indicator = try await Self.indicators(request).compute(try Self.name(request))
            let file = request.parameters.get("table") ?? ""
            guard file.hasSuffix(".csv"), let table = indicator.tables.first(where: { $0.id == String(file.dropLast(4)) }) else {
                throw SchakelError.notFound
            }
            let language = try Self.language(request)
            return Self.csvResponse(table.csv(totalLabel: FigureText.total(language), note: FigureText.csvNote(language)),
                                    name: "\(indicator.name)-\(table.id)")
        }

        static func csvResponse(_ body: String, name: String) -> Response {
            let response = Response(status: .ok, body: .init(string: body))
            response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).csv\"")
            return response
        }

        /// Every indicator for the period and filter: the evaluation report's quantitative part.
        @Sendable func report(_ request: Request) async throws -> EvaluationReportDTO {
            try Self.requireAnalyst(request)
            return try await EvaluationReport.build(try await Self.indicators(request))
        }

        // MARK: Targets

        struct TargetInput: Content {
            var organisationId: UUID?
            var title: String?
            var persons: Int?
            var startsOn: CalendarDate?
            var endsOn: CalendarDate?
        }

        /// The organisations the analyst's organisation may set targets for today (`TargetRules`).
        static func chain(of organisation: UUID, on database: any Database, day: CalendarDate) async throws -> Set<UUID> {
            let ids = try await AgreementPartyModel.query(on: database).filter(\.$organisation.$id == organisation).all(\.$agreement.$id)
            let agreements = try await AgreementModel.query(on: database).filter(\.$id ~~ Set(ids)).with(\.$parties).all()
            return TargetRules.chain(of: organisation, agreements: agreements.map { agreement in
                TargetRules.Agreement(parties: Set(agreement.parties.map(\.$organisation.id)), validity: agreement.validity)
            }, on: day)
        }

        @Sendable func createTarget(_ request: Request) async throws -> Response {
            try Self.requireAnalyst(request)
            let user = try request.user
            let input = try request.content.decode(TargetInput.self)
            guard let organisationID = input.organisationId else {
                throw SchakelError.validation(field: "organisationId", reason: Strings.missingField)
            }
            guard try await OrganisationModel.find(organisationID, on: request.db) != nil else {
                throw SchakelError.validation(field: "organisationId", reason: Strings.unknownOrganisation)
            }
            guard try await Self.chain(of: user.organisationID, on: request.db, day: request.now.brusselsDay).contains(organisationID) else {
                throw SchakelError.validation(field: "organisationId", reason: Strings.targetOutsideChain)
            }
            let title = try FreeText.required(input.title, field: "title", max: 200)
            guard let persons = input.persons else { throw SchakelError.validation(field: "persons", reason: Strings.missingField) }
            guard persons > 0, persons <= 1_000_000 else { throw SchakelError.validation(field: "persons", reason: Strings.mustBePositive) }
            guard let startsOn = input.startsOn else { throw SchakelError.validation(field: "startsOn", reason: Strings.missingField) }
            guard let endsOn = input.endsOn else { throw SchakelError.validation(field: "endsOn", reason: Strings.missingField) }
            guard endsOn > startsOn else { throw SchakelError.validation(field: "endsOn", reason: Strings.targetEndsBeforeStart) }
            let target = TargetModel()
            target.id = UUID()
            target.$organisation.id = organisationID
            target.title = title
            target.persons = persons
            target.startsOn = startsOn
            target.endsOn = endsOn
            target.$createdBy.id = user.id
            target.createdAt = request.now
            try await target.save(on: request.db)
            let today = request.now.brusselsDay
            let labels = try await FigureLabels.load(on: request.db, language: try Self.language(request))
            let response = Response(status: .created)
            try response.content.encode(TargetProgressDTO(target, achieved: try await Indicators.achieved(target, until: today, on: request.db),
                                                          today: today, organisation: labels.organisation(organisationID.uuidString)))
            return response
        }
    }
}
