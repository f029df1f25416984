//! How long a keystroke takes on 10,000 synthetic groups. Ignored: it prints, never asserts.
//! Run with `cargo test --release --lib search::index::timing -- --ignored --nocapture`.

use std::time::{Duration, Instant};

use super::*;
use crate::registry::{Chat, Lead, Project};

const WORDS: &[&str] = &[
    "cloud",
    "native",
    "service",
    "platform",
    "runtime",
    "network",
    "storage",
    "security",
    "observability",
    "delivery",
    "application",
    "infrastructure",
    "identity",
    "management",
    "working",
    "group",
    "community",
    "project",
    "release",
    "operator",
    "kubernetes",
    "events",
    "serverless",
    "broker",
    "catalog",
    "policy",
    "compliance",
    "telemetry",
    "tracing",
    "metrics",
    "logging",
    "routing",
    "ingress",
    "buildpacks",
    "container",
    "registry",
    "artifact",
    "supply",
    "chain",
    "data",
    "database",
    "cluster",
    "federation",
    "scheduling",
    "autoscaling",
    "edge",
    "device",
    "batch",
    "workflow",
    "pipeline",
    "testing",
    "documentation",
    "contributor",
    "experience",
    "maintainers",
    "governance",
    "charter",
    "roadmap",
    "standards",
    "interfaces",
    "provides",
    "develops",
    "maintains",
    "coordinates",
    "across",
    "including",
    "with",
    "for",
    "and",
    "the",
    "of",
    "to",
    "in",
    "users",
    "vendors",
    "operators",
    "developers",
    "tools",
];

struct Words(u64);

impl Words {
    fn next(&mut self) -> &'static str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        WORDS[(self.0 % WORDS.len() as u64) as usize]
    }

    fn text(&mut self, words: usize, sep: &str) -> String {
        (0..words)
            .map(|_| self.next())
            .collect::<Vec<_>>()
            .join(sep)
    }

    fn title(&mut self, words: usize) -> String {
        let text = self.text(words, " ");
        text.split(' ')
            .map(capitalize)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// About 24 searchable strings per group, the mission around 350 chars.
fn synthetic(count: usize) -> Vec<Group> {
    let mut words = Words(0x9E37_79B9_7F4A_7C15);
    (0..count)
        .map(|i| Group {
            id: format!("{}-{i}", words.text(2, "-")),
            name: words.title(3),
            mission: Some(words.text(45, " ")),
            goals: (0..3).map(|_| words.text(14, " ")).collect(),
            leads: (0..2)
                .map(|_| Lead {
                    name: words.title(2),
                    github: Some(words.text(2, "")),
                    ..Lead::default()
                })
                .collect(),
            chat: (0..2)
                .map(|_| Chat {
                    channel: format!("#{}", words.text(2, "-")),
                    ..Chat::default()
                })
                .collect(),
            projects: (0..3)
                .map(|_| Project {
                    name: words.title(2),
                    description: Some(words.text(8, " ")),
                    repos: (0..2)
                        .map(|_| format!("{}/{}", words.next(), words.text(2, "-")))
                        .collect(),
                    ..Project::default()
                })
                .collect(),
            ..Group::default()
        })
        .collect()
}

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..runs {
        let start = Instant::now();
        out = Some(f());
        best = best.min(start.elapsed());
    }
    (best, out.expect("at least one run"))
}

#[test]
#[ignore = "prints timings; run in release"]
fn keystrokes_on_ten_thousand_groups() {
    let groups = synthetic(10_000);
    let (built, index) = best_of(1, || SearchIndex::new(&groups));
    println!("index 10,000 groups: {built:?}");
    for query in [
        "a",
        "c",
        "x",
        "cl",
        "clo",
        "cloud",
        "cloudev",
        "uaa",
        "service fabrik",
        "zzz",
        "!cloud",
        "cl | ser bro",
    ] {
        let query = Query::parse(query);
        let (took, hits) = best_of(20, || index.search(&query));
        println!(
            "search {query:>16?}: {took:>10.2?} {:>6} hits",
            hits.len(),
            query = input_of(&query)
        );
    }
    for typed in ["cloudevents", "service fabrik", "uaa"] {
        let mut previous = Query::default();
        let mut hits = index.search(&previous);
        let mut worst = Duration::ZERO;
        for end in 1..=typed.len() {
            let query = Query::parse(&typed[..end]);
            let start = Instant::now();
            hits = if query.narrows(&previous) {
                let within: Vec<usize> = hits.iter().map(|hit| hit.group).collect();
                index.search_within(&query, &within)
            } else {
                index.search(&query)
            };
            worst = worst.max(start.elapsed());
            previous = query;
        }
        println!(
            "typing {typed:?} one char at a time: worst keystroke {worst:.2?}, {} hits",
            hits.len()
        );
    }
}

fn input_of(query: &Query) -> String {
    let sets: Vec<String> = query
        .sets
        .iter()
        .map(|set| {
            set.iter()
                .map(|t| t.text.to_string())
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect();
    sets.join(" ")
}

#[test]
#[ignore = "for profiling: loops over the query in $SEARCH_QUERY"]
fn profile_one_query() {
    let groups = synthetic(10_000);
    let index = SearchIndex::new(&groups);
    let query = Query::parse(&std::env::var("SEARCH_QUERY").unwrap_or_else(|_| "cloudev".into()));
    let (took, hits) = best_of(50, || index.search(&query));
    println!("{took:?} {}", hits.len());
}
