//! How long a keystroke takes on 10,000 synthetic groups. Ignored: these print, never assert.
//! Run with `cargo test --release --lib search::index::timing::keystrokes -- --ignored
//! --nocapture`; `profile_phases` and `profile_typing` take the query from $SEARCH_QUERY and,
//! with $SEARCH_REGISTRY, a registry file such as `cargo run --example synth -- 10000` prints.

use std::time::{Duration, Instant};

use super::synthetic::{Vocabulary, synthetic};
use super::*;

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

/// CPU time this thread has used, from /proc (Linux; ticks of 10 ms, so average many runs):
/// unlike wall time it does not grow while other processes have the cores.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit(')').next()?.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// Average CPU time of one single-threaded search (matching and sorting, as `search` does
/// on one core).
fn cpu_per_search(index: &SearchIndex, query: &Query, runs: u32) -> Option<Duration> {
    let all: Vec<usize> = (0..index.len()).collect();
    let start = thread_cpu_time()?;
    for _ in 0..runs {
        let mut hits = index.hits(query, &all);
        hits.sort_unstable_by(|a, b| b.score.cmp(&a.score).then(a.group.cmp(&b.group)));
        std::hint::black_box(hits);
    }
    Some((thread_cpu_time()? - start) / runs)
}

#[test]
#[ignore = "prints timings; run in release"]
fn keystrokes_on_ten_thousand_groups() {
    for vocabulary in [Vocabulary::Small, Vocabulary::Large] {
        let groups = synthetic(10_000, vocabulary);
        let (built, index) = best_of(1, || SearchIndex::new(&groups));
        println!("{vocabulary:?} vocabulary: index 10,000 groups in {built:.0?}");
        let queries = [
            "a",
            "c",
            "x",
            "cl",
            "clo",
            "cloud",
            "cloudev",
            "uaa",
            "service fabrik",
            "!cloud",
            "cl | ser bro",
        ];
        for input in queries {
            let query = Query::parse(input);
            let (wall, hits) = best_of(20, || index.search(&query));
            let cpu = cpu_per_search(&index, &query, 40).map_or("?".into(), |d| format!("{d:.1?}"));
            println!(
                "{input:>16}: {wall:>7.1?} wall (best of 20), {cpu:>7} CPU on one core, {:>5} hits",
                hits.len()
            );
        }
        for typed in ["cloudevents", "service fabrik", "uaa"] {
            let (worst, hits) = type_out(&index, typed);
            println!("typing {typed:?} key by key: slowest key {worst:.1?} wall, {hits} hits");
        }
    }
}

/// Types `text` one char at a time the way the TUI does (within the last hits when the new
/// query narrows the old one): the slowest keystroke and the final number of hits.
fn type_out(index: &SearchIndex, text: &str) -> (Duration, usize) {
    let mut previous = Query::default();
    let mut hits = index.search(&previous);
    let mut worst = Duration::ZERO;
    for end in 1..=text.len() {
        let query = Query::parse(&text[..end]);
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
    (worst, hits.len())
}

#[test]
#[ignore = "for profiling: where a search's time goes, for the query in $SEARCH_QUERY"]
fn profile_phases() {
    let groups = groups_for_profiling();
    let index = SearchIndex::new(&groups);
    let query = Query::parse(&std::env::var("SEARCH_QUERY").unwrap_or_else(|_| "a".into()));
    let all: Vec<usize> = (0..index.len()).collect();
    let runs = 40;
    let start = thread_cpu_time().unwrap();
    for _ in 0..runs {
        let mut leads = Vec::new();
        let mut n = 0;
        for &g in &all {
            let entry = &index.groups[g];
            let fields = GroupFields::new(&index.fields, entry.fields.clone());
            n += usize::from(
                crate::search::hit::score_group(&query, fields, entry.mask, &mut leads).is_some(),
            );
        }
        std::hint::black_box(n);
    }
    let scoring = (thread_cpu_time().unwrap() - start) / runs;
    let full = cpu_per_search(&index, &query, runs).unwrap();
    println!("scoring {scoring:?}, whole search {full:?} (one core)");
}

#[test]
#[ignore = "for profiling: each keystroke of $SEARCH_QUERY"]
fn profile_typing() {
    let groups = groups_for_profiling();
    let index = SearchIndex::new(&groups);
    let text = std::env::var("SEARCH_QUERY").unwrap_or_else(|_| "service fabrik".into());
    let mut previous = Query::default();
    let mut hits = index.search(&previous);
    for end in 1..=text.len() {
        let query = Query::parse(&text[..end]);
        let start = Instant::now();
        let narrows = query.narrows(&previous);
        let candidates = hits.len();
        hits = if narrows {
            let within: Vec<usize> = hits.iter().map(|hit| hit.group).collect();
            index.search_within(&query, &within)
        } else {
            index.search(&query)
        };
        println!(
            "{:>16?} narrows {narrows:5} from {candidates:>5}: {:>7.1?}, {} hits",
            &text[..end],
            start.elapsed(),
            hits.len()
        );
        previous = query;
    }
}

/// The registry file in $SEARCH_REGISTRY (as `cargo run --example synth -- 10000` prints),
/// or 10,000 groups of `synthetic` with the vocabulary in $SEARCH_VOCABULARY.
fn groups_for_profiling() -> Vec<Group> {
    if let Ok(path) = std::env::var("SEARCH_REGISTRY") {
        let text = std::fs::read_to_string(path).expect("registry file reads");
        let file: crate::registry::CommunityFile =
            serde_yaml::from_str(&text).expect("registry parses");
        return file.groups;
    }
    let vocabulary = match std::env::var("SEARCH_VOCABULARY").as_deref() {
        Ok("large") => Vocabulary::Large,
        _ => Vocabulary::Small,
    };
    synthetic(10_000, vocabulary)
}
