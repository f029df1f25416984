//! Start to first frame on synthetic registries of 100 to 100,000 groups
//! (`cargo run --release --example synth -- N` prints the same ones): from the YAML files, and
//! from the loading snapshot an unchanged registry starts from. Divan's allocation profiler
//! gives the memory figure: bytes allocated by one start, and the largest of them alive at
//! once is bounded by that.
//!
//! Run with `cargo bench --bench start`. The 100,000-group registry is ten files of 10,000
//! (a registry file may hold at most 64 MiB).

#[path = "../examples/synth.rs"]
#[allow(dead_code)] // the example's `main` is not used here
mod synth;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use divan::{AllocProfiler, Bencher};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use townhall::registry::{Loaded, Sources, snapshot};
use townhall::state::State;
use townhall::tui::app::App;
use townhall::tui::theme::Theme;
use townhall::tui::view;

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

fn main() {
    divan::main();
}

const SIZES: [usize; 4] = [100, 1_000, 10_000, 100_000];
const PER_FILE: usize = 10_000;

/// A folder of synthetic registry files, written once per size, and a cache folder beside it.
fn folder(groups: usize) -> &'static (tempfile::TempDir, PathBuf) {
    static DIRS: [OnceLock<(tempfile::TempDir, PathBuf)>; 4] = [const { OnceLock::new() }; 4];
    let slot = SIZES.iter().position(|&s| s == groups).expect("a size");
    DIRS[slot].get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let files = dir.path().join("registry");
        std::fs::create_dir(&files).unwrap();
        let text = synth::registry(groups, synth::DEFAULT_SEED);
        let (head, body) = text.split_once("groups:\n").unwrap();
        let starts: Vec<usize> = body
            .match_indices("\n  - id: ")
            .map(|(i, _)| i + 1)
            .collect();
        let mut chunks = vec![0];
        chunks.extend(starts.iter().copied().skip(PER_FILE).step_by(PER_FILE));
        chunks.push(body.len());
        for (n, pair) in chunks.windows(2).enumerate() {
            let file = files.join(format!("synth-{n:02}.yaml"));
            let part = format!("{head}groups:\n{}", &body[pair[0]..pair[1]]);
            std::fs::write(file, part).unwrap();
        }
        (dir, files)
    })
}

fn sources(files: &Path) -> Sources {
    Sources {
        paths: vec![files.to_path_buf()],
        ..Sources::default()
    }
}

fn first_frame(loaded: Loaded) -> u16 {
    assert!(!loaded.has_errors(), "the synthetic registry reads");
    let now = "2026-11-21T00:00:00Z".parse().unwrap();
    let app = App::new(
        loaded.registry,
        State::default(),
        now,
        jiff::tz::TimeZone::UTC,
    );
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let theme = Theme::new(true);
    term.draw(|f| view::draw(f, &app, &theme))
        .unwrap()
        .area
        .width
}

/// Reading, checking and indexing every YAML file, then the first frame.
#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn start_from_yaml(bencher: Bencher, groups: usize) {
    let (_, files) = folder(groups);
    let sources = sources(files);
    bencher.bench_local(|| first_frame(snapshot::load(&sources, None)));
}

/// The same start with the registry unchanged since the last one: its snapshot is read.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn start_from_snapshot(bencher: Bencher, groups: usize) {
    let (dir, files) = folder(groups);
    let sources = sources(files);
    let cache = dir.path().join("cache");
    let (_, _) = snapshot::load_from(&sources, Some(&cache));
    bencher.bench_local(|| {
        let (loaded, from) = snapshot::load_from(&sources, Some(&cache));
        assert_eq!(from, snapshot::From::Snapshot);
        first_frame(loaded)
    });
}
