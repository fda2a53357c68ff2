//! Word lists for the demo data: titles, descriptions, comments, tags, categories and alert
//! rules per owner, in the style of real security and operations incidents. Templates use
//! `{host}`, `{user}`, `{ip}`, `{malware}`, `{service}`, `{region}`, `{build}`, `{team}`,
//! `{vendor}`, `{control}` and `{num}` placeholders, filled by the generator.

/// The seeded people: login name and display name. E-mails are `<login>@example.com`.
pub const PEOPLE: &[(&str, &str)] = &[
    ("alice.chen", "Alice Chen"),
    ("bob.okafor", "Bob Okafor"),
    ("carla.mendes", "Carla Mendes"),
    ("dmitri.volkov", "Dmitri Volkov"),
    ("emma.larsen", "Emma Larsen"),
    ("farah.haddad", "Farah Haddad"),
    ("george.kim", "George Kim"),
    ("hana.sato", "Hana Sato"),
];

/// Titles per owner (`securitySolution`, `observability`, `cases`).
pub const TITLES: [&[&str]; 3] = [
    &[
        "Suspicious PowerShell execution on {host}",
        "Possible credential dumping via LSASS access on {host}",
        "Brute-force logins against {user} from {ip}",
        "Malware detected: {malware} on {host}",
        "Phishing email reported by {user}",
        "Unusual outbound traffic from {host} to {ip}",
        "Privilege escalation attempt on {host}",
        "Ransomware behaviour on {host} ({malware})",
        "Impossible travel sign-in for {user}",
        "New local admin account created on {host}",
        "Lateral movement over SMB from {host}",
        "DNS tunnelling suspected from {host}",
    ],
    &[
        "High CPU on {service} in {region}",
        "Latency SLO breach: {service} p99 above 800 ms",
        "Error rate spike on {service} after deploy {build}",
        "Disk almost full on {host}",
        "Memory leak suspected in {service}",
        "{service} pods crash-looping in {region}",
        "TLS certificate expiring for {service}",
        "Kafka consumer lag growing on {service}",
        "Database connection pool exhausted ({service})",
        "Synthetic monitor failing: {service} login journey",
    ],
    &[
        "Access review for the {team} team",
        "Vendor outage: {vendor}",
        "Customer escalation #{num} ({team})",
        "Audit finding: {control}",
        "Data retention request from {team}",
        "Compliance evidence for {control}",
        "License renewal blocked: {vendor}",
        "Onboarding issue for {user}",
    ],
];

/// Markdown description bodies per owner (a summary line is put before them).
pub const DESCRIPTIONS: [&[&str]; 3] = [
    &[
        "### Indicators\n- Host: `{host}`\n- User: `{user}`\n- Source IP: `{ip}`\n\n### Next steps\n1. Isolate the host\n2. Collect a memory image\n3. Reset the user's credentials",
        "Detected by **Elastic Defend**. The process tree shows `{malware}` spawned from `explorer.exe`.\n\n| Field | Value |\n|---|---|\n| host | {host} |\n| user | {user} |\n| remote | {ip} |",
        "Tier-1 triage so far:\n- [x] confirmed alert is not a known test\n- [ ] check other hosts for the same hash\n- [ ] notify the owner ({user})\n\nTicket INC-{num}.",
    ],
    &[
        "### Impact\nCustomers in {region} see slow responses from `{service}`.\n\n### Timeline\n- alert fired\n- on-call paged\n- mitigation: scale out `{service}`",
        "Started after deploy `{build}`. Dashboards: APM > Services > {service}.\n\n```\nerror.rate > 5% for 10m\n```\nOn-call: {user}. Ticket OPS-{num}.",
        "Host `{host}` crossed the threshold. Runbook: *Capacity / disk*.\n\n1. Check log rotation\n2. Expand the volume if needed",
    ],
    &[
        "Requested by the **{team}** team. Owner: {user}.\n\n- Due in 14 days\n- Evidence goes to the shared folder\n\nReference REQ-{num}.",
        "{vendor} reported degraded service. Tracking impact on our teams.\n\n> Status page: investigating\n\nReference VEN-{num}.",
        "Control **{control}** needs evidence for the quarterly review.\n\n1. Export the access list\n2. Get sign-off from {user}",
    ],
];

/// Comment texts (any owner).
pub const COMMENTS: &[&str] = &[
    "Isolated `{host}` from the network; collecting a memory image now.",
    "Checked {ip} against threat intel: **no prior sightings**.",
    "Looks like a false positive: the script is our backup job. Adding an exception.",
    "Escalating to tier-2. @{user} please take a look.",
    "> Customer confirms impact started around 09:40 UTC.\n\nLinking to the status page update.",
    "Rolled back `{build}`; error rate is back to baseline.",
    "Root cause: connection pool too small after the last config change. Fix in review.",
    "Reset credentials for {user} and revoked active sessions.",
    "Added a detection rule for this pattern; closing once it has run for a day.",
    "Waiting on {vendor} support (ticket {num}).",
    "Timeline updated:\n- first seen\n- contained\n- eradicated",
    "Scaled `{service}` from 6 to 10 replicas in {region} as a stop-gap.",
];

/// Tags per owner, most common first (picked with a Zipf-like skew).
pub const TAGS: [&[&str]; 3] = [
    &[
        "endpoint",
        "malware",
        "phishing",
        "credential-access",
        "windows",
        "tier-1",
        "lateral-movement",
        "ransomware",
        "network",
        "identity",
        "linux",
        "cloud",
        "exfiltration",
        "false-positive",
        "mitre:T1059",
        "mitre:T1003",
        "tier-2",
        "mitre:T1566",
        "macos",
        "vip",
        "mitre:T1021",
        "mitre:T1486",
    ],
    &[
        "latency",
        "errors",
        "kubernetes",
        "on-call",
        "saturation",
        "database",
        "deploy",
        "slo",
        "customer-impact",
        "apm",
        "kafka",
        "synthetics",
        "infra",
        "network",
        "postmortem",
    ],
    &[
        "compliance",
        "audit",
        "vendor",
        "access-review",
        "customer",
        "gdpr",
        "sox",
        "legal",
        "hr",
        "finance",
    ],
];

/// Categories per owner.
pub const CATEGORIES: [&[&str]; 3] = [
    &[
        "Malware",
        "Phishing",
        "Intrusion",
        "Insider threat",
        "Policy violation",
        "Vulnerability",
    ],
    &[
        "Availability",
        "Performance",
        "Capacity",
        "Deployment",
        "Configuration",
    ],
    &["Compliance", "Vendor", "Access", "Customer", "Legal"],
];

/// Alert rules per owner (the `cases` owner gets no alerts).
pub const RULES: [&[&str]; 3] = [
    &[
        "Malicious Behavior Prevention Alert",
        "Potential Credential Access via LSASS Memory Dump",
        "Suspicious PowerShell Script",
        "Multiple Logon Failure Followed by Logon Success",
        "Unusual Network Connection via RunDLL32",
    ],
    &[
        "Inventory threshold: CPU usage above 90%",
        "APM latency threshold",
        "APM error count threshold",
        "Log threshold: OOMKilled",
        "Uptime monitor status",
    ],
    &[],
];

/// Alert indices per owner.
pub const ALERT_INDEX: [&str; 3] = [
    ".internal.alerts-security.alerts-default-000001",
    ".internal.alerts-observability.metrics.alerts-default-000001",
    "",
];

/// Placeholder values.
pub const HOST_PREFIXES: &[&str] = &[
    "web", "db", "api", "auth", "mail", "build", "vpn", "dc", "k8s-node", "cache",
];
/// Environments in host names.
pub const ENVS: &[&str] = &["prod", "stg", "dev"];
/// Malware families.
pub const MALWARE: &[&str] = &[
    "Emotet",
    "QakBot",
    "Cobalt Strike beacon",
    "Mimikatz",
    "LockBit",
    "BlackCat",
    "AgentTesla",
    "IcedID",
    "Raccoon Stealer",
    "njRAT",
];
/// Service names.
pub const SERVICES: &[&str] = &[
    "checkout",
    "payments",
    "search-api",
    "auth-service",
    "inventory",
    "recommendations",
    "notifications",
    "gateway",
    "orders",
    "billing",
];
/// Cloud regions.
pub const REGIONS: &[&str] = &["us-east-1", "eu-west-1", "ap-southeast-2", "eu-central-1"];
/// Teams.
pub const TEAMS: &[&str] = &[
    "Finance",
    "HR",
    "Platform",
    "Sales",
    "Support",
    "Legal",
    "Marketing",
];
/// Vendors.
pub const VENDORS: &[&str] = &[
    "Okta",
    "Slack",
    "Zoom",
    "Salesforce",
    "GitHub",
    "Atlassian",
    "Cloudflare",
];
/// Audit controls.
pub const CONTROLS: &[&str] = &["SOC 2 CC6.1", "ISO 27001 A.9.2", "PCI DSS 8.3", "NIST AC-2"];
