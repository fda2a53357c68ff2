//! What each case connector type asks for: its config and secret fields, grouped in sections,
//! with labels, help and defaults (Kibana's `connector_types/<type>` forms, §5.2 of the notes).
//! The form renders these and [`super::form`] turns the answers into the actions API's bodies.

use casebook_api::connector::ConnectorType;

/// How a field is entered and checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One line of text.
    Text,
    /// An absolute http(s) URL.
    Url,
    /// An http(s) URL that may hold Mustache variables (`{{{external.system.id}}}`).
    UrlTemplate,
    /// A secret: a password input, never shown again.
    Secret,
    /// A checkbox.
    Bool,
    /// One of a few values: `(value, label)`.
    Select(&'static [(&'static str, &'static str)]),
    /// A JSON body with Mustache variables (a monospace textarea).
    JsonTemplate,
}

/// One input of a connector form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    /// The config or secrets key; `mappings.<name>` for a Swimlane field mapping.
    pub key: &'static str,
    /// The label.
    pub label: &'static str,
    /// How it is entered.
    pub kind: Kind,
    /// Whether it is stored in `secrets` (write-only) rather than `config`.
    pub secret: bool,
    /// Whether it must be filled in.
    pub required: bool,
    /// Required only while this Bool field is on.
    pub required_if: Option<&'static str>,
    /// Help text under the input.
    pub help: &'static str,
    /// The initial value of a new connector.
    pub default: &'static str,
}

const fn field(key: &'static str, label: &'static str, kind: Kind) -> FieldSpec {
    FieldSpec {
        key,
        label,
        kind,
        secret: false,
        required: true,
        required_if: None,
        help: "",
        default: "",
    }
}

impl FieldSpec {
    const fn secret(mut self) -> Self {
        self.secret = true;
        self
    }
    const fn optional(mut self) -> Self {
        self.required = false;
        self
    }
    const fn help(mut self, help: &'static str) -> Self {
        self.help = help;
        self
    }
    const fn default(mut self, v: &'static str) -> Self {
        self.default = v;
        self
    }
    const fn required_if(mut self, key: &'static str) -> Self {
        self.required = false;
        self.required_if = Some(key);
        self
    }
}

/// A titled group of fields.
#[derive(Clone, Copy, Debug)]
pub struct Section {
    /// The heading.
    pub title: &'static str,
    /// The fields.
    pub fields: &'static [FieldSpec],
}

const CREATE_METHODS: &[(&str, &str)] = &[("post", "POST"), ("put", "PUT")];
const GET_METHODS: &[(&str, &str)] = &[("get", "GET"), ("post", "POST")];
const UPDATE_METHODS: &[(&str, &str)] = &[("put", "PUT"), ("patch", "PATCH"), ("post", "POST")];
const COMMENT_METHODS: &[(&str, &str)] = &[("put", "PUT"), ("post", "POST"), ("patch", "PATCH")];
const SWIMLANE_TYPES: &[(&str, &str)] = &[("cases", "Cases"), ("all", "All"), ("alerts", "Alerts")];

const JIRA: &[Section] = &[
    Section {
        title: "Connection",
        fields: &[
            field("apiUrl", "URL", Kind::Url)
                .help("Your Jira site, e.g. https://company.atlassian.net."),
            field("projectKey", "Project key", Kind::Text)
                .help("Issues are created in this project."),
        ],
    },
    Section {
        title: "Authentication",
        fields: &[
            field("email", "Email address", Kind::Text).secret(),
            field("apiToken", "API token", Kind::Secret).secret(),
        ],
    },
];

const SERVICENOW: &[Section] = &[
    Section {
        title: "Connection",
        fields: &[
            field("apiUrl", "ServiceNow instance URL", Kind::Url)
                .help("For example https://company.service-now.com."),
            field("usesTableApi", "Use the Table API (legacy)", Kind::Bool)
                .optional()
                .help("Push through the Table API instead of the Elastic ServiceNow app."),
        ],
    },
    Section {
        title: "Authentication",
        fields: &[
            field("username", "Username", Kind::Text).secret(),
            field("password", "Password", Kind::Secret).secret(),
        ],
    },
];

const RESILIENT: &[Section] = &[
    Section {
        title: "Connection",
        fields: &[
            field("apiUrl", "URL", Kind::Url),
            field("orgId", "Organization ID", Kind::Text),
        ],
    },
    Section {
        title: "Authentication",
        fields: &[
            field("apiKeyId", "API key ID", Kind::Text).secret(),
            field("apiKeySecret", "API key secret", Kind::Secret).secret(),
        ],
    },
];

const SWIMLANE: &[Section] = &[
    Section {
        title: "Connection",
        fields: &[
            field("apiUrl", "API URL", Kind::Url),
            field("appId", "Application ID", Kind::Text),
            field(
                "connectorType",
                "Connector type",
                Kind::Select(SWIMLANE_TYPES),
            )
            .default("cases"),
        ],
    },
    Section {
        title: "Field mappings",
        fields: &[
            field("mappings.caseNameConfig", "Case name field ID", Kind::Text),
            field(
                "mappings.descriptionConfig",
                "Description field ID",
                Kind::Text,
            ),
            field("mappings.commentsConfig", "Comments field ID", Kind::Text)
                .optional()
                .help("Needed to push comments."),
            field("mappings.caseIdConfig", "Case ID field ID", Kind::Text).optional(),
            field("mappings.severityConfig", "Severity field ID", Kind::Text).optional(),
        ],
    },
    Section {
        title: "Authentication",
        fields: &[field("apiToken", "API token", Kind::Secret).secret()],
    },
];

const THEHIVE: &[Section] = &[
    Section {
        title: "Connection",
        fields: &[
            field("url", "URL", Kind::Url),
            field("organisation", "Organisation", Kind::Text)
                .optional()
                .help("Sent as X-Organisation; leave empty for the user's default."),
        ],
    },
    Section {
        title: "Authentication",
        fields: &[field("apiKey", "API key", Kind::Secret).secret()],
    },
];

const VARIABLES_HELP: &str = "Case values are inserted already JSON-encoded: write {{{case.title}}} \
    without quotes. Available: case.title, case.description, case.tags, case.id, case.severity, \
    case.status.";

const WEBHOOK: &[Section] = &[
    Section {
        title: "Create case",
        fields: &[
            field("createIncidentMethod", "Method", Kind::Select(CREATE_METHODS)).default("post"),
            field("createIncidentUrl", "Create case URL", Kind::UrlTemplate),
            field("createIncidentJson", "Create case object", Kind::JsonTemplate)
                .help(VARIABLES_HELP)
                .default("{\n  \"title\": {{{case.title}}},\n  \"description\": {{{case.description}}}\n}"),
            field("createIncidentResponseKey", "Case ID key in the response", Kind::Text)
                .help("Where the new case's id is in the answer, e.g. id or data.id."),
        ],
    },
    Section {
        title: "Get case information",
        fields: &[
            field("getIncidentMethod", "Method", Kind::Select(GET_METHODS)).default("get"),
            field("getIncidentUrl", "Get case URL", Kind::UrlTemplate)
                .help("Use {{{external.system.id}}} for the external case's id."),
            field("getIncidentJson", "Get case object", Kind::JsonTemplate)
                .optional()
                .help("Only sent with POST."),
            field("getIncidentResponseExternalTitleKey", "Case title key in the response", Kind::Text)
                .help("Where the external case's title is in the answer, e.g. key or title."),
            field("viewIncidentUrl", "External case view URL", Kind::UrlTemplate)
                .help("A link for people; may use {{{external.system.id}}} and {{{external.system.title}}}."),
        ],
    },
    Section {
        title: "Update case",
        fields: &[
            field("updateIncidentMethod", "Method", Kind::Select(UPDATE_METHODS)).default("put"),
            field("updateIncidentUrl", "Update case URL", Kind::UrlTemplate),
            field("updateIncidentJson", "Update case object", Kind::JsonTemplate)
                .help(VARIABLES_HELP)
                .default("{\n  \"title\": {{{case.title}}},\n  \"description\": {{{case.description}}}\n}"),
        ],
    },
    Section {
        title: "Add comment",
        fields: &[
            field("createCommentMethod", "Method", Kind::Select(COMMENT_METHODS)).default("put"),
            field("createCommentUrl", "Add comment URL", Kind::UrlTemplate)
                .optional()
                .help("Leave empty to not push comments."),
            field("createCommentJson", "Add comment object", Kind::JsonTemplate)
                .optional()
                .help("Use {{{case.comment}}} for the comment."),
        ],
    },
    Section {
        title: "Authentication",
        fields: &[
            field("hasAuth", "Require authentication", Kind::Bool)
                .optional()
                .help("HTTP basic authentication with the user and password below."),
            field("user", "Username", Kind::Text).secret().required_if("hasAuth"),
            field("password", "Password", Kind::Secret).secret().required_if("hasAuth"),
        ],
    },
];

/// The sections of a type's form (empty for `.none`).
pub fn sections(kind: ConnectorType) -> &'static [Section] {
    match kind {
        ConnectorType::None => &[],
        ConnectorType::Jira => JIRA,
        ConnectorType::ServiceNowItsm | ConnectorType::ServiceNowSir => SERVICENOW,
        ConnectorType::Resilient => RESILIENT,
        ConnectorType::Swimlane => SWIMLANE,
        ConnectorType::TheHive => THEHIVE,
        ConnectorType::CasesWebhook => WEBHOOK,
    }
}

/// Every field of a type, in form order.
pub fn fields(kind: ConnectorType) -> impl Iterator<Item = &'static FieldSpec> {
    sections(kind).iter().flat_map(|s| s.fields.iter())
}

/// Whether the type takes custom HTTP headers (Webhook - Case Management).
pub fn has_headers(kind: ConnectorType) -> bool {
    kind == ConnectorType::CasesWebhook
}

/// One sentence about what a connector type does, for the type picker.
pub fn blurb(kind: ConnectorType) -> &'static str {
    match kind {
        ConnectorType::None => "",
        ConnectorType::Jira => "Create and update issues in Jira.",
        ConnectorType::ServiceNowItsm => "Create and update incidents in ServiceNow ITSM.",
        ConnectorType::ServiceNowSir => {
            "Create and update security incidents in ServiceNow SecOps."
        }
        ConnectorType::Resilient => "Create and update incidents in IBM Resilient.",
        ConnectorType::Swimlane => "Create and update records in Swimlane.",
        ConnectorType::TheHive => "Create and update cases in TheHive.",
        ConnectorType::CasesWebhook => "Send cases to any REST API you describe.",
    }
}
