//! Prints a synthetic townhall registry of N groups, for benchmarks and load tests:
//!
//! ```sh
//! cargo run --release --example synth -- 10000 > /tmp/synth.yaml
//! cargo run --release -- validate /tmp/synth.yaml
//! ```
//!
//! Field sizes follow the built-in data (names of a few words, missions of a few hundred
//! characters, a handful of projects and repos) so load, search and render costs resemble a
//! large real community. The output depends only on N and `--seed`; each group draws from its
//! own generator, so the first 100 groups of `synth 1000` are exactly `synth 100`, which keeps
//! benchmark sizes comparable. Everything is invented; no word list names real people.
// It prints text it generated itself, not outside input, so it writes to stdout directly.
#![allow(clippy::disallowed_macros, clippy::disallowed_methods)]

use std::fmt::{self, Write as _};
use std::io::{self, Write as _};
use std::process::ExitCode;

const USAGE: &str = "usage: synth N [--seed S]   (prints a registry of N synthetic groups)";
pub const DEFAULT_SEED: u64 = 0x7043_4841_4c4c;

const COMMUNITY: &str = r#"community:
  id: synth
  name: Synthetic Software Foundation
  homepage: https://synth.example.org
  links:
    - { kind: calendar, title: Community calendar, url: "https://calendar.synth.example.org/" }
    - { kind: mailing-list, title: dev list, url: "mailto:dev@lists.synth.example.org" }
"#;

use words::*;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((groups, seed)) = parse_args(&args) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let text = registry(groups, seed);
    match io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        // `synth 10000 | head` is a normal way to peek at the output.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `N` and an optional `--seed S` (or `--seed=S`), in any order.
fn parse_args(args: &[String]) -> Option<(usize, u64)> {
    let mut groups = None;
    let mut seed = DEFAULT_SEED;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if let Some(value) = arg.strip_prefix("--seed=") {
            seed = value.parse().ok()?;
        } else if arg == "--seed" {
            seed = rest.next()?.parse().ok()?;
        } else if groups.is_none() {
            groups = Some(arg.parse().ok()?);
        } else {
            return None;
        }
    }
    Some((groups?, seed))
}

/// The whole registry file: one community `synth` with `groups` groups.
pub fn registry(groups: usize, seed: u64) -> String {
    let mut out = String::with_capacity(groups * 3200 + 512);
    write_registry(&mut out, groups, seed).expect("writing to a String cannot fail");
    out
}

fn write_registry(out: &mut String, groups: usize, seed: u64) -> fmt::Result {
    let command = format!("cargo run --example synth -- {groups} --seed {seed}");
    writeln!(
        out,
        "# Synthetic registry made by `{command}`. Not real data."
    )?;
    out.push_str(COMMUNITY);
    out.push_str(if groups == 0 {
        "groups: []\n"
    } else {
        "groups:\n"
    });
    for n in 1..=groups {
        let mut rng = Rng::new(seed ^ (n as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93));
        group(out, &mut rng, n)?;
    }
    Ok(())
}

/// A small SplitMix64: deterministic, fast and good enough to vary synthetic text.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.range(0, items.len() - 1)]
    }

    /// `k` different items, so names don't say "Batch Batch" and projects don't repeat.
    fn distinct<T: Copy>(&mut self, items: &[T], k: usize) -> Vec<T> {
        let mut pool = items.to_vec();
        for i in 0..k.min(pool.len()) {
            let j = self.range(i, pool.len() - 1);
            pool.swap(i, j);
        }
        pool.truncate(k);
        pool
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.range(1, 100) <= percent
    }

    fn token(&mut self, alphabet: &[u8], len: usize) -> String {
        (0..len).map(|_| self.pick(alphabet) as char).collect()
    }
}

/// A YAML double-quoted string; the word lists hold no characters that need more escaping.
fn q(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn slug(text: &str) -> String {
    let lower = text.to_lowercase();
    lower.split_whitespace().collect::<Vec<_>>().join("-")
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn group(out: &mut String, rng: &mut Rng, n: usize) -> fmt::Result {
    let id = format!("synth-{n}");
    let words = rng.range(2, 4);
    let name = rng.distinct(NAME_WORDS, words).join(" ");
    let (kind, prefix) = rng.pick(KINDS);
    let slug = format!("{prefix}-{}", slug(&name));
    writeln!(out, "  - id: {id}\n    name: {name}\n    kind: {kind}")?;
    status(out, rng)?;
    writeln!(out, "    mission: {}", mission(rng))?;
    goals(out, rng)?;
    leads(out, rng)?;
    chat(out, rng, &slug)?;
    if rng.chance(30) {
        let url = q(&format!("https://lists.synth.example.org/g/{slug}"));
        let list = format!("{{ kind: mailing-list, title: {slug} list, url: {url} }}");
        writeln!(out, "    mailing_lists:\n      - {list}")?;
    }
    meetings(out, rng)?;
    projects(out, rng)?;
    links(out, rng, &id, &slug)?;
    writeln!(out, "    sources:\n      - {{ path: groups/{id}.md }}")
}

/// Mostly active groups, with a few gone or proposed ones so status filters have work to do.
fn status(out: &mut String, rng: &mut Rng) -> fmt::Result {
    let status = match rng.range(1, 100) {
        1..=85 => "active",
        86..=93 => "archived",
        94..=97 => "proposed",
        _ => "inactive",
    };
    writeln!(out, "    status: {status}")?;
    if status != "active" {
        let (month, day) = (rng.range(1, 12), rng.range(1, 28));
        writeln!(out, "    status_date: \"2024-{month:02}-{day:02}\"")?;
    }
    Ok(())
}

/// "build reliable tooling for platform operators"
fn clause(rng: &mut Rng) -> String {
    let words = [VERBS, ADJECTIVES, NOUNS, PREPOSITIONS, AUDIENCES].map(|list| rng.pick(list));
    words.join(" ")
}

/// 100 to 300 characters: "To ..." followed by more clauses until a drawn length is reached.
fn mission(rng: &mut Rng) -> String {
    let target = rng.range(100, 300);
    let mut text = format!("To {}", clause(rng));
    while text.len() < target {
        let joint = rng.pick(&[", and to ", ". We also ", ", while we "]);
        let next = format!("{joint}{}", clause(rng));
        if text.len() + next.len() >= 300 {
            break;
        }
        text.push_str(&next);
    }
    text.push('.');
    text
}

fn goals(out: &mut String, rng: &mut Rng) -> fmt::Result {
    out.push_str("    goals:\n");
    for _ in 0..rng.range(2, 6) {
        writeln!(out, "      - {}", capitalized(&clause(rng)))?;
    }
    Ok(())
}

fn leads(out: &mut String, rng: &mut Rng) -> fmt::Result {
    out.push_str("    leads:\n");
    for _ in 0..rng.range(1, 3) {
        let (first, last) = (rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES));
        let ascii = |s: &str| -> String { s.chars().filter(char::is_ascii_alphabetic).collect() };
        let mut github = format!("{}{}", &ascii(first)[..1], ascii(last)).to_lowercase();
        if rng.chance(40) {
            github = format!("{github}-{}", rng.range(1, 99));
        }
        let name = q(&format!("{first} {last}"));
        let (role, company) = (rng.pick(ROLES), q(rng.pick(COMPANIES)));
        writeln!(
            out,
            "      - {{ name: {name}, role: {role}, company: {company}, github: {github} }}"
        )?;
    }
    Ok(())
}

fn chat(out: &mut String, rng: &mut Rng, slug: &str) -> fmt::Result {
    out.push_str("    chat:\n");
    let id = format!("C{}", rng.token(ALNUM, 9).to_uppercase());
    let channel = q(&format!("#{slug}"));
    let url = q(&format!("https://synth.slack.com/archives/{id}"));
    let fields = format!("channel: {channel}, id: {id}, workspace: synth.slack.com, url: {url}");
    writeln!(out, "      - {{ kind: slack, {fields} }}")?;
    if rng.chance(40) {
        let channel = q(&format!("#{slug}-dev"));
        let url = q(&format!("https://discord.gg/{}", rng.token(ALNUM, 8)));
        writeln!(
            out,
            "      - {{ kind: discord, channel: {channel}, url: {url} }}"
        )?;
    }
    Ok(())
}

fn meetings(out: &mut String, rng: &mut Rng) -> fmt::Result {
    out.push_str("    meetings:\n");
    for _ in 0..rng.range(1, 2) {
        let (schedule, published) = schedule(rng);
        writeln!(out, "      - title: {}", rng.pick(MEETING_TITLES))?;
        writeln!(out, "        published: {}", q(&published))?;
        writeln!(out, "        schedule: {schedule}")?;
        join(out, rng)?;
        let notes = format!(
            "https://docs.google.com/document/d/{}",
            rng.token(ALNUM, 44)
        );
        writeln!(out, "        notes: {}", q(&notes))?;
        if rng.chance(30) {
            out.push_str("        recordings: [\"https://www.youtube.com/@synth\"]\n");
        }
    }
    Ok(())
}

/// A structured schedule and the way a source might have written it.
fn schedule(rng: &mut Rng) -> (String, String) {
    let zone = rng.pick(ZONES);
    let at = format!("{:02}:{}", rng.range(7, 18), rng.pick(&["00", "30"]));
    let minutes = match rng.pick(&[30, 45, 60, 60, 90]) {
        60 => String::new(),
        m => format!(", minutes: {m}"),
    };
    let (day, anchor) = rng.pick(WEEKDAYS);
    let day_name = capitalized(day);
    let (rule, said) = match rng.range(1, 3) {
        1 => (
            format!("every: week, on: [{day}]"),
            format!("Every {day_name}"),
        ),
        2 => (
            format!("every: week, interval: 2, anchor: \"{anchor}\", on: [{day}]"),
            format!("Every other {day_name}"),
        ),
        _ => monthly(rng, day),
    };
    let schedule = format!("{{ {rule}, at: \"{at}\", zone: {zone}{minutes} }}");
    (schedule, format!("{said} at {at} {zone}"))
}

/// "2nd tuesday", or a pair two weeks apart such as "2nd tuesday, 4th tuesday".
fn monthly(rng: &mut Rng, day: &str) -> (String, String) {
    let nth = rng.pick(ORDINALS);
    let later = match nth {
        "1st" => Some("3rd"),
        "2nd" => Some("4th"),
        "3rd" => Some("last"),
        _ => None,
    };
    let day_name = capitalized(day);
    match later.filter(|_| rng.chance(50)) {
        Some(later) => (
            format!("every: month, on: [{nth} {day}, {later} {day}]"),
            format!("{nth} and {later} {day_name} of the month"),
        ),
        None => (
            format!("every: month, on: [{nth} {day}]"),
            format!("{nth} {day_name} of the month"),
        ),
    }
}

/// Zoom with its ids and dial-in numbers, or a plain video link.
fn join(out: &mut String, rng: &mut Rng) -> fmt::Result {
    if rng.chance(30) {
        let mut letters = |len| rng.token(b"abcdefghijkmnpqrstuvwxyz", len);
        let code = format!("{}-{}-{}", letters(3), letters(4), letters(3));
        return writeln!(out, "        join: \"https://meet.google.com/{code}\"");
    }
    let (id, pwd) = (rng.token(DIGITS, 11), rng.token(ALNUM, 32));
    writeln!(out, "        join: \"https://zoom.us/j/{id}?pwd={pwd}\"")?;
    let meeting_id = format!("{} {} {}", &id[..3], &id[3..7], &id[7..]);
    writeln!(out, "        meeting_id: \"{meeting_id}\"")?;
    writeln!(out, "        passcode: \"{}\"", rng.token(DIGITS, 6))?;
    if rng.chance(50) {
        out.push_str(concat!(
            "        dial_in:\n",
            "          - { region: US, number: \"+1 646 558 8656\", toll: toll }\n",
            "          - { region: US, number: \"+1 877 369 0926\", toll: toll-free }\n",
        ));
    }
    Ok(())
}

fn projects(out: &mut String, rng: &mut Rng) -> fmt::Result {
    out.push_str("    projects:\n");
    let count = rng.range(3, 10);
    for word in rng.distinct(PROJECT_WORDS, count) {
        let name = match rng.chance(30) {
            true => format!("{word} {}", rng.pick(NAME_WORDS)),
            false => word.to_string(),
        };
        writeln!(out, "      - name: {name}")?;
        if rng.chance(80) {
            let adjective = capitalized(rng.pick(ADJECTIVES));
            let rest = [NOUNS, PREPOSITIONS, AUDIENCES].map(|list| rng.pick(list));
            writeln!(out, "        description: {adjective} {}.", rest.join(" "))?;
        }
        let owner = rng.pick(REPO_OWNERS);
        let first = rng.range(0, REPO_SUFFIXES.len() - 1);
        let repos: Vec<String> = (0..rng.range(1, 4))
            .map(|i| REPO_SUFFIXES[(first + i) % REPO_SUFFIXES.len()])
            .map(|suffix| format!("{owner}/{}{suffix}", slug(&name)))
            .collect();
        writeln!(out, "        repos: [{}]", repos.join(", "))?;
    }
    Ok(())
}

/// A charter always; docs, a shared drive and slides for some groups.
fn links(out: &mut String, rng: &mut Rng, id: &str, slug: &str) -> fmt::Result {
    let site = "https://synth.example.org";
    let charter = format!("https://github.com/synth/community/blob/main/groups/{id}.md");
    let drive = format!(
        "https://drive.google.com/drive/folders/{}",
        rng.token(ALNUM, 28)
    );
    let candidates = [
        ("charter", "Charter", charter),
        ("docs", "Documentation", format!("{site}/docs/{slug}")),
        ("drive", "Shared drive", drive),
        ("presentations", "Slides", format!("{site}/slides/{slug}")),
    ];
    out.push_str("    links:\n");
    for (kind, title, url) in &candidates[..rng.range(1, candidates.len())] {
        let url = q(url);
        writeln!(
            out,
            "      - {{ kind: {kind}, title: {title}, url: {url} }}"
        )?;
    }
    Ok(())
}

/// The vocabulary, kept as compact tables (one entry per line would be 300 lines of words).
#[rustfmt::skip]
mod words {
    pub const NAME_WORDS: &[&str] = &[
        "Cloud", "Native", "Storage", "Network", "Runtime", "Security", "Observability", "Platform",
        "Edge", "Data", "Service", "Mesh", "Identity", "Release", "Testing", "Docs", "Contributor",
        "Experience", "Infrastructure", "Application", "Delivery", "Scheduling", "Autoscaling",
        "API", "Machinery", "Node", "Policy", "Serverless", "Telemetry", "Logging", "Metrics",
        "Tracing", "Batch", "Workloads", "Devices", "Governance", "Compliance", "Supply", "Chain",
        "Operators", "Databases", "Messaging", "Streaming", "Events", "Windows", "Architecture",
        "Performance", "Reliability", "Usability", "Accessibility", "Localization", "Packaging",
        "Build", "Artifacts", "Registry", "Gateway", "Ingress", "Certificates", "Secrets", "Cost",
        "Sustainability", "Hardware", "Inference", "Cluster", "Lifecycle", "Federation", "Backup",
        "Interop", "Standards", "Education", "Mentoring", "Onboarding",
    ];
    pub const VERBS: &[&str] = &[
        "build", "maintain", "document", "improve", "define", "coordinate", "review", "standardize",
        "support", "promote", "design", "operate", "test", "secure", "simplify", "measure",
        "automate", "evolve", "publish", "steward",
    ];
    pub const ADJECTIVES: &[&str] = &[
        "reliable", "portable", "hardened", "scalable", "open", "shared", "consistent",
        "lightweight", "interoperable", "observable", "well-tested", "vendor-neutral",
        "cloud-native", "accessible", "stable", "extensible", "efficient", "reproducible",
    ];
    pub const NOUNS: &[&str] = &[
        "interfaces", "tooling", "releases", "specifications", "libraries", "APIs", "components",
        "workflows", "controllers", "plugins", "conformance tests", "reference implementations",
        "best practices", "deployment pipelines", "data formats", "operators", "guidelines",
        "dashboards", "runtimes", "protocols", "schemas", "integrations", "SDKs", "clients",
    ];
    pub const PREPOSITIONS: &[&str] = &["for", "across", "within", "around", "between",];
    pub const AUDIENCES: &[&str] = &[
        "end users", "platform operators", "application developers", "the wider community",
        "downstream distributions", "contributors", "cluster administrators", "vendors", "adopters",
        "maintainers", "other working groups", "security teams",
    ];
    pub const FIRST_NAMES: &[&str] = &[
        "Ada", "Amara", "Aiko", "Bruno", "Chen", "Dana", "Diego", "Elif", "Farah", "Greta", "Hiro",
        "Ines", "Jonas", "José", "Kavya", "Lena", "Luca", "Łukasz", "Maya", "Mateo", "Nadia",
        "Omar", "Priya", "Quinn", "Rafael", "Sana", "Søren", "Tariq", "Uma", "Viktor", "Wen",
        "Yara", "Zoë",
    ];
    pub const LAST_NAMES: &[&str] = &[
        "Abara", "Berg", "Castillo", "Dubois", "Eriksen", "Fischer", "García", "Hoffmann", "Ito",
        "Jansen", "Kowalski", "Lindqvist", "Mensah", "Nakamura", "Okafor", "Patel", "Quispe",
        "Rossi", "Schmidt", "Tanaka", "Usman", "Varga", "Wang", "Xu", "Yilmaz", "Zhang", "Novak",
        "Silva",
    ];
    pub const COMPANIES: &[&str] = &[
        "Contoso", "Fabrikam", "Northwind Traders", "Adventure Works", "Tailspin Labs", "Litware",
        "Proseware", "Wingtip Systems", "Acme Corp", "Globex", "Initech", "Independent",
    ];
    pub const ROLES: &[&str] = &["chair", "co-chair", "technical lead", "organizer", "TOC liaison"];
    pub const MEETING_TITLES: &[&str] = &[
        "Working group meeting", "Weekly sync", "Community call", "Maintainers meeting",
        "APAC-friendly call", "Office hours", "Triage session",
    ];
    pub const ZONES: &[&str] = &[
        "America/Los_Angeles", "America/New_York", "Europe/Berlin", "Europe/London", "UTC",
        "Asia/Tokyo", "Asia/Kolkata", "Australia/Sydney",
    ];
    /// Weekdays with a date in January 2026 that falls on each, to anchor every-other-week rules.
    pub const WEEKDAYS: &[(&str, &str)] = &[
        ("monday", "2026-01-05"), ("tuesday", "2026-01-06"), ("wednesday", "2026-01-07"),
        ("thursday", "2026-01-08"), ("friday", "2026-01-09"),
    ];
    pub const ORDINALS: &[&str] = &["1st", "2nd", "3rd", "4th", "last"];
    pub const PROJECT_WORDS: &[&str] = &[
        "Lumen", "Quarry", "Beacon", "Cobalt", "Ferry", "Lattice", "Sprocket", "Harbor", "Kestrel",
        "Meridian", "Nimbus", "Orbit", "Pylon", "Quill", "Relay", "Sextant", "Tern", "Umbra",
        "Vessel", "Willow", "Yarrow", "Zephyr", "Anvil", "Bramble", "Cinder", "Dynamo", "Ember",
        "Fathom", "Garnet", "Heron", "Keel", "Lantern", "Mosaic",
    ];
    pub const REPO_OWNERS: &[&str] = &["synth", "synth-incubator", "synth-sandbox", "synth-labs"];
    pub const REPO_SUFFIXES: &[&str] = &[
        "", "-operator", "-release", "-cli", "-docs", "-sdk", "-controller", "-helm-charts", "-e2e",
    ];
    /// Kinds with the channel prefix each uses, repeated to weigh them like real registries.
    pub const KINDS: &[(&str, &str)] = &[
        ("working-group", "wg"), ("working-group", "wg"), ("working-group", "wg"),
        ("sig", "sig"), ("sig", "sig"), ("tag", "tag"), ("committee", "committee"),
    ];
    pub const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    pub const DIGITS: &[u8] = b"0123456789";
}
