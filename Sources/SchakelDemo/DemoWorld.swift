import Foundation
import SchakelCore

/// The chain the source cases describe (docs/domain.md#the-source-cases), as plain values: organisations,
/// agreements and the users' accounts. Built the same way for the same seed; persons come from `DemoPersonGenerator`.
public struct DemoWorld: Sendable {
    public struct Organisation: Sendable, Hashable {
        public let id: UUID
        public let slug: String
        public let name: String
        public let kind: OrganisationKind
        public let municipality: String
        public let region: String
    }

    public struct Party: Sendable, Hashable {
        public let organisation: String
        public let tasks: [PartyTask]
    }

    public struct Route: Sendable, Hashable {
        public let id: UUID
        public let from: String
        public let to: String
        public let categories: [DataCategory]
    }

    public struct Agreement: Sendable, Hashable {
        public let id: UUID
        public let title: String
        public let kind: AgreementKind
        public let region: String?
        public let validity: Validity
        public let parties: [Party]
        public let routes: [Route]
    }

    public struct Account: Sendable, Hashable {
        public let id: UUID
        public let email: String
        public let displayName: String
        public let organisation: String
        public let role: UserRole
    }

    public let seed: UInt64
    public let organisations: [Organisation]
    public let agreements: [Agreement]
    public let accounts: [Account]

    public static let password = "schakel-demo"

    public static func email(role: UserRole, organisation slug: String) -> String {
        "\(role.rawValue)@\(slug).demo"
    }

    public func organisation(slug: String) -> Organisation? { organisations.first { $0.slug == slug } }

    public init(seed: UInt64) {
        self.seed = seed
        var random = SeededGenerator(seed: seed ^ 0x5C4A_4E4B_454C_0001)
        let municipalities = Dictionary(uniqueKeysWithValues: ReferenceRegions.municipalities.map { ($0.nisCode, $0) })
        let organisations = DemoWorld.organisationSpecs.map { spec in
            Organisation(id: random.uuid(), slug: spec.slug, name: spec.name, kind: spec.kind,
                         municipality: spec.municipality, region: municipalities[spec.municipality]!.regionCode)
        }
        self.organisations = organisations
        self.agreements = DemoWorld.agreementSpecs(organisations: organisations).map { spec in
            Agreement(id: random.uuid(), title: spec.title, kind: spec.kind, region: spec.region,
                      validity: spec.validity, parties: spec.parties,
                      routes: spec.routes.map { Route(id: random.uuid(), from: $0.0, to: $0.1, categories: $0.2) })
        }
        var accounts: [Account] = []
        for organisation in organisations {
            for role in UserRole.allCases {
                accounts.append(Account(id: random.uuid(), email: DemoWorld.email(role: role, organisation: organisation.slug),
                                        displayName: "\(DemoWorld.roleTitle(role)) \(organisation.name)",
                                        organisation: organisation.slug, role: role))
            }
        }
        self.accounts = accounts
    }

    static func roleTitle(_ role: UserRole) -> String {
        switch role {
        case .socialWorker: return "Maatschappelijk werker"
        case .trajectoryCounsellor: return "Trajectbegeleider"
        case .jobCounsellor: return "Jobcoach"
        case .consultant: return "Consulent"
        case .employerContact: return "Werkgeverscontact"
        case .analyst: return "Coördinator"
        case .administrator: return "Beheerder"
        }
    }

    struct OrganisationSpec {
        let slug: String, name: String, kind: OrganisationKind, municipality: String
    }

    /// The source cases (docs/domain.md#the-source-cases): 004 (Poelkapelle), 000 (AgII in five provinces and
    /// Brussels), 001 (Ghent), 002 (Mechelen), 003 (learning-work companies). Providers and employers are invented.
    static let organisationSpecs: [OrganisationSpec] = [
        .init(slug: "fedasil-poelkapelle", name: "Fedasil opvangcentrum Poelkapelle", kind: .reception, municipality: "33040"),
        .init(slug: "agii-antwerpen", name: "Agentschap Integratie en Inburgering Antwerpen", kind: .integration, municipality: "11002"),
        .init(slug: "agii-vlaams-brabant", name: "Agentschap Integratie en Inburgering Vlaams-Brabant", kind: .integration, municipality: "24062"),
        .init(slug: "agii-west-vlaanderen", name: "Agentschap Integratie en Inburgering West-Vlaanderen", kind: .integration, municipality: "31005"),
        .init(slug: "agii-oost-vlaanderen", name: "Agentschap Integratie en Inburgering Oost-Vlaanderen", kind: .integration, municipality: "41002"),
        .init(slug: "agii-limburg", name: "Agentschap Integratie en Inburgering Limburg", kind: .integration, municipality: "71022"),
        .init(slug: "agii-brussel", name: "Agentschap Integratie en Inburgering Brussel", kind: .integration, municipality: "21004"),
        .init(slug: "in-gent", name: "IN-Gent", kind: .integration, municipality: "44021"),
        .init(slug: "hvn-brussel", name: "Huis van het Nederlands Brussel", kind: .integration, municipality: "21004"),
        .init(slug: "vdab-antwerpen", name: "VDAB Antwerpen", kind: .employmentService, municipality: "11002"),
        .init(slug: "vdab-mechelen", name: "VDAB Mechelen", kind: .employmentService, municipality: "12025"),
        .init(slug: "vdab-leuven", name: "VDAB Leuven", kind: .employmentService, municipality: "24062"),
        .init(slug: "vdab-brugge", name: "VDAB Brugge", kind: .employmentService, municipality: "31005"),
        .init(slug: "vdab-ieper", name: "VDAB Ieper", kind: .employmentService, municipality: "33011"),
        .init(slug: "vdab-gent", name: "VDAB Gent", kind: .employmentService, municipality: "44021"),
        .init(slug: "vdab-aalst", name: "VDAB Aalst", kind: .employmentService, municipality: "41002"),
        .init(slug: "vdab-hasselt", name: "VDAB Hasselt", kind: .employmentService, municipality: "71022"),
        .init(slug: "vdab-brussel", name: "VDAB Brussel", kind: .employmentService, municipality: "21004"),
        .init(slug: "actiris", name: "Actiris", kind: .employmentService, municipality: "21004"),
        .init(slug: "ocmw-mechelen", name: "OCMW Mechelen", kind: .ocmw, municipality: "12025"),
        .init(slug: "jobteam-gent", name: "Jobteam Gent", kind: .intensiveGuidance, municipality: "44021"),
        .init(slug: "stad-gent", name: "Stad Gent", kind: .municipality, municipality: "44021"),
        .init(slug: "leerpunt-opleidingen", name: "Leerpunt Opleidingen", kind: .trainingProvider, municipality: "12025"),
        .init(slug: "werkhuis-mechelen", name: "Werkhuis Mechelen (leerwerkbedrijf)", kind: .learningWorkCompany, municipality: "12025"),
        .init(slug: "bakkerij-van-acker", name: "Bakkerij Van Acker", kind: .employer, municipality: "44021"),
        .init(slug: "logistiek-schelde", name: "Logistiek Schelde", kind: .employer, municipality: "11002"),
        .init(slug: "zorgcentrum-de-linde", name: "Zorgcentrum De Linde", kind: .employer, municipality: "12025"),
        .init(slug: "bouwbedrijf-maes", name: "Bouwbedrijf Maes", kind: .employer, municipality: "71022"),
    ]

    struct AgreementSpec {
        let title: String, kind: AgreementKind, region: String?, validity: Validity
        let parties: [Party]
        let routes: [(String, String, [DataCategory])]
    }

    /// What travels when an integration service hands someone to the employment service.
    /// What travels for guidance to work, the trajectory included: the receiver sees the steps already
    /// taken and records its own (docs/domain.md#chain-cooperation: nobody asks the same questions twice).
    public static let profileForWork: [DataCategory] = [
        .identity, .contact, .legalStatus, .languages, .education, .workExperience,
        .competencesAndWishes, .availabilityAndConstraints, .trajectoryAndReferrals,
    ]
    /// What the employment service reports back: the closed loop.
    static let feedback: [DataCategory] = [.identity, .trajectoryAndReferrals]

    static func agreementSpecs(organisations: [Organisation]) -> [AgreementSpec] {
        let convenant = Validity(from: CalendarDate(2016, 9, 1))
        let integrationTasks: [PartyTask] = [.civicOrientation, .screening, .guidance, .jointConsultationDays]
        let employmentTasks: [PartyTask] = [.screening, .guidance, .training, .reporting, .jointConsultationDays]
        var specs: [AgreementSpec] = []
        // docs/domain.md#case-000: five provincial AgII–VDAB agreements.
        let provincial: [(String, String, [String])] = [
            ("Antwerpen", "agii-antwerpen", ["vdab-antwerpen", "vdab-mechelen"]),
            ("Vlaams-Brabant", "agii-vlaams-brabant", ["vdab-leuven"]),
            ("West-Vlaanderen", "agii-west-vlaanderen", ["vdab-brugge", "vdab-ieper"]),
            ("Oost-Vlaanderen", "agii-oost-vlaanderen", ["vdab-gent", "vdab-aalst"]),
            ("Limburg", "agii-limburg", ["vdab-hasselt"]),
        ]
        for (province, agii, vdabs) in provincial {
            let region = organisations.first { $0.slug == agii }!.region
            specs.append(AgreementSpec(
                title: "Regionale samenwerkingsovereenkomst AgII–VDAB \(province)", kind: .regional, region: region,
                validity: convenant,
                parties: [Party(organisation: agii, tasks: integrationTasks)]
                    + vdabs.map { Party(organisation: $0, tasks: employmentTasks) },
                routes: vdabs.flatMap { [(agii, $0, profileForWork), ($0, agii, feedback)] }))
        }
        // docs/domain.md#case-000: Brussels with Actiris and the Huis van het Nederlands.
        specs.append(AgreementSpec(
            title: "Samenwerkingsovereenkomst AgII–VDAB–Actiris–Huis van het Nederlands Brussel", kind: .regional,
            region: ReferenceRegions.brussel.nisCode, validity: convenant,
            parties: [
                Party(organisation: "agii-brussel", tasks: integrationTasks),
                Party(organisation: "vdab-brussel", tasks: employmentTasks),
                Party(organisation: "actiris", tasks: employmentTasks),
                Party(organisation: "hvn-brussel", tasks: [.languageCourses, .screening]),
            ],
            routes: [
                ("agii-brussel", "actiris", profileForWork), ("agii-brussel", "vdab-brussel", profileForWork),
                ("hvn-brussel", "actiris", [.identity, .languages]), ("hvn-brussel", "vdab-brussel", [.identity, .languages]),
                ("actiris", "agii-brussel", feedback), ("vdab-brussel", "agii-brussel", feedback),
            ]))
        // docs/domain.md#case-004: the reception centre refers residents to VDAB once they may work; VDAB reports back.
        specs.append(AgreementSpec(
            title: "Ketenafspraak Fedasil Poelkapelle – VDAB Ieper", kind: .bilateral,
            region: ReferenceRegions.westVlaanderen.nisCode, validity: Validity(from: CalendarDate(2019, 3, 1)),
            parties: [
                Party(organisation: "fedasil-poelkapelle", tasks: [.reception, .screening]),
                Party(organisation: "vdab-ieper", tasks: [.guidance, .training, .reporting]),
            ],
            routes: [("fedasil-poelkapelle", "vdab-ieper", profileForWork),
                     ("vdab-ieper", "fedasil-poelkapelle", feedback)]))
        // docs/domain.md#case-001: IN-Gent → VDAB → Jobteam, with case conferences between VDAB and the Jobteam.
        specs.append(AgreementSpec(
            title: "Gentse route naar werk: IN-Gent – VDAB Gent – Jobteam", kind: .regional,
            region: ReferenceRegions.oostVlaanderen.nisCode,
            validity: Validity(from: CalendarDate(2020, 1, 1), until: CalendarDate(2027, 12, 31)),
            parties: [
                Party(organisation: "in-gent", tasks: integrationTasks),
                Party(organisation: "vdab-gent", tasks: [.screening, .guidance, .reporting]),
                Party(organisation: "jobteam-gent", tasks: [.intensiveGuidance, .employerServices, .reporting]),
                Party(organisation: "stad-gent", tasks: [.reporting]),
            ],
            routes: [
                ("in-gent", "vdab-gent", profileForWork),
                ("vdab-gent", "jobteam-gent", profileForWork + [.assessment]),
                ("vdab-gent", "in-gent", feedback), ("jobteam-gent", "vdab-gent", feedback + [.assessment]),
            ]))
        // docs/domain.md#case-002: OCMW Mechelen and VDAB (training requests, liaison), with the work-experience partners.
        specs.append(AgreementSpec(
            title: "Samenwerking OCMW Mechelen – VDAB Mechelen (werkervaring en opleiding)", kind: .bilateral,
            region: ReferenceRegions.antwerpen.nisCode, validity: Validity(from: CalendarDate(2021, 1, 1)),
            parties: [
                Party(organisation: "ocmw-mechelen", tasks: [.guidance, .workExperience]),
                Party(organisation: "vdab-mechelen", tasks: [.screening, .training, .reporting]),
                Party(organisation: "leerpunt-opleidingen", tasks: [.training]),
                Party(organisation: "werkhuis-mechelen", tasks: [.workExperience]),
            ],
            routes: [
                ("ocmw-mechelen", "vdab-mechelen", profileForWork), ("vdab-mechelen", "ocmw-mechelen", feedback),
                ("ocmw-mechelen", "leerpunt-opleidingen", [.identity, .contact, .languages, .education]),
                ("ocmw-mechelen", "werkhuis-mechelen", [.identity, .contact, .languages, .workExperience]),
            ]))
        return specs
    }
}
